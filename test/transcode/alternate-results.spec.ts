/**
 * Results that may be something other than their method's own (`tools/call` answered by an
 * InputRequiredResult in 2026-07-28, or a CreateTaskResult in 2025-11-25): the key that says so may
 * come anywhere in the result, after keys the method's own result would refuse, or not at all.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import { JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { JsonRpcTranscoder, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";

const spec = new URL("../../spec/2026-07-28/examples/", import.meta.url);
const example = (path: string) =>
  JSON.parse(readFileSync(new URL(path, spec), "utf8")) as Record<string, unknown>;
const inputRequired = example("InputRequiredResult/input-required-result-with-request-state-only.json");
const elicitation = example(
  "InputRequiredResult/input-required-result-with-elicitation-and-sampling-and-request-state.json",
);
// The 2025-11-25 schema's CreateTaskResult: a Task under `task`.
const task = {
  taskId: "786512e2-9e0d-44bd-8f29-789f320fe840",
  status: "working",
  createdAt: "2025-11-25T10:30:00Z",
  lastUpdatedAt: "2025-11-25T10:30:00Z",
  ttl: 60000,
  pollInterval: 5000,
};

function resultCase(bytes: Uint8Array): string | undefined {
  const message = fromBinary(JSONRPCMessageSchema, bytes).value;
  return message.case === "jsonrpcResultResponse" ? message.value.result.case : undefined;
}

/** Encodes a response to a `method` request and checks it comes back as the same text. */
function convert(
  result: unknown,
  method: string,
  revision: "2025-11-25" | "2026-07-28",
  requireFields = true,
): string | undefined {
  const json = JSON.stringify({ jsonrpc: "2.0", id: 7, result });
  const t = new JsonRpcTranscoder({ revision, requireFields });
  t.expect(7, method);
  const bytes = t.toBinary(json);
  t.expect(7, method);
  assert.equal(Buffer.from(t.toJson(bytes)).toString("utf8"), json);
  return resultCase(bytes);
}

describe("transcode: alternate results", () => {
  for (const requireFields of [true, false]) {
    const mode = requireFields ? "strict" : "permissive";
    it(`types the spec's InputRequiredResult examples as themselves, whatever the key order (${mode})`, () => {
      for (const method of ["tools/call", "prompts/get", "resources/read"]) {
        for (const result of [inputRequired, elicitation]) {
          assert.equal(convert(result, method, "2026-07-28", requireFields), "inputRequiredResult", method);
          const reversed = Object.fromEntries(Object.entries(result).reverse());
          assert.equal(convert(reversed, method, "2026-07-28", requireFields), "inputRequiredResult", method);
        }
      }
    });

    it(`types a CreateTaskResult as itself, with its task first or last (${mode})`, () => {
      assert.equal(convert({ task }, "tools/call", "2025-11-25", requireFields), "createTaskResult");
      const meta = { _meta: { "io.modelcontextprotocol/related-task": { taskId: task.taskId } }, task };
      assert.equal(convert(meta, "tools/call", "2025-11-25", requireFields), "createTaskResult");
    });

    it(`finds the alternate after a key the method's own result refuses (${mode})`, () => {
      // `content` as a string is no CallToolResult, but InputRequiredResult keeps it as unknown.
      const result = { content: "not a list", resultType: "input_required", requestState: "abc" };
      assert.equal(convert(result, "tools/call", "2026-07-28", requireFields), "inputRequiredResult");
      const withTask = { content: "not a list", task };
      assert.equal(convert(withTask, "tools/call", "2025-11-25", requireFields), "createTaskResult");
    });
  }

  it("keeps the method's own result when no key names an alternate", () => {
    const result = { content: [{ type: "text", text: "done" }], resultType: "complete" };
    assert.equal(convert(result, "tools/call", "2026-07-28"), "callToolResult");
    assert.equal(
      convert({ messages: [], resultType: "complete" }, "prompts/get", "2026-07-28"),
      "getPromptResult",
    );
  });

  it("reports the method's own error when neither result takes the value", () => {
    const t = new JsonRpcTranscoder({ revision: "2026-07-28" });
    t.expect(7, "tools/call");
    assert.throws(
      () => t.toBinary('{"jsonrpc":"2.0","id":7,"result":{"content":"not a list","resultType":"complete"}}'),
      (e: unknown) =>
        e instanceof TranscodeError && e.code === TranscodeCode.InvalidValue && e.path === "$.result.content",
    );
  });
});
