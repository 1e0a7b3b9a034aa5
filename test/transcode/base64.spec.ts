/**
 * Binary content goes through the base64 addon (native/base64.c, bytes to bytes) where its prebuild
 * loads, and otherwise through Node's string base64 in chunks: small ones for ordinary blobs, and for
 * multi-MB ones chunks long enough to stay outside V8's heap, with the remainder folded into the
 * last chunk. On both paths every size around those boundaries must come back as the same text,
 * and a bad character must be found anywhere, in any chunk, with the same error.
 */
import assert from "node:assert/strict";
import { binaryToJson, jsonToBinary, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";
import { existsSync, readFileSync } from "node:fs";
import { nativeBase64 } from "../../src/transcode/native-base64.js";

const options = { revision: "2025-11-25" } as const;
const KB = 1024;
const MB = 1024 * KB;

/** Deterministic bytes that use the whole base64 alphabet. */
function bytes(n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  let x = n | 1;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

function imageJson(data: string): string {
  return JSON.stringify({ type: "image", data, mimeType: "image/png" });
}

/** Whether the addon must be in use: on linux-x64 with its prebuild there and AVX2, unless turned off. */
function nativeExpected(): boolean {
  const prebuild = new URL("../../prebuilds/linux-x64/protomcp_base64.node", import.meta.url);
  const linux64 = process.platform === "linux" && process.arch === "x64";
  if (!linux64 || !existsSync(prebuild) || process.env.PROTOMCP_NATIVE === "0") return false;
  return /^flags\s*:.* avx2( |$)/m.test(readFileSync("/proc/cpuinfo", "utf8"));
}

/**
 * Runs `body` on one base64 path. The addon's runs wherever it is expected to load (a prebuild for
 * this platform, not turned off), and its absence there fails the suite instead of quietly testing
 * one path; elsewhere it is skipped.
 */
function onPath(native: boolean, body: () => void): void {
  describe(native ? "with the base64 addon" : "with Node's string base64", () => {
    const enabledBefore = nativeBase64.enabled;
    before(function () {
      if (native && nativeBase64.addon === undefined) {
        if (nativeExpected()) throw new Error(`the base64 addon is not in use: ${nativeBase64.why}`);
        this.skip();
      }
      nativeBase64.enabled = native;
    });
    after(() => {
      nativeBase64.enabled = enabledBefore;
    });
    body();
  });
}

for (const native of [true, false]) {
  onPath(native, () => {
    describe("transcode: base64 content", () => {
      // Around 64 KiB text chunks (48 KiB of bytes), Node's external-string threshold (0xFBEE9
      // characters, 773,937 bytes), and the 1.5 MiB large chunk with remainders just under and over it.
      const sizes = [
        0,
        1,
        2,
        3,
        3072,
        49151,
        49152,
        49153,
        98304,
        773_934,
        773_937,
        773_940,
        1_000_000,
        1_179_648 + 773_934,
        1_179_648 + 773_940,
        2 * 1_179_648,
        8 * MB + 1,
      ];

      for (const n of sizes) {
        it(`round-trips ${n} bytes of content exactly, as raw bytes on the wire`, () => {
          const blob = bytes(n);
          const json = imageJson(blob.toString("base64"));
          const binary = jsonToBinary("ImageContent", json, options);
          assert.ok(Buffer.from(binary).includes(blob), "the bytes travel raw");
          assert.equal(Buffer.from(binaryToJson("ImageContent", binary, options)).toString("utf8"), json);
        });
      }

      function rejectsAt(n: number, at: number, char: string, message: RegExp): void {
        const text = bytes(n).toString("base64");
        const bad = `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
        assert.throws(
          () => jsonToBinary("ImageContent", imageJson(bad), options),
          (e: unknown) =>
            e instanceof TranscodeError && e.code === TranscodeCode.InvalidValue && message.test(e.message),
        );
      }

      it("finds URL-safe characters in the first, a middle and the last chunk of a large text", () => {
        const n = 4 * MB;
        const length = Math.ceil(n / 3) * 4;
        for (const at of [0, 2_200_000, length - 8]) {
          rejectsAt(n, at, "-", /URL-safe/);
          rejectsAt(n, at, "_", /URL-safe/);
        }
      });

      it("finds characters outside the alphabet anywhere in a large text", () => {
        const n = 4 * MB;
        const length = Math.ceil(n / 3) * 4;
        for (const at of [5, 1_572_870, length - 8]) rejectsAt(n, at, "*", /outside the base64 alphabet/);
      });
    });

    describe("transcode: escaped base64 text", () => {
      // JSON may escape any character of a base64 text (`\/`, `\u0041`); the escapes are looked for only
      // once the raw text fails as base64, so both outcomes of that second look are held here.
      const data = bytes(300).toString("base64");
      const slash = data.indexOf("/");
      assert.ok(slash > 5, "the text holds a slash to escape");

      it("reads escaped characters as the characters they stand for", () => {
        const code = data.charCodeAt(4).toString(16).padStart(4, "0");
        const escaped = `${data.slice(0, 4)}\\u${code}${data.slice(5, slash)}\\/${data.slice(slash + 1)}`;
        const text = imageJson("X").replace('"X"', `"${escaped}"`);
        const back = binaryToJson("ImageContent", jsonToBinary("ImageContent", text, options), options);
        assert.deepEqual(JSON.parse(Buffer.from(back).toString("utf8")), JSON.parse(imageJson(data)));
      });

      it("refuses an escaped text that is still not base64, saying why", () => {
        const text = imageJson("X").replace('"X"', `"\\/${data.slice(2)}"`);
        assert.throws(
          () => jsonToBinary("ImageContent", text, options),
          (e: unknown) =>
            e instanceof TranscodeError &&
            e.code === TranscodeCode.InvalidValue &&
            /multiple of 4/.test(e.message),
        );
        const urlSafe = imageJson("X").replace('"X"', `"\\/${data.slice(1, 10)}-${data.slice(11)}"`);
        assert.throws(() => jsonToBinary("ImageContent", urlSafe, options), /URL-safe/);
      });
    });

    describe("transcode: base64 text refused on either path", () => {
      // Each must fail the same way whichever path reads it first: the addon refuses, and the
      // string path names the fault.
      const data = bytes(3000).toString("base64");
      const cases: [string, string, RegExp][] = [
        ["non-zero bits in the padded group", `${data.slice(0, -2)}B=`, /canonical/],
        ["a space inside", `${data.slice(0, 100)} ${data.slice(101)}`, /outside the base64 alphabet/],
        [
          "a padding character inside",
          `${data.slice(0, 100)}=${data.slice(101)}`,
          /outside the base64 alphabet/,
        ],
        ["a character past ASCII", `${data.slice(0, 99)}é${data.slice(101)}`, /outside the base64 alphabet/],
        ["URL-safe characters", `${data.slice(0, 2000)}-${data.slice(2001)}`, /URL-safe/],
        ["a missing character", data.slice(1), /multiple of 4/],
      ];
      for (const [what, text, message] of cases) {
        it(`refuses ${what}`, () => {
          assert.throws(
            () => jsonToBinary("ImageContent", imageJson(text), options),
            (e: unknown) =>
              e instanceof TranscodeError && e.code === TranscodeCode.InvalidValue && message.test(e.message),
          );
        });
      }
    });
  });
}
