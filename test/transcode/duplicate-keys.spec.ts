/**
 * No JSON object leaves the transcoder with one key twice (issue 25): `additional_properties` never
 * holds a property its message defines (a second key, which the upstream's parser takes instead of
 * the typed field a rule checked), a field set twice on the wire is refused, and so is a JSON input
 * with one key twice.
 */
import assert from "node:assert/strict";
import { create, toBinary } from "@bufbuild/protobuf";
import { JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import {
  binaryToJson,
  JsonRpcTranscoder,
  jsonToBinary,
  TranscodeCode,
  TranscodeError,
} from "../../src/transcode/index.js";
import { duplicateKeyIn } from "./duplicate-keys.js";

const revision = "2026-07-28";
/** Both revisions, permissive (as the bridges convert) and, where 2025-11-25 requires less, strict. */
const settings = [
  { revision, requireFields: false },
  { revision: "2025-11-25", requireFields: false },
  { revision: "2025-11-25", requireFields: true },
] as const;
const loose = { revision, requireFields: false } as const;

/** Asserts `run` is refused as a duplicate key named `key` at JSON path `path`. */
function refused(run: () => unknown, key: string, path: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TranscodeError, String(error));
    assert.equal(error.code, TranscodeCode.DuplicateKey, error.message);
    assert.equal(error.path, path);
    assert.match(error.message, new RegExp(`'${key}'`));
    return true;
  });
}

/** A request as a gRPC caller builds it, additional properties and all. */
function request(value: Record<string, unknown>): Uint8Array {
  return toBinary(
    JSONRPCMessageSchema,
    create(JSONRPCMessageSchema, { value: { case: "jsonrpcRequest", value: value as never } }),
  );
}

/** Binary → JSON by every entry point that takes a JSON-RPC message: the compiled path and the interpreter's. */
function everyDecoder(bytes: Uint8Array): (() => unknown)[] {
  return settings.flatMap((options) => [
    () => new JsonRpcTranscoder(options).toJson(bytes),
    () => binaryToJson("JSONRPCMessage", bytes, options),
  ]);
}

function everyEncoder(json: string): (() => unknown)[] {
  return settings.flatMap((options) => [
    () => new JsonRpcTranscoder(options).toBinary(json),
    () => jsonToBinary("JSONRPCMessage", json, options),
    () => jsonToBinary("JSONRPCMessage", Buffer.from(json), options),
  ]);
}

