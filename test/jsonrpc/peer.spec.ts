import * as assert from "node:assert/strict";
import { JsonRpcError, LocalCode } from "../../src/jsonrpc/errors.js";
import { createInMemoryPair } from "../../src/jsonrpc/in-memory.js";
import { ErrorCode, type JsonObject } from "../../src/jsonrpc/messages.js";
import { Peer } from "../../src/jsonrpc/peer.js";

async function pair(): Promise<[Peer, Peer]> {
  const [a, b] = createInMemoryPair();
  const left = new Peer(a);
  const right = new Peer(b);
  await Promise.all([left.start(), right.start()]);
  return [left, right];
}

describe("jsonrpc: peer", () => {
  it("answers requests and keeps unknown result properties", async () => {
    const [client, server] = await pair();
    server.setRequestHandler("x/echo", async (r) => ({
      got: r.params ?? null,
      "vendor/extra": [1, { a: null }],
    }));
    const result = await client.request("x/echo", { a: 1, _meta: { k: "v" } });
    assert.deepEqual(result, { got: { a: 1, _meta: { k: "v" } }, "vendor/extra": [1, { a: null }] });
    assert.deepEqual(await client.request("ping"), {});
    await client.close();
  });

  it("maps handler errors to JSON-RPC errors", async () => {
    const [client, server] = await pair();
    server.setRequestHandler("x/typed", async () => {
      throw new JsonRpcError(ErrorCode.ResourceNotFound, "cannot read resource: no such uri", {
        data: { uri: "u" },
      });
    });
    server.setRequestHandler("x/plain", async () => {
      throw new Error("boom");
    });
    await assert.rejects(client.request("x/typed"), (e: unknown) => {
      return e instanceof JsonRpcError && e.code === -32002 && (e.data as JsonObject).uri === "u";
    });
    await assert.rejects(
      client.request("x/plain"),
      (e: unknown) => e instanceof JsonRpcError && e.code === -32603,
    );
    await assert.rejects(
      client.request("x/none"),
      (e: unknown) => e instanceof JsonRpcError && e.code === -32601,
    );
    await client.close();
  });

  it("aborting sends notifications/cancelled, which aborts the handler's signal", async () => {
    const [client, server] = await pair();
    const cancelled: JsonObject[] = [];
    let handlerAborted: Promise<unknown> = Promise.resolve();
    server.setNotificationHandler("notifications/cancelled", (n) => {
      cancelled.push(n.params ?? {});
    });
    server.setRequestHandler("x/slow", (_r, ctx) => {
      handlerAborted = new Promise((resolve) =>
        ctx.signal.addEventListener("abort", () => resolve(ctx.signal.reason)),
      );
      return new Promise(() => {});
    });
    const controller = new AbortController();
    const call = client.request("x/slow", {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort("enough");
    await assert.rejects(call, (e: unknown) => e instanceof JsonRpcError && e.code === LocalCode.Aborted);
    const reason = await handlerAborted;
    assert.ok(reason instanceof JsonRpcError);
    assert.equal(cancelled[0]?.requestId, 0);
    await client.close();
  });

  it("routes progress by token and sends related notifications from handlers", async () => {
    const [client, server] = await pair();
    server.setRequestHandler("x/work", async (r, ctx) => {
      const token = (r.params?._meta as JsonObject | undefined)?.progressToken;
      for (let i = 1; i <= 3; i++)
        await ctx.sendNotification("notifications/progress", { progressToken: token, progress: i });
      return { ok: true };
    });
    const seen: unknown[] = [];
    const params = { q: 1 };
    assert.deepEqual(await client.request("x/work", params, { onprogress: (p) => seen.push(p.progress) }), {
      ok: true,
    });
    assert.deepEqual(seen, [1, 2, 3]);
    assert.deepEqual(params, { q: 1 }, "caller's params are not mutated");
    await client.close();
  });

  it("handlers can send requests back to the caller", async () => {
    const [client, server] = await pair();
    client.setRequestHandler("roots/list", async () => ({ roots: [] }));
    server.setRequestHandler("x/ask", async (_r, ctx) => ({ inner: await ctx.sendRequest("roots/list") }));
    assert.deepEqual(await client.request("x/ask"), { inner: { roots: [] } });
    await client.close();
  });

  it("rejects all pending requests when the transport closes", async () => {
    const [client, server] = await pair();
    server.setRequestHandler("x/never", () => new Promise(() => {}));
    const calls = [client.request("x/never"), client.request("x/never"), client.request("x/never")];
    await new Promise((r) => setTimeout(r, 10));
    await server.close();
    for (const call of calls) {
      await assert.rejects(
        call,
        (e: unknown) => e instanceof JsonRpcError && e.code === LocalCode.ConnectionClosed,
      );
    }
    await assert.rejects(client.request("x/never"), /cannot send x\/never: connection is closed/);
  });

  it("reports an unmatched response via onerror", async () => {
    const [a, b] = createInMemoryPair();
    const peer = new Peer(a);
    const errors: JsonRpcError[] = [];
    peer.onerror = (e) => errors.push(e);
    await peer.start();
    await b.start();
    await b.send({ jsonrpc: "2.0", id: 99, result: {} });
    await new Promise((r) => setTimeout(r, 5));
    assert.match(errors[0]!.message, /no pending request has id 99/);
    await peer.close();
  });

  it("JsonRpcError.from keeps codes of foreign errors", () => {
    assert.equal(JsonRpcError.from({ code: -32042, message: "m", data: 1 }).code, -32042);
    assert.equal(JsonRpcError.from(new DOMException("x", "AbortError")).code, LocalCode.Aborted);
    assert.equal(JsonRpcError.from("weird").code, -32603);
    assert.deepEqual(new JsonRpcError(LocalCode.Timeout, "t").toResponse(3), {
      jsonrpc: "2.0",
      id: 3,
      error: { code: -32603, message: "t" },
    });
  });
});
