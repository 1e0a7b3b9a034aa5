/**
 * Issue 20: the Streamable HTTP client resumes a request whose SSE stream ends before its response
 * (2025-11-25 "Resumability and Redelivery"): it waits the server's `retry` time, reconnects with
 * `GET` + `Last-Event-ID`, bounds its attempts, and then fails the call with a clear error.
 *
 * The conformance suite's client scenario `sse-retry` runs with the gateway as the client; a
 * loopback server shaped like the reference server's `test_reconnection` (the reference server
 * itself is not in the suite's package) is called through MCP face -> gateway -> it.
 */
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { JsonRpcError, LocalCode } from "../../src/jsonrpc/errors.js";
import { StreamableHttpClientTransport } from "../../src/jsonrpc/http-client.js";
import type { JsonRpcMessage } from "../../src/jsonrpc/messages.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

const resolvePath = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const conformanceCli = resolvePath("../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
const shim = resolvePath("../conformance/node20-shim.mjs");
const driver = resolvePath("./sse-retry-client.ts");
const quiet = createLogger({ level: "error" });

/** How the loopback server treats a `tools/call`. */
interface Behaviour {
  /** The `retry` field it sends, in ms. */
  retryMs: number;
  /** Answer the pending call on a GET with Last-Event-ID (else: priming event, then close). */
  resumes: boolean;
  /** Answer GET with 405 instead. */
  refuseGet?: boolean;
  /** Send no event IDs at all. */
  noIds?: boolean;
}

/** What the loopback server saw. */
interface Seen {
  gets: { lastEventId: string | undefined; at: number }[];
  closedAt: number;
}

/**
 * A Streamable HTTP server with one tool, `test_reconnection`: its POST stream sends a priming
 * event (id, `retry`, empty data) and closes before the result, which a GET with Last-Event-ID
 * then delivers (as the conformance suite's reference server does, with a shorter retry).
 */
async function startLoopback(behaviour: Behaviour): Promise<{ url: string; seen: Seen; server: Server }> {
  const seen: Seen = { gets: [], closedAt: 0 };
  let pending: number | string | undefined;
  let counter = 0;
  const session = "loopback-session";
  const priming = (res: ServerResponse): void => {
    counter++;
    res.write(
      behaviour.noIds
        ? `retry: ${behaviour.retryMs}\n\n`
        : `id: e-${counter}\nretry: ${behaviour.retryMs}\ndata: \n\n`,
    );
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET") {
      const lastEventId = req.headers["last-event-id"];
      seen.gets.push({
        lastEventId: typeof lastEventId === "string" ? lastEventId : undefined,
        at: Date.now(),
      });
      if (behaviour.refuseGet) {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "mcp-session-id": session });
      priming(res);
      if (lastEventId !== undefined && pending !== undefined && behaviour.resumes) {
        const answer = {
          jsonrpc: "2.0",
          id: pending,
          result: { content: [{ type: "text", text: "resumed" }] },
        };
        res.write(`event: message\nid: e-${++counter}\ndata: ${JSON.stringify(answer)}\n\n`);
        pending = undefined;
        // Left open, as the reference server does: the client must stop reading by itself.
      } else if (lastEventId !== undefined) {
        res.end();
      }
      return;
    }
    if (req.method === "DELETE") {
      res.writeHead(200).end();
      return;
    }
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on("end", () => {
      const message = JSON.parse(text) as { id?: number | string; method?: string };
      const json = (result: object): void => {
        res.writeHead(200, { "content-type": "application/json", "mcp-session-id": session });
        res.end(JSON.stringify({ jsonrpc: "2.0", id: message.id, result }));
      };
      if (message.id === undefined) {
        res.writeHead(202).end();
      } else if (message.method === "initialize") {
        json({
          protocolVersion: "2025-11-25",
          capabilities: { tools: {} },
          serverInfo: { name: "loopback", version: "1" },
        });
      } else if (message.method === "tools/list") {
        json({ tools: [{ name: "test_reconnection", inputSchema: { type: "object" } }] });
      } else if (message.method === "tools/call") {
        pending = message.id;
        res.writeHead(200, { "content-type": "text/event-stream", "mcp-session-id": session });
        priming(res);
        setTimeout(() => {
          seen.closedAt = Date.now();
          res.end();
        }, 20);
      } else {
        json({});
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, seen, server };
}

/** A bare transport, initialized, that delivers what it receives to `received`. */
async function connect(url: string, options: { maxReconnectAttempts?: number } = {}) {
  const transport = new StreamableHttpClientTransport({ url, openGetStream: false, ...options });
  const received: JsonRpcMessage[] = [];
  transport.onmessage = (message) => received.push(message);
  await transport.send({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
  });
  transport.setProtocolVersion("2025-11-25");
  const call = () =>
    transport.send({
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: { name: "test_reconnection", arguments: {} },
    });
  return { transport, received, call };
}

describe("jsonrpc: SSE resumption in the Streamable HTTP client (issue 20)", function () {
  this.timeout(30_000);
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("waits the retry time, reconnects with GET + Last-Event-ID and takes the response from that stream", async () => {
    const loopback = await startLoopback({ retryMs: 300, resumes: true });
    servers.push(loopback.server);
    const { transport, received, call } = await connect(loopback.url);
    await call();
    await transport.close();
    assert.deepEqual(
      loopback.seen.gets.map((get) => get.lastEventId),
      ["e-1"],
    );
    const waited = (loopback.seen.gets[0]?.at ?? 0) - loopback.seen.closedAt;
    assert.ok(waited >= 280 && waited < 1000, `reconnected after ${waited} ms, retry was 300 ms`);
    assert.ok(received.some((m) => m.id === 2 && JSON.stringify(m.result).includes("resumed")));
  });

  it("fails the call after maxReconnectAttempts fruitless reconnections, saying so", async () => {
    const loopback = await startLoopback({ retryMs: 10, resumes: false });
    servers.push(loopback.server);
    const { transport, call } = await connect(loopback.url, { maxReconnectAttempts: 3 });
    await assert.rejects(call(), (error: unknown) => {
      assert.ok(error instanceof JsonRpcError);
      assert.equal(error.code, LocalCode.ConnectionClosed);
      assert.match(
        error.message,
        /cannot complete tools\/call: SSE stream ended before the response, and 3 reconnection\(s\) with Last-Event-ID e-\d+ did not bring it/,
      );
      return true;
    });
    await transport.close();
    assert.equal(loopback.seen.gets.length, 3);
    // Each reconnection names the last event ID it has seen, the newest one.
    assert.deepEqual(
      loopback.seen.gets.map((get) => get.lastEventId),
      ["e-1", "e-2", "e-3"],
    );
  });

  it("fails the call at once when the server refuses the GET, or sent no event ID", async () => {
    const refusing = await startLoopback({ retryMs: 10, resumes: true, refuseGet: true });
    servers.push(refusing.server);
    const first = await connect(refusing.url);
    await assert.rejects(first.call(), /refused to resume it \(GET with Last-Event-ID: HTTP 405\)/);
    await first.transport.close();
    const idless = await startLoopback({ retryMs: 10, resumes: true, noIds: true });
    servers.push(idless.server);
    const second = await connect(idless.url);
    await assert.rejects(second.call(), /no event ID to resume from/);
    await second.transport.close();
    assert.equal(idless.seen.gets.length, 0);
  });

  it("test_reconnection answers through MCP face -> gateway -> a server that closes the stream mid-call", async () => {
    const loopback = await startLoopback({ retryMs: 200, resumes: true });
    servers.push(loopback.server);
    let gateway: Gateway | undefined;
    let face: McpFace | undefined;
    try {
      gateway = await startGateway({
        upstreams: new Map([["reference", { url: loopback.url }]]),
        logger: quiet,
      });
      face = await serveMcpFace({
        upstream: gateway.url,
        listen: { host: "127.0.0.1", port: 0 },
        logger: quiet,
      });
      const post = async (body: object, session?: string) => {
        const res = await fetch(face!.url!, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": "2025-11-25",
            ...(session === undefined ? {} : { "mcp-session-id": session }),
          },
          body: JSON.stringify(body),
        });
        return { session: res.headers.get("mcp-session-id") ?? undefined, text: await res.text() };
      };
      const init = await post({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
      });
      await post({ jsonrpc: "2.0", method: "notifications/initialized" }, init.session);
      const answer = await post(
        { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "test_reconnection", arguments: {} } },
        init.session,
      );
      assert.match(answer.text, /"text":"resumed"/, answer.text);
      assert.ok(loopback.seen.gets.some((get) => get.lastEventId !== undefined));
    } finally {
      await face?.close();
      await gateway?.close();
    }
  });

  it("passes the conformance suite's client scenario sse-retry with the gateway as the client", async () => {
    const outputDir = await mkdtemp(join(tmpdir(), "protomcp-sse-retry-"));
    try {
      const args = [
        "--import",
        shim,
        conformanceCli,
        "client",
        "--command",
        `${process.execPath} --import tsx ${driver}`,
        "--scenario",
        "sse-retry",
        "--timeout",
        "20000",
        "-o",
        outputDir,
      ];
      const { code, output } = await new Promise<{ code: number | null; output: string }>(
        (resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
          let text = "";
          child.stdout.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          child.stderr.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
          child.once("error", reject);
          child.once("close", (exit) => {
            clearTimeout(timer);
            resolve({ code: exit, output: text });
          });
        },
      );
      const [dir] = (await readdir(outputDir)).filter((entry) => entry.startsWith("sse-retry-"));
      assert.ok(dir !== undefined, output.slice(-2000));
      const checks = JSON.parse(await readFile(join(outputDir, dir, "checks.json"), "utf8")) as {
        id: string;
        status: string;
        errorMessage?: string;
      }[];
      const verdicts = Object.fromEntries(
        checks.filter((check) => check.id.startsWith("client-sse-")).map((check) => [check.id, check.status]),
      );
      assert.deepEqual(
        verdicts,
        {
          "client-sse-graceful-reconnect": "SUCCESS",
          "client-sse-retry-timing": "SUCCESS",
          "client-sse-last-event-id": "SUCCESS",
        },
        output.slice(-3000),
      );
      assert.equal(code, 0, output.slice(-2000));
    } finally {
      await rm(outputDir, { recursive: true, force: true });
    }
  });
});
