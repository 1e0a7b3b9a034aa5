/**
 * Faults, each against the real gateway with a real misbehaving upstream (`fixtures/`): an upstream
 * that crashes mid-call, hangs, writes garbage to stdout, or drops its HTTP connection mid-answer;
 * a caller that hangs up mid-stream; a caller that reads a flooding stream slowly. Each time the
 * affected call ends with a clear error (or, for garbage, is unharmed), the next call works, and
 * the gateway stays healthy (health check serving, `/metrics` answering).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { askUntil } from "../helpers/ask-until.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const faulty = { command: process.execPath, args: [fixture("faulty-server.mjs")] };
const MB = 1024 * 1024;

type Client = ReturnType<typeof createClient<typeof McpService>>;

/** The text of a CallTool result's first content block. */
function textOf(result: Awaited<ReturnType<Client["callTool"]>>): string {
  const first = result.content[0];
  return first?.value.case === "textContent"
    ? (first.value.value.text ?? "")
    : `(no text: ${first?.value.case})`;
}

function codeOf(error: unknown): Code {
  return ConnectError.from(error).code;
}

/** A `Call` request for `tools/call` of `name` (the gateway asks the upstream for progress). */
function callRequest(name: string, args: object, id: bigint) {
  return create(JSONRPCRequestSchema, {
    id: { value: { case: "number", value: id } },
    jsonrpc: "2.0",
    method: "tools/call",
    params: {
      case: "callToolRequestParams",
      value: { name, arguments: JSON.stringify(args) },
    },
  });
}

