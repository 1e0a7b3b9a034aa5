/**
 * Binary content goes through the base64 addon (native/base64.c, bytes to bytes) where its prebuild
 * loads, and otherwise through Node's string base64 in chunks: small ones for ordinary blobs, and for
 * multi-MB ones chunks long enough to stay outside V8's heap, with the remainder folded into the
 * last chunk. On both paths every size around those boundaries must come back as the same text.
 * Any other text (unpadded, URL-safe, white space, non-zero trailing bits, not base64 at all) travels
 * in the field's text alternative (`data_text`, `blob_text`) and comes back unchanged, wherever in
 * whichever chunk the fault is; a binary client reads it there.
 */
import assert from "node:assert/strict";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  AudioContentSchema,
  BlobResourceContentsSchema,
  ImageContentSchema,
} from "../../gen/es/mcp/v1/content_pb.js";
import {
  binaryToJson,
  JsonRpcTranscoder,
  jsonToBinary,
  TranscodeCode,
  TranscodeError,
} from "../../src/transcode/index.js";
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

/**
 * Converts `json` (an ImageContent) to binary and back: it must come back byte for byte, and the
 * binary must hold `data` as bytes (canonical base64) or as text in `data_text` (anything else).
 */
function roundTrip(json: string, as: "bytes" | "text", expected = json): void {
  const binary = jsonToBinary("ImageContent", json, options);
  const message = fromBinary(ImageContentSchema, binary);
  const data = (JSON.parse(json) as { data: string }).data;
  if (as === "bytes") {
    assert.equal(message.dataText, undefined, "no text alternative");
    assert.equal(Buffer.from(message.data!).toString("base64"), data);
  } else {
    assert.equal(message.data, undefined, "no bytes");
    assert.equal(message.dataText, data, "the text, as it came");
  }
  assert.equal(Buffer.from(binaryToJson("ImageContent", binary, options)).toString("utf8"), expected);
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

      function changedAt(n: number, at: number, char: string): string {
        const text = bytes(n).toString("base64");
        return `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
      }

      it("carries a large text with URL-safe characters in its first, a middle or its last chunk as text", () => {
        const n = 4 * MB;
        const length = Math.ceil(n / 3) * 4;
        for (const at of [0, 2_200_000, length - 8]) {
          roundTrip(imageJson(changedAt(n, at, "-")), "text");
          roundTrip(imageJson(changedAt(n, at, "_")), "text");
        }
      });

      it("carries a large text with characters outside the alphabet anywhere as text", () => {
        const n = 4 * MB;
        const length = Math.ceil(n / 3) * 4;
        for (const at of [5, 1_572_870, length - 8]) roundTrip(imageJson(changedAt(n, at, "*")), "text");
      });

      it("carries large unpadded and URL-safe texts (urlsafe_b64encode(…).rstrip('=')) as text", () => {
        for (const n of [49151, 773_935, 2 * MB + 2]) {
          const unpadded = bytes(n).toString("base64url");
          assert.ok(!unpadded.endsWith("="));
          roundTrip(imageJson(unpadded), "text");
          roundTrip(imageJson(bytes(n).toString("base64").replace(/=+$/, "")), "text");
        }
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

      it("carries an escaped text that is still not base64 as text, by its value", () => {
        const unescaped = `/${data.slice(2)}`;
        const text = imageJson("X").replace('"X"', `"\\/${data.slice(2)}"`);
        roundTrip(text, "text", imageJson(unescaped));
        const urlSafe = `/${data.slice(1, 10)}-${data.slice(11)}`;
        roundTrip(imageJson("X").replace('"X"', `"\\${urlSafe}"`), "text", imageJson(urlSafe));
        // A white space escape: `"aGk=\n"`.
        roundTrip(imageJson("aGk=\n"), "text");
        // An escaped character past latin1 is no base64 character (its low byte, 0x41, is "A").
        roundTrip(imageJson("X").replace('"X"', '"\\u0141AAA"'), "text", imageJson("\u0141AAA"));
      });

      it("refuses a bad escape, as in any string", () => {
        assert.throws(
          () => jsonToBinary("ImageContent", imageJson("X").replace('"X"', '"aG\\x="'), options),
          (e: unknown) => e instanceof TranscodeError && e.code === TranscodeCode.MalformedJson,
        );
      });
    });

    describe("transcode: any other text goes back unchanged, as text, on either path", () => {
      // Each must come back the same whichever path reads it first: the addon refuses it, and the
      // string path finds what the addon did not.
      const data = bytes(3000).toString("base64");
      const cases: [string, string][] = [
        ["non-zero bits in the padded group", `${data.slice(0, -2)}B=`],
        ["non-zero bits in a two-padded group", "aGl="],
        ["a space inside", `${data.slice(0, 100)} ${data.slice(101)}`],
        ["a line break every 76 characters (MIME)", (data.match(/.{1,76}/g) ?? []).join("\r\n")],
        ["a trailing newline", `${data}\n`],
        ["a padding character inside", `${data.slice(0, 100)}=${data.slice(101)}`],
        ["two padded texts one after the other", "YQ==YQ=="],
        ["a character past ASCII", `${data.slice(0, 99)}é${data.slice(101)}`],
        ["URL-safe characters", `${data.slice(0, 2000)}-${data.slice(2001)}`],
        ["a missing character", data.slice(1)],
        ["no padding (the issue's case)", "aGk"],
        ["one character", "a"],
        ["too much padding", "aGk=="],
        ["padding only", "===="],
        ["text that is not base64 at all", "not base64, but a string the schema allows"],
      ];
      for (const [what, text] of cases) {
        it(`carries ${what}`, () => roundTrip(imageJson(text), "text"));
      }

      it("keeps canonical base64, the empty text included, on the bytes path", () => {
        for (const text of ["", "aGk=", "aGk+", "YQ==", data]) roundTrip(imageJson(text), "bytes");
      });
    });
  });
}

describe("transcode: the text alternative of every base64 field", () => {
  const cases = [
    {
      name: "ImageContent",
      schema: ImageContentSchema,
      json: (v: string) => `{"type":"image","data":${JSON.stringify(v)},"mimeType":"image/png"}`,
    },
    {
      name: "AudioContent",
      schema: AudioContentSchema,
      json: (v: string) => `{"type":"audio","data":${JSON.stringify(v)},"mimeType":"audio/wav"}`,
    },
    {
      name: "BlobResourceContents",
      schema: BlobResourceContentsSchema,
      json: (v: string) => `{"uri":"file:///a","blob":${JSON.stringify(v)}}`,
    },
  ] as const;
  for (const c of cases) {
    it(`${c.name}: unpadded, URL-safe and other text comes back unchanged, in both revisions`, () => {
      for (const revision of ["2025-11-25", "2026-07-28"] as const) {
        for (const v of ["aGk", "aGk=", "-_-_", "aGk=\n", " aGk=", "x", ""]) {
          const text = c.json(v);
          const back = binaryToJson(c.name, jsonToBinary(c.name, text, { revision }), { revision });
          assert.equal(Buffer.from(back).toString("utf8"), text);
        }
      }
    });
  }

  it("a binary client's text alternative becomes the property, and canonical text in it stays text", () => {
    for (const dataText of ["aGk", "aGk="]) {
      const binary = toBinary(
        ImageContentSchema,
        create(ImageContentSchema, { type: "image", dataText, mimeType: "image/png" }),
      );
      const json = Buffer.from(binaryToJson("ImageContent", binary, options)).toString("utf8");
      // In field number order, as protobuf-es writes them.
      assert.equal(json, `{"mimeType":"image/png","type":"image","data":${JSON.stringify(dataText)}}`);
    }
  });

  it("refuses a message with both the bytes and the text set (two `data` keys)", () => {
    const binary = toBinary(
      ImageContentSchema,
      create(ImageContentSchema, {
        type: "image",
        data: Buffer.from("hi"),
        dataText: "aGk",
        mimeType: "image/png",
      }),
    );
    assert.throws(
      () => binaryToJson("ImageContent", binary, options),
      (e: unknown) =>
        e instanceof TranscodeError && e.code === TranscodeCode.DuplicateKey && /'data'/.test(e.message),
    );
  });

  it("refuses `data` twice in JSON, whichever form each takes", () => {
    for (const [a, b] of [
      ["aGk", "aGk="],
      ["aGk=", "aGk"],
      ["aGk", "aGk"],
    ]) {
      assert.throws(
        () =>
          jsonToBinary(
            "ImageContent",
            `{"type":"image","data":"${a}","mimeType":"x","data":"${b}"}`,
            options,
          ),
        (e: unknown) => e instanceof TranscodeError && e.code === TranscodeCode.DuplicateKey,
      );
    }
  });

  it("a required property is present in either form, and missing in neither", () => {
    const binary = toBinary(
      ImageContentSchema,
      create(ImageContentSchema, { type: "image", dataText: "aGk", mimeType: "image/png" }),
    );
    binaryToJson("ImageContent", binary, { ...options, requireFields: true });
    const none = toBinary(ImageContentSchema, create(ImageContentSchema, { type: "image", mimeType: "x" }));
    assert.throws(() => binaryToJson("ImageContent", none, { ...options, requireFields: true }), /'data'/);
  });

  it("a tools/call result and a resources/read result carry it through JsonRpcTranscoder (compiled paths)", () => {
    const messages: [string, string][] = [
      [
        "tools/call",
        '{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"image","data":"aGk","mimeType":"image/png"},{"type":"audio","data":"aGk-","mimeType":"audio/wav"},{"type":"resource","resource":{"uri":"x:/a","blob":"aGk"}}]}}',
      ],
      [
        "resources/read",
        '{"jsonrpc":"2.0","id":1,"result":{"contents":[{"uri":"x:/a","blob":"aGk","mimeType":"a/b"}]}}',
      ],
    ];
    for (const [method, message] of messages) {
      const encoder = new JsonRpcTranscoder({ revision: "2025-11-25" });
      const decoder = new JsonRpcTranscoder({ revision: "2025-11-25" });
      encoder.expect(1, method);
      decoder.expect(1, method);
      assert.equal(Buffer.from(decoder.toJson(encoder.toBinary(message))).toString("utf8"), message);
    }
  });
});
