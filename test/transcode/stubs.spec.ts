/**
 * Bytes the transcoder writes are ordinary protobuf: protobuf-es, ts-proto and Python's stubs read
 * them, write them back, and the transcoder turns what they wrote into the same JSON value.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { findMessage } from "../../src/schema/index.js";
import { binaryToJson, jsonToBinary } from "../../src/transcode/index.js";

const examplesDir = new URL("../../spec/2026-07-28/examples/", import.meta.url);
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

  /** Runs a re-encoding program over every example and checks what it wrote. */
  function checkReencoded(command: string, args: string[], env: NodeJS.ProcessEnv): void {
    const input = examples
      .map(({ type, text }) => `${type} ${Buffer.from(jsonToBinary(type, text, options)).toString("hex")}\n`)
      .join("");
    const output = execFileSync(command, args, {
      input,
      env: { ...process.env, ...env },
      maxBuffer: 64 << 20,
    })
      .toString()
      .trim()
      .split("\n");
    assert.equal(output.length, examples.length);
    examples.forEach(({ type, name, text }, i) => {
      const rewritten = Buffer.from(output[i]!, "hex");
      assert.deepStrictEqual(value(binaryToJson(type, rewritten, options)), JSON.parse(text), name);
    });
  }

  it("Go's stubs build, read and rewrite every example to the same JSON", function () {
    try {
      execFileSync("go", ["version"], { stdio: "ignore" });
    } catch {
      if (process.env.CI === "true") assert.fail("go is missing on CI");
      this.skip();
    }
    this.timeout(180_000);
    // GOPATH mode: the Go modules come from Debian's packages, no network.
    const gopath = mkdtempSync(join(tmpdir(), "protomcp-go-"));
    try {
      mkdirSync(join(gopath, "src/github.com/protomcp/protomcp"), { recursive: true });
      symlinkSync(resolve("gen"), join(gopath, "src/github.com/protomcp/protomcp/gen"));
      const env = {
        GO111MODULE: "off",
        GOPATH: `${gopath}:/usr/share/gocode`,
        GOCACHE: join(gopath, "cache"),
      };
      const binary = join(gopath, "reencode");
      execFileSync("go", ["build", "-o", binary, "."], {
        cwd: "test/transcode/go",
        env: { ...process.env, ...env },
      });
      checkReencoded(binary, [], {});
    } finally {
      rmSync(gopath, { recursive: true, force: true });
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
    checkReencoded(python, ["test/transcode/python/reencode.py"], { PYTHONPATH: "gen/python" });
  });
});
