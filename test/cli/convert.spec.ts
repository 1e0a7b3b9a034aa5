/** `protomcp convert` as a person runs it: JSON lines in, size-delimited protobuf out, and back. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { create, toBinary } from "@bufbuild/protobuf";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";

function convert(args: string[], input: string | Buffer) {
  const run = spawnSync(process.execPath, ["bin/protomcp.js", "convert", ...args], {
    input,
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString() };
}

const session = (
  JSON.parse(readFileSync("bench/fixtures/captured/everything.json", "utf8")) as { json: string }[]
).map((m) => JSON.stringify(JSON.parse(m.json)));

describe("protomcp convert", function () {
  this.timeout(60_000);

  it("turns a JSON-RPC session into size-delimited binary and back, line for line", () => {
    const binary = convert(
      ["--from", "json", "--to", "binary", "--mcp-version", "2025-11-25"],
      `${session.join("\n")}\n`,
    );
    assert.equal(binary.status, 0, binary.stderr);
    assert.ok(binary.stdout.length < Buffer.byteLength(session.join("")));
    const json = convert(["--from", "binary", "--to", "json", "--mcp-version", "2025-11-25"], binary.stdout);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(json.stdout.toString().trimEnd().split("\n"), session);
  });

  it("converts one definition by name and prints text format", () => {
    const text = convert(["--type", "TextContent", "--to", "text"], '{"type":"text","text":"hi"}\n');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout.toString(), /text: "hi"/);
  });

  it("reports bad input with its line, path and expectation, and exits non-zero", () => {
    const bad = convert(["--type", "TextContent"], '{"type":"text","text":"ok"}\n{"type":"text","text":5}\n');
    assert.equal(bad.status, 1);
    assert.match(
      bad.stderr,
      /line 2: cannot convert TextContent\.text: expected a string, got a number at \$\.text/,
    );
    assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
    const garbage = convert(
      ["--type", "TextContent", "--from", "binary", "--to", "json"],
      Buffer.from([0x03, 0xff, 0xff, 0xff]),
    );
    assert.equal(garbage.status, 1);
    assert.match(garbage.stderr, /message 1: cannot read protobuf/);
    const unknown = convert(["--type", "NoSuchThing"], "{}\n");
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no MCP definition named 'NoSuchThing'/);
  });

  it("refuses a key twice, in JSON or shadowed by additional_properties in binary (issue 25)", () => {
    const twice = convert(
      ["--type", "CallToolRequestParams", "--to", "binary"],
      '{"name":"echo","name":"get-env"}\n',
    );
    assert.equal(twice.status, 1);
    assert.match(
      twice.stderr,
      /line 1: cannot convert CallToolRequestParams: the key 'name' appears twice .* at \$\.name/,
    );
    const message = toBinary(
      CallToolRequestParamsSchema,
      create(CallToolRequestParamsSchema, { name: "echo", additionalProperties: { name: '"get-env"' } }),
    );
    const shadowed = convert(
      ["--type", "CallToolRequestParams", "--from", "binary", "--to", "json"],
      Buffer.concat([Buffer.from([message.length]), message]),
    );
    assert.equal(shadowed.status, 1);
    assert.equal(shadowed.stdout.length, 0);
    assert.match(
      shadowed.stderr,
      /message 1: cannot convert CallToolRequestParams: 'name' is in additional_properties.* at \$\.name/,
    );
  });
});
