/**
 * Base64 bytes to bytes through the addon `native/base64.c`, which the package ships prebuilt in
 * `prebuilds/<platform>-<arch>/` (`native/build.mjs`): Node before 26 converts base64 only through
 * strings, which for a 16 KB image cost more than the conversion (docs/base64.md).
 *
 * Loading must never be able to end the process, so what could is ruled out before trying: the
 * addon uses Node-API only (checked here: `process.versions.napi`), is linked to resolve every symbol
 * when it is opened (a missing one is an exception here, not an exit later), and picks its SIMD
 * kernels from what the CPU reports. It is then used only if it passes a self-test, and has SIMD
 * kernels for this CPU (AVX2 or AVX-512: its scalar code is slower than Node's). Anything else
 * (no prebuild, another platform, an open error) leaves Node's string path, with the same results.
 * `PROTOMCP_NATIVE=0` turns it off; `DEBUG=protomcp` says on stderr which path is in use.
 */
import { Buffer } from "node:buffer";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Base64Addon {
  /** Bytes of the padded base64 `text[from, to)` written at `out[at]`: their count, or -1. */
  decode(text: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number;
  /** `bytes[from, to)` written as padded base64 at `out[at]`: the number of characters. */
  encode(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number;
  /** The kernels in use: "avx512vbmi", "avx2" or "scalar". */
  simd(): string;
}

/** Where `native/build.mjs` makes a prebuild (its kernels are x86-64, measured only there). */
export const PREBUILD_PLATFORMS = ["linux-x64"];
/** The Node-API version the addon is compiled for (`NAPI_VERSION` in native/binding.gyp). */
const NAPI_VERSION = 8;

/** The first directory from `from` up whose package.json is protomcp's: the checkout or the package. */
function packageRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown };
      if (json.name === "protomcp") return dir;
    } catch {
      // No package.json here, or not JSON: keep walking up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where this platform's prebuild is, whether or not it exists; undefined outside the package. */
export function prebuildPath(): string | undefined {
  const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
  const platform = `${process.platform}-${process.arch}`;
  return root && join(root, "prebuilds", platform, "protomcp_base64.node");
}

/** Converts, refuses and encodes known texts, some long enough for every SIMD kernel. */
function passesSelfTest(addon: Base64Addon): boolean {
  try {
    const bytes = Buffer.alloc(300, 0);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 151 + 7) & 255;
    const text = Buffer.from(bytes.toString("base64"), "latin1");
    const out = Buffer.alloc(text.length);
    const encoded = addon.encode(bytes, 0, 300, out, 0) === 400 && out.equals(text);
    const decoded = addon.decode(text, 0, 400, out, 0) === 300 && out.subarray(0, 300).equals(bytes);
    text[200] = 0x2d; // "-": URL-safe, refused in the middle of a SIMD block
    const refused = addon.decode(text, 0, 400, out, 0) === -1;
    return encoded && decoded && refused;
  } catch {
    return false;
  }
}

function load(): { addon: Base64Addon | undefined; why: string } {
  const off = (why: string) => ({ addon: undefined, why });
  if (process.env.PROTOMCP_NATIVE === "0") return off("turned off by PROTOMCP_NATIVE=0");
  const platform = `${process.platform}-${process.arch}`;
  if (!PREBUILD_PLATFORMS.includes(platform)) return off(`no prebuild for ${platform}`);
  if (!(Number(process.versions.napi) >= NAPI_VERSION))
    return off(`Node-API ${process.versions.napi} is older than ${NAPI_VERSION}`);
  const path = prebuildPath();
  if (path === undefined || !existsSync(path)) return off(`no prebuild at ${path ?? "prebuilds/"}`);
  let addon: Base64Addon;
  try {
    addon = createRequire(import.meta.url)(path) as Base64Addon;
  } catch (error) {
    // The message names the file.
    return off(`cannot load: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  }
  if (!passesSelfTest(addon)) return off(`${path} failed its self-test`);
  // Its scalar code is slower than Node's string base64 (simdutf): only its SIMD kernels pay.
  if (addon.simd() === "scalar") return off("the CPU has no AVX2, and Node's string base64 is faster");
  return { addon, why: "" };
}

/** Whether env DEBUG asks for protomcp's messages, in the `debug` package's syntax. */
function debugging(): boolean {
  return (process.env.DEBUG ?? "").split(/[\s,]+/).some((pattern) => {
    if (pattern === "" || pattern.startsWith("-")) return false;
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`);
    return re.test("protomcp") || re.test("protomcp:base64");
  });
}

const loaded = load();

/**
 * The base64 addon: `addon` where it loaded, else `why` it did not. `enabled` switches between the
 * paths (tests, comparisons); without an addon it has no effect.
 */
export const nativeBase64 = {
  addon: loaded.addon,
  enabled: loaded.addon !== undefined,
  why: loaded.why,
  /** The path in use, for logs and bench reports. */
  path(): string {
    if (this.addon === undefined) return `Node's string base64 (addon not in use: ${this.why})`;
    return this.enabled ? `addon, bytes to bytes (${this.addon.simd()})` : "Node's string base64 (addon off)";
  },
};

if (debugging()) process.stderr.write(`protomcp:base64 ${nativeBase64.path()}\n`);
