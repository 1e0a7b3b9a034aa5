/**
 * Whole JSON-RPC messages from a real session (server-everything, captured in bench/fixtures): every
 * message round-trips, and each response's result is typed by the request it answers.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import { JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { JsonRpcTranscoder } from "../../src/transcode/index.js";

interface Captured {
  name: string;
  kind: string;
  method: string;
  revision: "2025-11-25" | "2026-07-28";
  json: string;
}

const session = JSON.parse(
  readFileSync(new URL("../../bench/fixtures/captured/everything.json", import.meta.url), "utf8"),
) as Captured[];
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

/** The oneof case that carries a response's result, or a request's params. */
function payloadCase(bytes: Uint8Array): string | undefined {
  const message = fromBinary(JSONRPCMessageSchema, bytes).value;
  if (message.case === "jsonrpcResultResponse") return message.value.result.case;
  if (message.case === "jsonrpcRequest") return message.value.params.case;
  return undefined;
}

describe("transcode: a captured JSON-RPC session", () => {
  it("round-trips every message in order, typing each result by its request", () => {
    const connection = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    let typed = 0;
    for (const message of session) {
      const binary = connection.toBinary(message.json);
      assert.equal(text(connection.toJson(binary)), JSON.stringify(JSON.parse(message.json)), message.name);
      const payload = payloadCase(binary);
      if (message.kind === "result") {
        assert.notEqual(payload, "resultJson", `${message.name}: its result is typed`);
        typed++;
      }
    }
    assert.ok(typed >= 5, `${typed} typed results`);
    assert.equal(connection.pendingCount, 0, "every request was answered");
  });

  it("types a response whose request passed the other way (binary to JSON)", () => {
    const forward = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const backward = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const request = session.find((m) => m.kind === "request" && m.method === "tools/list")!;
    const response = session.find((m) => m.kind === "result" && m.method === "tools/list")!;
    // A gateway: the request arrives in binary and leaves as JSON; the response comes back as JSON.
    backward.toJson(forward.toBinary(request.json));
    assert.equal(payloadCase(backward.toBinary(response.json)), "listToolsResult");
    assert.equal(backward.pendingCount, 0);
  });

  it("carries a response to an unknown request as JSON text, unchanged", () => {
    const connection = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const response = session.find((m) => m.kind === "result" && m.method === "tools/list")!;
    const binary = connection.toBinary(response.json);
    assert.equal(payloadCase(binary), "resultJson");
    assert.equal(text(connection.toJson(binary)), JSON.stringify(JSON.parse(response.json)));
  });

  it("forgets a request once an error answers it", () => {
    const connection = new JsonRpcTranscoder({ revision: "2025-11-25" });
    connection.toBinary('{"jsonrpc":"2.0","id":"a\\u0062","method":"tools/call","params":{"name":"x"}}');
    assert.equal(connection.pendingCount, 1);
    connection.toBinary('{"jsonrpc":"2.0","id":"ab","error":{"code":-32602,"message":"bad"}}');
    assert.equal(connection.pendingCount, 0);
  });

  it("matches ids by value for small integers and by text otherwise, never across kinds", () => {
    const list = session.find((m) => m.kind === "result" && m.method === "tools/list")!;
    const respond = (id: string) => list.json.replace(/"id":[^,]+,/, `"id":${id},`);
    const connection = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    connection.expect(7, "tools/list");
    connection.expect("8", "tools/list");
    connection.expect(9007199254740991, "tools/list");
    assert.equal(payloadCase(connection.toBinary(respond("7"))), "listToolsResult");
    assert.equal(
      payloadCase(connection.toBinary(respond("8"))),
      "resultJson",
      'the number 8 is not the id "8"',
    );
    assert.equal(payloadCase(connection.toBinary(respond('"\\u0038"'))), "listToolsResult");
    assert.equal(payloadCase(connection.toBinary(respond("9007199254740991"))), "listToolsResult");
    assert.equal(connection.pendingCount, 0);
  });

  it("types params by a method written with escapes", () => {
    const connection = new JsonRpcTranscoder({ revision: "2025-11-25" });
    const plain = connection.toBinary('{"jsonrpc":"2.0","id":0,"method":"tools/list","params":{}}');
    const escaped = connection.toBinary('{"jsonrpc":"2.0","id":1,"method":"tools\\/list","params":{}}');
    assert.equal(payloadCase(escaped), payloadCase(plain));
    assert.notEqual(payloadCase(plain), "paramsJson");
    assert.equal(connection.pendingCount, 2);
  });

  it("tells a method-first request from a notification of the same method by its id alone", () => {
    const kind = (json: string, requireFields = true) =>
      fromBinary(
        JSONRPCMessageSchema,
        new JsonRpcTranscoder({ revision: "2025-11-25", requireFields }).toBinary(json),
      ).value.case;
    const params = '"params":{"name":"echo","arguments":{"message":"hi"}}';
    for (const requireFields of [true, false]) {
      assert.equal(
        kind(`{"method":"tools/call",${params},"jsonrpc":"2.0","id":3}`, requireFields),
        "jsonrpcRequest",
      );
      assert.equal(
        kind(`{"jsonrpc":"2.0","method":"tools/call",${params},"id":3}`, requireFields),
        "jsonrpcRequest",
      );
      // JSON-RPC's notification: any method, no id.
      assert.equal(
        kind(`{"method":"tools/call",${params},"jsonrpc":"2.0"}`, requireFields),
        "jsonrpcNotification",
      );
      assert.equal(
        kind(`{"method":"notifications/initialized","jsonrpc":"2.0"}`, requireFields),
        "jsonrpcNotification",
      );
    }
    // A request with an id that its method's params do not fit is refused, not taken as a notification.
    assert.throws(() => kind('{"method":"tools/call","params":{"name":7},"jsonrpc":"2.0","id":3}'), /name/);
    assert.throws(
      () => kind('{"method":"tools/call","params":{"arguments":{}},"jsonrpc":"2.0","id":3}'),
      /name/,
    );
  });
});
