/**
 * The gateway's limits, against a real upstream (the faulty stdio server of test/hardening, whose
 * `hang` never answers and whose `flood` sends progress as fast as the pipe takes it): calls in
 * flight per upstream, the bounded wait for a slot, and the per-stream queue for a slow reader.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { create, fromBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import {
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  JSONRPCRequestSchema,
} from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { JsonRpcTranscoder } from "../../src/transcode/index.js";
import { askUntil } from "../helpers/ask-until.js";

const faulty = fileURLToPath(new URL("../hardening/fixtures/faulty-server.mjs", import.meta.url));
type Client = ReturnType<typeof createClient<typeof McpService>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return Code[ConnectError.from(error).code];
  }
}

function echo(client: Client, message: string, timeoutMs?: number): Promise<string> {
  return client
    .callTool(
      { name: "echo", arguments: JSON.stringify({ message }) },
      timeoutMs === undefined ? {} : { timeoutMs },
    )
    .then((r) => (r.content[0]?.value.case === "textContent" ? (r.content[0].value.value.text ?? "") : "?"));
}

async function cancellations(client: Client): Promise<unknown[]> {
  const result = await client.callTool({ name: "cancellations" });
  const first = result.content[0];
  return JSON.parse(first?.value.case === "textContent" ? (first.value.value.text ?? "[]") : "[]");
}

describe("gateway limits", function () {
  this.timeout(60_000);
  const gateways: Gateway[] = [];
  async function gateway(options: Partial<Parameters<typeof startGateway>[0]>): Promise<Client> {
    const started = await startGateway({
      upstreams: new Map([["faulty", { command: process.execPath, args: [faulty] }]]),
      logger: createLogger({ level: "error", sink: () => {} }),
      ...options,
    });
    gateways.push(started);
    return createClient(McpService, createGrpcTransport({ baseUrl: started.url }));
  }
  after(async () => {
    await Promise.all(gateways.map((g) => g.close()));
  });

  it("holds calls past maxConcurrentPerUpstream in a bounded wait queue, refusing the rest", async () => {
    const client = await gateway({ maxConcurrentPerUpstream: 2, maxWaitingPerUpstream: 1 });
    const hangs = [new AbortController(), new AbortController()];
    const hanging = hangs.map((abort) => codeOf(client.callTool({ name: "hang" }, { signal: abort.signal })));
    await sleep(300);
    // Both slots taken: a call waits, and its deadline still ends it while it waits.
    assert.equal(await codeOf(echo(client, "too late", 300)), "DeadlineExceeded");
    const waiting = echo(client, "my turn");
    await sleep(100);
    // One waiting is the most: the next is refused at once, without reaching the upstream.
    const started = Date.now();
    const refused = await echo(client, "refused").catch((e: unknown) => ConnectError.from(e));
    assert.ok(refused instanceof ConnectError, String(refused));
    assert.equal(refused.code, Code.ResourceExhausted);
    assert.match(refused.rawMessage, /upstream 'faulty' is busy: 2 calls in flight and 1 waiting/);
    assert.ok(Date.now() - started < 1_000);
    // A slot freed by a cancelled call goes to the waiting call.
    hangs[0]!.abort();
    assert.equal(await waiting, "my turn");
    hangs[1]!.abort();
    assert.deepEqual(await Promise.all(hanging), ["Canceled", "Canceled"]);
    // Both hangs were cancelled upstream (the caller's abort settles before its RST_STREAM has
    // been handled, so ask until both arrive), and every slot is free again.
    const cancelled = await askUntil(
      () => cancellations(client),
      (all) => all.length >= 2,
    );
    assert.equal(cancelled.length, 2);
    assert.deepEqual(await Promise.all([echo(client, "a"), echo(client, "b"), echo(client, "c")]), [
      "a",
      "b",
      "c",
    ]);
  });

  it("ends a Call stream whose caller stalls past maxStreamQueueBytes with resource_exhausted", async () => {
    const client = await gateway({ maxStreamQueueBytes: 1024 * 1024 });
    const request = create(JSONRPCRequestSchema, {
      id: { value: { case: "number", value: 1n } },
      jsonrpc: "2.0",
      method: "tools/call",
      params: {
        case: "callToolRequestParams",
        value: { name: "flood", arguments: JSON.stringify({ count: 400, size: 64 * 1024 }) },
      },
    });
    let received = 0;
    let ended: unknown;
    try {
      for await (const _ of client.call(request)) {
        received++;
        if (received === 1) await sleep(2_000);
      }
    } catch (error) {
      ended = error;
    }
    assert.ok(ended !== undefined, `the stream ended normally after ${received} messages`);
    assert.equal(ConnectError.from(ended).code, Code.ResourceExhausted, String(ended));
    assert.match(
      ConnectError.from(ended).rawMessage,
      /Call tools\/call: the caller read too slowly.*1\.0 MiB/,
    );
    assert.ok(received < 400);
    assert.equal(await echo(client, "after"), "after");
  });

  it("a reader that keeps up gets all of a 3,000-message burst within the default limits", async () => {
    const client = await gateway({});
    const request = create(JSONRPCRequestSchema, {
      id: { value: { case: "number", value: 1n } },
      jsonrpc: "2.0",
      method: "tools/call",
      params: {
        case: "callToolRequestParams",
        value: { name: "flood", arguments: JSON.stringify({ count: 3000, size: 1024 }) },
      },
    });
    let received = 0;
    for await (const _ of client.call(request)) received++;
    assert.equal(received, 3001);
  });

  it("ends an Exchange stream that falls maxStreamQueueMessages behind its upstream, cancelling upstream", async () => {
    const client = await gateway({ maxStreamQueueMessages: 64 });
    const before = (await cancellations(client)).length;
    const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const request = JSON.stringify({
      jsonrpc: "2.0",
      id: 5,
      method: "tools/call",
      params: { name: "flood", arguments: { count: 20_000, size: 16 } },
    });
    let hangUp = () => {};
    const hungUp = new Promise<void>((resolve) => {
      hangUp = resolve;
    });
    // The caller's side stays open (as a caller that might still answer the upstream's requests).
    async function* input(): AsyncGenerator<JSONRPCMessage> {
      yield fromBinary(JSONRPCMessageSchema, transcoder.toBinary(request));
      await hungUp;
    }
    let received = 0;
    let ended: unknown;
    try {
      for await (const _ of client.exchange(input())) {
        received++;
        if (received === 1) await sleep(2_000);
      }
    } catch (error) {
      ended = error;
    } finally {
      hangUp();
    }
    assert.ok(ended !== undefined, `the stream ended normally after ${received} messages`);
    assert.equal(ConnectError.from(ended).code, Code.ResourceExhausted, String(ended));
    assert.match(
      ConnectError.from(ended).rawMessage,
      /Exchange tools\/call: the caller read too slowly.*64 messages/,
    );
    assert.ok(received < 20_000);
    const heard = await askUntil(
      () => cancellations(client),
      (all) => all.length > before,
    );
    assert.equal(heard.length, before + 1);
    assert.equal(await echo(client, "after"), "after");
  });
});
