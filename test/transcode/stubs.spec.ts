/**
 * Bytes the transcoder writes are ordinary protobuf: protobuf-es, ts-proto and Python's stubs read
 * them, write them back, and the transcoder turns what they wrote into the same JSON value.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { findMessage } from "../../src/schema/index.js";
import { binaryToJson, jsonToBinary } from "../../src/transcode/index.js";

const examplesDir = new URL("../../../shared/mcp-spec/2026-07-28/examples/", import.meta.url);
const options = { revision: "2026-07-28", requireFields: false } as const;
const examples = readdirSync(examplesDir).flatMap((type) =>
  readdirSync(new URL(`${type}/`, examplesDir)).map((file) => ({
    type,
    name: `${type}/${file}`,
    text: readFileSync(new URL(`${type}/${file}`, examplesDir), "utf8"),
  })),
);
const value = (json: Uint8Array) => JSON.parse(Buffer.from(json).toString("utf8")) as unknown;

interface TsProtoCodec {
  encode(message: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

async function tsProtoCodecs(): Promise<Map<string, TsProtoCodec>> {
  const codecs = new Map<string, TsProtoCodec>();
  const dir = new URL("../../gen/ts-proto/mcp/v1/", import.meta.url);
  // service.ts holds the grpc-js service definitions: messages only here.
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "service.ts")) {
    const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    for (const [name, codec] of Object.entries(module)) {
      if (typeof codec === "object" && codec !== null && "decode" in codec)
        codecs.set(name, codec as TsProtoCodec);
    }
  }
  return codecs;
}

describe("transcode: bytes shared with the generated stubs", function () {
  this.timeout(60_000);

  it("protobuf-es reads and rewrites every example to the same JSON", () => {
    for (const { type, name, text } of examples) {
      const bytes = jsonToBinary(type, text, options);
      const desc = findMessage(type)!;
      const rewritten = toBinary(desc, fromBinary(desc, bytes));
      assert.deepStrictEqual(value(binaryToJson(type, rewritten, options)), JSON.parse(text), name);
    }
  });

  it("ts-proto reads and rewrites every example to the same JSON", async () => {
    const codecs = await tsProtoCodecs();
    for (const { type, name, text } of examples) {
      const codec = codecs.get(type);
      assert.ok(codec, `ts-proto has ${type}`);
      const rewritten = codec.encode(codec.decode(jsonToBinary(type, text, options))).finish();
      assert.deepStrictEqual(value(binaryToJson(type, rewritten, options)), JSON.parse(text), name);
    }
  });

  it("Python's stubs read and rewrite every example to the same JSON", function () {
    let python = "/usr/bin/python3";
    try {
      execFileSync(python, ["-c", "import google.protobuf"], { stdio: "ignore" });
    } catch {
      if (process.env.CI === "true") assert.fail("python3-protobuf is missing on CI");
      python = "";
    }
    if (python === "") this.skip();
    const input = examples
      .map(({ type, text }) => `${type} ${Buffer.from(jsonToBinary(type, text, options)).toString("hex")}\n`)
      .join("");
    const output = execFileSync(python, ["test/transcode/python/reencode.py"], {
      input,
      env: { ...process.env, PYTHONPATH: "gen/python" },
    })
      .toString()
      .trim()
      .split("\n");
    assert.equal(output.length, examples.length);
    examples.forEach(({ type, name, text }, i) => {
      const rewritten = Buffer.from(output[i]!, "hex");
      assert.deepStrictEqual(value(binaryToJson(type, rewritten, options)), JSON.parse(text), name);
    });
  });
});
