/**
 * The per-caller limit on calls in flight (`maxConcurrentPerCaller`) on the real gateway, with the
 * faulty fixture's `hang` tool holding calls open: past the limit a caller gets
 * `ResourceExhausted` at once, other callers are not affected, and slots come back when calls end
 * by deadline, by cancellation, or (for `Call` streams) when the stream ends.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";

const fixture = fileURLToPath(new URL("./fixtures/faulty-server.mjs", import.meta.url));
const LIMIT = 2;

describe("hardening: per-caller limit on calls in flight", function () {
  this.timeout(30_000);
  let gateway: Gateway;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["faulty", { command: process.execPath, args: [fixture] }]]),
      logger: createLogger({ level: "error" }),
      auth: {
        credentials: [
          { identity: "a", token: "token-a" },
          { identity: "b", token: "token-b" },
        ],
        maxConcurrentPerCaller: LIMIT,
      },
    });
  });
  after(async () => {
    await gateway?.close();
  });

  const as = (identity: string) => ({ headers: { authorization: `Bearer token-${identity}` } });
  const client = () => createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
  const echo = (who: string) =>
    client()
      .callTool({ name: "echo", arguments: '{"message":"hi"}' }, as(who))
      .then(() => "ok")
      .catch((e: unknown) => Code[ConnectError.from(e).code]);

  async function eventually(who: string): Promise<void> {
    const deadline = Date.now() + 3_000;
    while ((await echo(who)) !== "ok") {
      assert.ok(Date.now() < deadline, `caller ${who} never got a slot back`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("refuses a caller's call past its limit at once, and gives slots back at the deadline", async () => {
    const hung = Array.from({ length: LIMIT }, () =>
      client()
        .callTool({ name: "hang" }, { ...as("a"), timeoutMs: 1_500 })
        .catch((e: unknown) => ConnectError.from(e).code),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    assert.equal(await echo("a"), "ResourceExhausted");
    assert.ok(Date.now() - started < 500, "refused at once, not queued");
    assert.equal(await echo("b"), "ok", "another caller is not affected");
    assert.deepEqual(await Promise.all(hung), [Code.DeadlineExceeded, Code.DeadlineExceeded]);
    await eventually("a");
  });

  it("counts a Call stream until it ends, and frees it when the caller cancels", async () => {
    const abort = new AbortController();
    const streams = Array.from({ length: LIMIT }, (_, i) =>
      (async () => {
        const request = create(JSONRPCRequestSchema, {
          id: { value: { case: "number", value: BigInt(i + 1) } },
          jsonrpc: "2.0",
          method: "tools/call",
          params: { case: "callToolRequestParams", value: { name: "hang", arguments: "{}" } },
        });
        for await (const _ of client().call(request, { ...as("a"), signal: abort.signal })) {
          // the upstream never answers
        }
      })().catch((e: unknown) => ConnectError.from(e).code),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await echo("a"), "ResourceExhausted");
    abort.abort();
    assert.deepEqual(await Promise.all(streams), [Code.Canceled, Code.Canceled]);
    await eventually("a");
    assert.equal(await echo("b"), "ok");
  });
});