describe("transcode: no duplicate keys (issue 25)", () => {
  describe("binary → JSON: additional_properties never shadows a field", () => {
    it("CallTool: name 'echo' with additional_properties {name: 'get-env'} is refused", () => {
      const bytes = request({
        id: { value: { case: "number", value: 1 } },
        method: "tools/call",
        params: {
          case: "callToolRequestParams",
          value: { name: "echo", arguments: "{}", additionalProperties: { name: '"get-env"' } },
        },
      });
      for (const run of everyDecoder(bytes)) refused(run, "name", "$.params.name");
      // The message alone, as the unary CallTool carries it.
      const params = toBinary(
        CallToolRequestParamsSchema,
        create(CallToolRequestParamsSchema, { name: "echo", additionalProperties: { name: '"get-env"' } }),
      );
      refused(() => binaryToJson("CallToolRequestParams", params, loose), "name", "$.name");
      // Without the typed name too: the entry would be the only `name`, unseen by a rule on the field.
      const only = toBinary(
        CallToolRequestParamsSchema,
        create(CallToolRequestParamsSchema, { additionalProperties: { name: '"get-env"' } }),
      );
      refused(() => binaryToJson("CallToolRequestParams", only, loose), "name", "$.name");
    });

    it("Call: a ping whose additional_properties say method 'tools/call' is refused", () => {
      const bytes = request({
        jsonrpc: "2.0",
        id: { value: { case: "number", value: 2 } },
        method: "ping",
        additionalProperties: { method: '"tools/call"', params: '{"name":"get-env"}' },
      });
      for (const run of everyDecoder(bytes)) refused(run, "method", "$.method");
    });

    it("Call: params in additional_properties (typed params or none) are refused", () => {
      const shadow = { params: '{"name":"get-env","arguments":{}}' };
      for (const params of [
        { case: "callToolRequestParams", value: { name: "echo" } },
        { case: undefined },
      ]) {
        const bytes = request({
          jsonrpc: "2.0",
          id: { value: { case: "number", value: 3 } },
          method: "tools/call",
          params,
          additionalProperties: shadow,
        });
        for (const run of everyDecoder(bytes)) refused(run, "params", "$.params");
      }
    });

    it("ReadResource: uri shadowed by additional_properties is refused", () => {
      const bytes = request({
        id: { value: { case: "number", value: 4 } },
        method: "resources/read",
        params: {
          case: "readResourceRequestParams",
          value: {
            uri: "demo://resource/static/1",
            additionalProperties: { uri: '"demo://resource/dynamic/text/1"' },
          },
        },
      });
      for (const run of everyDecoder(bytes)) refused(run, "uri", "$.params.uri");
    });

    it("a field set twice on the wire, or two params members, is refused", () => {
      const one = toBinary(
        CallToolRequestParamsSchema,
        create(CallToolRequestParamsSchema, { name: "echo" }),
      );
      const two = toBinary(
        CallToolRequestParamsSchema,
        create(CallToolRequestParamsSchema, { name: "get-env" }),
      );
      refused(
        () => binaryToJson("CallToolRequestParams", Buffer.concat([one, two]), loose),
        "name",
        "$.name",
      );
      const ping = request({ id: { value: { case: "number", value: 5 } }, method: "tools/call" });
      const member = (params: Record<string, unknown>) => request({ params }).subarray(2); // the JSONRPCRequest's own bytes after the union's tag and length
      const body = Buffer.concat([
        ping.subarray(2),
        member({ case: "callToolRequestParams", value: { name: "echo" } }),
        member({ case: "requestParams", value: {} }),
      ]);
      const bytes = Buffer.concat([ping.subarray(0, 1), Buffer.from([body.length]), body]);
      for (const run of everyDecoder(bytes)) refused(run, "params", "$.params");
    });

    it("two additional entries of one name are refused", () => {
      // protobuf-es keeps a map's last entry; the wire may hold both.
      const entry = (key: string, value: string) =>
        toBinary(
          CallToolRequestParamsSchema,
          create(CallToolRequestParamsSchema, { additionalProperties: { [key]: value } }),
        );
      const bytes = Buffer.concat([
        toBinary(CallToolRequestParamsSchema, create(CallToolRequestParamsSchema, { name: "echo" })),
        entry("x", "1"),
        entry("x", "2"),
      ]);
      refused(() => binaryToJson("CallToolRequestParams", bytes, loose), "x", "$.x");
      const distinct = Buffer.concat([
        bytes.subarray(0, bytes.length - entry("x", "2").length),
        entry("y", "2"),
      ]);
      assert.equal(
        Buffer.from(binaryToJson("CallToolRequestParams", distinct, loose)).toString(),
        '{"name":"echo","x":1,"y":2}',
      );
    });

    it("still carries empty lists and maps, and another revision's properties, under their keys", () => {
      for (const json of [
        '{"jsonrpc":"2.0","id":7,"result":{"tools":[],"nextCursor":"c"}}',
        '{"jsonrpc":"2.0","id":8,"method":"prompts/get","params":{"name":"p","arguments":{}}}',
      ]) {
        const transcoder = new JsonRpcTranscoder({ revision, requireFields: false });
        transcoder.expect(7, "tools/list");
        const back = Buffer.from(transcoder.toJson(transcoder.toBinary(json))).toString();
        assert.equal(back, json);
      }
      // A 2026-07-28 CreateMessageRequest may carry a 2025-11-25 `id` its field cannot hold.
      const value = '{"method":"sampling/createMessage","params":{"messages":[],"maxTokens":1},"id":{}}';
      const bytes = jsonToBinary("CreateMessageRequest", value, loose);
      assert.equal(Buffer.from(binaryToJson("CreateMessageRequest", bytes, loose)).toString(), value);
      // But not an empty list next to the same list's elements.
      const tools = Buffer.concat([
        jsonToBinary("ListToolsResult", '{"tools":[]}', loose),
        jsonToBinary("ListToolsResult", '{"tools":[{"name":"a","inputSchema":{"type":"object"}}]}', loose),
      ]);
      refused(() => binaryToJson("ListToolsResult", tools, loose), "tools", "$.tools");
      // Nor anything but an empty list under a list's key.
      const full = Buffer.from(jsonToBinary("ListToolsResult", '{"tools":[],"x":1}', loose));
      const forged = Buffer.from(
        full.toString("latin1").replace("\n\x05tools\x12\x02[]", "\n\x05tools\x12\x02{}"),
        "latin1",
      );
      assert.notDeepEqual(forged, full);
      refused(() => binaryToJson("ListToolsResult", forged, loose), "tools", "$.tools");
    });
  });

  describe("JSON → binary: a key twice in one object is refused", () => {
    it("CallTool params with name twice, plainly or escaped", () => {
      for (const params of [
        '{"name":"echo","name":"get-env"}',
        '{"name":"echo","arguments":{},"n\\u0061me":"get-env"}',
        '{"na\\u006de":"echo","name":"get-env"}',
      ]) {
        refused(() => jsonToBinary("CallToolRequestParams", params, loose), "name", "$.name");
        const json = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":${params}}`;
        for (const run of everyEncoder(json)) refused(run, "name", "$.params.name");
      }
    });

    it("method, params and id twice in a request", () => {
      const cases: [string, string][] = [
        [
          '{"jsonrpc":"2.0","id":1,"method":"ping","method":"tools/call","params":{"name":"get-env"}}',
          "method",
        ],
        [
          '{"method":"tools/call","params":{"name":"echo"},"params":{"name":"get-env"},"jsonrpc":"2.0","id":1}',
          "params",
        ],
        ['{"jsonrpc":"2.0","id":1,"method":"ping","p\\u0061rams":{},"params":{}}', "params"],
        ['{"jsonrpc":"2.0","id":1,"id":2,"method":"ping"}', "id"],
        ['{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"method":"ping"}', "jsonrpc"],
        ['{"jsonrpc":"2.0","id":1,"method":"x/y","params":{},"params":{}}', "params"],
      ];
      for (const [json, key] of cases) for (const run of everyEncoder(json)) refused(run, key, `$.${key}`);
    });

    it("an unknown key twice, and a map's key twice", () => {
      refused(
        () => jsonToBinary("CallToolRequestParams", '{"name":"a","x":1,"y":2,"x":1}', loose),
        "x",
        "$.x",
      );
      const prompt =
        '{"jsonrpc":"2.0","id":1,"method":"prompts/get","params":{"name":"p","arguments":{"a":"1","b":"2","a":"3"}}}';
      for (const run of everyEncoder(prompt)) refused(run, "a", "$.params.arguments.a");
      const escaped = prompt.replace('"a":"3"', '"\\u0061":"3"');
      for (const run of everyEncoder(escaped)) refused(run, "a", "$.params.arguments.a");
    });

    it("an escaped params key is typed by the method, as the plain key is", () => {
      const transcoder = new JsonRpcTranscoder({ revision, requireFields: false });
      const plain = transcoder.toBinary(
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo"}}',
      );
      const escaped = transcoder.toBinary(
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","p\\u0061rams":{"name":"echo"}}',
      );
      assert.deepEqual(Buffer.from(escaped), Buffer.from(plain));
    });
  });

  it("what does convert has no duplicate key", () => {
    const transcoder = new JsonRpcTranscoder({ revision, requireFields: false });
    const json =
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","x":{"name":1},"arguments":{}}}';
    const out = Buffer.from(transcoder.toJson(transcoder.toBinary(json))).toString();
    assert.equal(out, json);
    assert.equal(duplicateKeyIn(out), undefined);
    assert.equal(duplicateKeyIn('{"a":{"b":1,"b":2}}'), "$.a.b");
  });
});
