/**
 * Base64 between bytes and bytes through the optional addon `native/base64.cc`: Node 20 converts
 * base64 only through strings, which for a 16 KB image cost more than the conversion. The addon
 * calls the simdutf that Node itself carries. It is used only where it was built (`npm install`
 * builds it when a compiler is there), where Node's simdutf is a version its declarations were
 * checked against, and where it passes a self-test on load; `PROTOMCP_NATIVE=0` turns it off.
 */
import { createRequire } from "node:module";

interface Addon {
  /** Bytes of the padded base64 `text[from, to)` written at `out[at]`: their count, or -1. */
  decode(text: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number;
  /** `bytes[from, to)` written as padded base64 at `out[at]`: the number of characters. */
  encode(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number;
}

/** simdutf major versions whose `base64_to_binary` and `binary_to_base64` the addon declares. */
const CHECKED_SIMDUTF = ["6"];

/** Decodes, refuses and encodes a known text: a simdutf whose meaning changed fails here. */
function passesSelfTest(addon: Addon): boolean {
  const out = new Uint8Array(16);
  const text = new TextEncoder().encode("AAECAw==-A==");
  const decoded = addon.decode(text, 0, 8, out, 0) === 4 && out.subarray(0, 4).join() === "0,1,2,3";
  const refused = addon.decode(text, 8, 12, out, 0) === -1;
  const encoded =
    addon.encode(Uint8Array.of(0, 1, 2, 3), 0, 4, out, 0) === 8 &&
    new TextDecoder().decode(out.subarray(0, 8)) === "AAECAw==";
  return decoded && refused && encoded;
}

function load(): { addon: Addon | undefined; why: string } {
  if (process.env.PROTOMCP_NATIVE === "0") return { addon: undefined, why: "PROTOMCP_NATIVE=0" };
  const simdutf = process.versions.simdutf;
  if (simdutf === undefined || !CHECKED_SIMDUTF.includes(simdutf.split(".")[0]!))
    return { addon: undefined, why: `Node's simdutf ${simdutf ?? "(none)"} is not one it was checked against` };
  let addon: Addon;
  try {
    addon = createRequire(import.meta.url)("../../build/Release/protomcp_base64.node") as Addon;
  } catch (error) {
    return { addon: undefined, why: `not built (${error instanceof Error ? error.message.split("\n")[0] : error})` };
  }
  return passesSelfTest(addon) ? { addon, why: "" } : { addon: undefined, why: "failed its self-test" };
}

const loaded = load();

/**
 * The base64 addon: `addon` where it loaded, else `why` it did not. `enabled` turns it off and on
 * (tests, comparisons); without an addon it has no effect.
 */
export const nativeBase64 = {
  addon: loaded.addon,
  enabled: loaded.addon !== undefined,
  why: loaded.why,
};