describe("hardening: faults through the gateway", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  let http: ChildProcess;
  let client: Client;
  const on = (upstream: string) => ({ headers: { "mcp-upstream": upstream } });

  before(async () => {
    http = spawn(process.execPath, [fixture("dropping-http-server.mjs")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = (await once(http.stdout!, "data")) as [Buffer];
    gateway = await startGateway({
      upstreams: new Map<string, { command: string; args: string[] } | { url: string }>([
        ["faulty", faulty],
        ["dropping", { url: line.toString().trim() }],
      ]),
      logger: createLogger({ level: "error" }),
    });
    client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
  });
  after(async () => {
    await gateway?.close();
    http?.kill();
  });

  /** The gateway still serves: an echo on `upstream` works, `/metrics` answers, health is SERVING. */
  async function assertHealthy(upstream = "faulty"): Promise<void> {
    const result = await client.callTool(
      { name: "echo", arguments: '{"message":"still here"}' },
      on(upstream),
    );
    assert.equal(textOf(result), "still here");
    const metrics = await fetch(`${gateway.url}/metrics`);
    assert.equal(metrics.status, 200);
    await metrics.text();
    const health = await fetch(`${gateway.url}/grpc.health.v1.Health/Check`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.deepEqual(await health.json(), { status: "SERVING" });
  }

  async function cancellations(): Promise<unknown[]> {
    return JSON.parse(textOf(await client.callTool({ name: "cancellations" }, on("faulty")))) as unknown[];
  }

  it("upstream crashes mid-call: Unavailable at once, supervision restarts it, the next call works", async () => {
    await assertHealthy();
    const upstream = gateway.upstreams.get("faulty")!;
    const pid = upstream.pid;
    const starts = upstream.starts;
    const started = Date.now();
    await assert.rejects(client.callTool({ name: "crash" }, on("faulty")), (e: unknown) => {
      assert.equal(codeOf(e), Code.Unavailable, String(e));
      assert.match(ConnectError.from(e).rawMessage, /upstream 'faulty' closed/);
      return true;
    });
    assert.ok(Date.now() - started < 2_000, "the crash was noticed at once, not at a deadline");
    await assertHealthy();
    const restarted = upstream.pid;
    assert.notEqual(restarted, pid);
    // Past the supervision's first backoff (100 ms): the call that restarted it early must have
    // cancelled the scheduled restart, or a second process would replace (and orphan) this one.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await assertHealthy();
    assert.equal(upstream.pid, restarted);
    assert.equal(upstream.starts, starts + 1);
  });

  it("upstream hangs: the call's deadline ends it with DeadlineExceeded and the upstream hears cancelled", async () => {
    const before = (await cancellations()).length;
    const started = Date.now();
    await assert.rejects(
      client.callTool({ name: "hang" }, { ...on("faulty"), timeoutMs: 500 }),
      (e: unknown) => {
        assert.equal(codeOf(e), Code.DeadlineExceeded, String(e));
        return true;
      },
    );
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
    await assertHealthy();
    const heard = await askUntil(cancellations, (all) => all.length > before);
    assert.equal(heard.length, before + 1, "the upstream was told to stop");
  });

  it("upstream writes garbage to stdout: the call still gets its answer, the upstream is not restarted", async () => {
    const upstream = gateway.upstreams.get("faulty")!;
    const pid = upstream.pid;
    const result = await client.callTool({ name: "garbage" }, on("faulty"));
    assert.equal(textOf(result), "after garbage");
    await assertHealthy();
    assert.equal(upstream.pid, pid);
  });

  it("HTTP upstream drops the socket mid-answer: the call fails clearly, the next call works", async () => {
    await assertHealthy("dropping");
    const started = Date.now();
    await assert.rejects(client.callTool({ name: "drop" }, on("dropping")), (e: unknown) => {
      const error = ConnectError.from(e);
      assert.ok([Code.Unavailable, Code.Internal].includes(error.code), String(e));
      assert.ok(error.rawMessage.length > 0);
      return true;
    });
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    await assertHealthy("dropping");
    await assertHealthy("faulty");
  });

  it("HTTP upstream answers a body that is not JSON: the call fails at once with Internal", async () => {
    const started = Date.now();
    await assert.rejects(client.callTool({ name: "garbage" }, on("dropping")), (e: unknown) => {
      assert.equal(codeOf(e), Code.Internal, String(e));
      assert.match(ConnectError.from(e).rawMessage, /cannot read response to tools\/call/);
      return true;
    });
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms: waited for a timeout`);
    await assertHealthy("dropping");
  });

  it("caller hangs up mid-stream (Call): the upstream gets notifications/cancelled", async () => {
    const before = (await cancellations()).length;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    await assert.rejects(
      (async () => {
        for await (const _ of client.call(callRequest("hang", {}, 1n), {
          ...on("faulty"),
          signal: abort.signal,
        })) {
          // nothing arrives: the upstream never answers
        }
      })(),
      (e: unknown) => codeOf(e) === Code.Canceled,
    );
    // Within 5 s, as before: 250 asks 20 ms apart.
    const heard = await askUntil(cancellations, (all) => all.length > before, 250);
    assert.equal(heard.length, before + 1, "the upstream was told to stop");
    await assertHealthy();
  });

  it("upstream that dies at every start: calls get Unavailable, restarts back off", async () => {
    const dying = await startGateway({
      upstreams: new Map([["dying", { command: process.execPath, args: ["-e", "process.exit(1)"] }]]),
      logger: createLogger({ level: "error", sink: () => {} }),
    });
    try {
      const c = createClient(McpService, createGrpcTransport({ baseUrl: dying.url }));
      const started = Date.now();
      await assert.rejects(c.callTool({ name: "echo" }, { timeoutMs: 1_000 }), (e: unknown) => {
        assert.ok([Code.Unavailable, Code.DeadlineExceeded].includes(codeOf(e)), String(e));
        return true;
      });
      assert.ok(Date.now() - started < 3_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const starts = dying.upstreams.get("dying")!.starts;
      // Backoff 100 ms doubling: about 6 starts in 3 s (fewer on a busy machine), not hundreds.
      assert.ok(starts >= 2 && starts <= 10, `${starts} starts in about 3 s`);
      const health = await (await fetch(`${dying.url}/metrics`)).text();
      assert.match(health, /protomcp_gateway_errors_total/);
    } finally {
      await dying.close();
    }
  });

  // A stalled binary reader once made the gateway buffer a whole flood (RSS +146 MB for 125 MiB);
  // the Call stream now holds at most 16 MiB / 8192 messages for its caller, then cancels upstream.
  it("slow reader of a flooding Call stream: gateway memory stays bounded, the upstream is cancelled", async () => {
    const count = 2_000;
    const size = 64 * 1024; // 125 MiB of progress in all
    const cancelledBefore = JSON.parse(
      textOf(await client.callTool({ name: "cancellations" }, on("faulty"))),
    );
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    let received = 0;
    let ended: unknown;
    try {
      const stream = client.call(callRequest("flood", { count, size }, 2n), on("faulty"));
      for await (const _ of stream) {
        received++;
        // The slow reader: one message, then stall long enough for the upstream to send it all.
        if (received === 1) await new Promise((resolve) => setTimeout(resolve, 4_000));
      }
    } catch (error) {
      ended = error;
    } finally {
      clearInterval(sampler);
    }
    const growth = (peak - baseline) / MB;
    process.stderr.write(
      `faults: slow reader of ${(count * size) / MB} MiB flood: RSS grew ${growth.toFixed(1)} MB at peak, ${received} messages read\n`,
    );
    assert.ok(ended !== undefined, `the stream ended normally after ${received} messages`);
    assert.equal(codeOf(ended), Code.ResourceExhausted, String(ended));
    assert.match(ConnectError.from(ended).rawMessage, /read too slowly.*upstream request was cancelled/);
    assert.ok(received < count, `${received} messages read`);
    assert.ok(growth < 64, `RSS grew ${growth.toFixed(1)} MB while a slow reader stalled`);
    // The upstream was told to stop (it may still be finishing its writes: give it a moment).
    let cancelledAfter: unknown[] = [];
    for (let i = 0; i < 50 && cancelledAfter.length <= cancelledBefore.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      cancelledAfter = JSON.parse(textOf(await client.callTool({ name: "cancellations" }, on("faulty"))));
    }
    assert.equal(cancelledAfter.length, cancelledBefore.length + 1, JSON.stringify(cancelledAfter));
    await assertHealthy();
  });
});
