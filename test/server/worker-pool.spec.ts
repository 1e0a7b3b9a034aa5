import * as assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { type Client as RpcClient, Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import {
  type CallToolResult,
  CallToolRequestParamsSchema,
  CallToolResultSchema,
} from "../../gen/es/mcp/v1/tools_pb.js";
import { JSONRPCMessageSchema, JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { EchoRequestSchema } from "../../examples/demo/gen/demo/v1/demo_pb.js";
import { createDemoServer } from "../../examples/demo/server.js";
import { messageFromValue, valueFromMessage } from "../../src/server/codec.js";
import {
  createWorkerPool,
  inWorker,
  type Listening,
  type McpFace,
  serveMcpFace,
  type WorkerPool,
} from "../../src/server/index.js";

const faulty = new URL("./workers/faulty.mjs", import.meta.url);
const TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

/** `tools/call` as a binary message. */
function callParams(name: string, args: Record<string, unknown>, meta?: Record<string, unknown>) {
  const params = { name, arguments: args, ...(meta === undefined ? {} : { _meta: meta }) };
  return messageFromValue(CallToolRequestParamsSchema, "CallToolRequestParams", params);
}

/** A `CallToolResult` in MCP's JSON form. */
function json(result: CallToolResult): Record<string, unknown> {
  return valueFromMessage(CallToolResultSchema, "CallToolResult", result);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error(`gave up waiting until ${what}`);
    await sleep(5);
  }
}

describe("server: CPU-heavy tools on a worker pool", function () {
  this.timeout(30_000);
  // One worker and room for one waiting call, so that "busy" and "full" are easy to reach.
  let pool: WorkerPool;
  let listening: Listening;
  let client: RpcClient<typeof McpService>;

  before(async () => {
    pool = createWorkerPool({ size: 1, maxQueue: 1 });
    const server = createDemoServer({ pool });
    for (const exportName of ["echo", "exit", "uncaught", "fails"]) {
      server.tool({
        name: `js-${exportName}`,
        input: EchoRequestSchema,
        handler: inWorker(faulty, { pool, exportName }),
      });
    }
    listening = await server.listen();
    client = createClient(McpService, createGrpcTransport({ baseUrl: listening.url }));
    // The first call starts the worker and loads tsx in it (a few hundred ms), outside the timings.
    const warm = await client.callTool(callParams("primes", { below: 10 }));
    assert.equal(warm.structuredContent, '{"count":4,"largest":7}');
  });

  after(async () => {
    await pool.close();
    await listening.close();
  });

  it("runs a CPU-heavy tool on a worker while a cheap tool answers promptly", async () => {
    const started = performance.now();
    let heavyDone = 0;
    const heavy = client.callTool(callParams("primes", { below: 20_000_000 })).then((result) => {
      heavyDone = performance.now();
      return result;
    });
    await until(() => pool.busy === 1, "the worker is busy");
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const echo = await client.callTool(callParams("echo", { text: `ping ${i}` }));
      latencies.push(performance.now() - t);
      assert.equal(echo.structuredContent, `{"text":"ping ${i}"}`);
    }
    const echoesDone = performance.now();
    const result = await heavy;
    assert.equal(result.structuredContent, '{"count":1270607,"largest":19999999}');
    const heavyMs = heavyDone - started;
    // Relative, not absolute: on the event loop the sieve would hold every echo for its whole run.
    assert.ok(echoesDone < heavyDone, `echoes ended ${echoesDone - heavyDone} ms after the sieve`);
    // The median, not the slowest: on 2 shared cores one echo may meet a scheduling hiccup.
    const median = [...latencies].sort((a, b) => a - b)[2] ?? Number.POSITIVE_INFINITY;
    assert.ok(
      median < heavyMs / 4,
      `echoes took ${latencies.map((ms) => ms.toFixed(1)).join(", ")} ms against a ${heavyMs.toFixed(1)} ms sieve`,
    );
  });

  it("relays a worker handler's progress on the Call stream", async () => {
    const request = messageFromValue(JSONRPCRequestSchema, "JSONRPCRequest", {
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "primes", arguments: { below: 1000 }, _meta: { progressToken: "p" } },
    });
    const seen: Record<string, unknown>[] = [];
    for await (const message of client.call(request)) {
      seen.push(valueFromMessage(JSONRPCMessageSchema, "JSONRPCMessage", message));
    }
    assert.deepEqual(
      seen.slice(0, -1).map((m) => m.params),
      [250, 500, 750].map((progress) => ({ progressToken: "p", progress, total: 1000 })),
    );
    const response = seen.at(-1) ?? {};
    assert.deepEqual((response.result as Record<string, unknown>).structuredContent, {
      count: 168,
      largest: 997,
    });
  });

  it("refuses a call when the queue is full, and cancels queued and running calls", async () => {
    const running = new AbortController();
    const queued = new AbortController();
    const first = client.callTool(callParams("primes", { below: 40_000_000 }), { signal: running.signal });
    await until(() => pool.busy === 1, "the worker is busy");
    const second = client.callTool(callParams("primes", { below: 40_000_000 }), { signal: queued.signal });
    await until(() => pool.queued === 1, "a call waits");

    // A cheap tool on the event loop still answers; another worker call is refused at once.
    await client.callTool(callParams("echo", { text: "hi" }));
    await assert.rejects(
      client.callTool(callParams("primes", { below: 5 })),
      (e: unknown) =>
        e instanceof ConnectError &&
        e.code === Code.ResourceExhausted &&
        /1 calls already wait/.test(e.message),
    );
    // What an MCP client sees through the face.
    const face: McpFace = await serveMcpFace({ upstream: listening.url, listen: {} });
    const mcp = new Client({ name: "test", version: "1.0.0" });
    try {
      await mcp.connect(new StreamableHTTPClientTransport(new URL(face.url ?? "")));
      await assert.rejects(mcp.callTool({ name: "primes", arguments: { below: 5 } }), (e: unknown) => {
        assert.ok(e instanceof McpError);
        assert.equal(e.code, -32603);
        assert.match(e.message, /all 1 worker threads are busy and 1 calls already wait; retry later/);
        assert.deepEqual(e.data, { reason: "resource_exhausted", queued: 1, workers: 1 });
        return true;
      });
    } finally {
      await mcp.close();
      await face.close();
    }

    queued.abort();
    await assert.rejects(second, (e: unknown) => e instanceof ConnectError && e.code === Code.Canceled);
    await until(() => pool.queued === 0, "the cancelled call left the queue");
    assert.equal(pool.busy, 1);
    running.abort();
    await assert.rejects(first, (e: unknown) => e instanceof ConnectError && e.code === Code.Canceled);
    // Cancelling the running call ended its worker; a fresh one answers at once.
    await until(() => pool.busy === 0, "the worker was replaced");
    const after = await client.callTool(callParams("primes", { below: 10 }));
    assert.equal(after.structuredContent, '{"count":4,"largest":7}');
  });

  for (const [name, how] of [
    ["js-exit", "calls process.exit"],
    ["js-uncaught", "throws outside the handler"],
  ] as const) {
    it(`fails the call of a worker that ${how} and replaces the worker`, async () => {
      await assert.rejects(
        client.callTool(callParams(name, { text: "x" })),
        (e: unknown) =>
          e instanceof ConnectError && e.code === Code.Internal && /worker thread crashed/.test(e.message),
      );
      const echo = await client.callTool(callParams("js-echo", { text: "alive" }));
      assert.deepEqual(json(echo), { content: [{ type: "text", text: "alive no-trace" }] });
    });
  }

  it("runs a call on its own pool with run(), reports a missing export, and fails all calls on close()", async () => {
    const own = createWorkerPool({ size: 1, maxQueue: 1 });
    assert.deepEqual(await own.run({ module: faulty, exportName: "echo", input: { text: "direct" } }), {
      content: [{ type: "text", text: "direct no-trace" }],
    });
    await assert.rejects(
      own.run({ module: faulty, exportName: "nope", input: {} }),
      /cannot run worker handler: .*faulty\.mjs exports no function 'nope'/,
    );
    // Settled into values at once, so that no rejection waits unhandled while close() runs.
    const outcome = (call: Promise<unknown>) =>
      call.then(
        () => undefined,
        (error: unknown) => error,
      );
    const running = outcome(own.run({ module: faulty, exportName: "uncaught", input: {} }));
    const waiting = outcome(own.run({ module: faulty, exportName: "echo", input: { text: "late" } }));
    await own.close();
    for (const error of await Promise.all([running, waiting])) {
      assert.ok(error instanceof ConnectError && error.code === Code.Unavailable, String(error));
    }
    await assert.rejects(
      own.run({ module: faulty, exportName: "echo", input: {} }),
      (e: unknown) => e instanceof ConnectError && e.code === Code.Unavailable,
    );
  });

  it("runs plain JavaScript handlers, gives them the trace context, and reports their errors as results", async () => {
    const echo = await client.callTool(callParams("js-echo", { text: "hi" }, { traceparent: TRACEPARENT }));
    assert.deepEqual(json(echo), { content: [{ type: "text", text: `hi ${TRACEPARENT}` }] });
    const failed = await client.callTool(callParams("js-fails", { text: "hi" }));
    assert.deepEqual(json(failed), {
      content: [{ type: "text", text: "cannot echo 'hi': refused" }],
      isError: true,
    });
  });
});
