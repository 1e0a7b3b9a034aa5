/** Shared fixtures of the jsonrpc tests: server-everything's entry and a small MCP server handler. */
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { JsonRpcError } from "../../src/jsonrpc/errors.js";
import { ErrorCode, type JsonObject } from "../../src/jsonrpc/messages.js";
import { Peer } from "../../src/jsonrpc/peer.js";
import type { Transport } from "../../src/jsonrpc/transport.js";

const require = createRequire(import.meta.url);

/** server-everything's launcher; its first argument picks the transport (stdio, streamableHttp). */
export const everythingEntry = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

/**
 * Serves a tiny MCP server over `transport`: initialize, tools/list, and tools/call of
 * `echo` and `progress` (which sends two progress notifications and a log message first,
 * so an HTTP server must answer it with SSE).
 */
export async function serveFixture(transport: Transport): Promise<Peer> {
  const peer = new Peer(transport);
  peer.setRequestHandler("initialize", async (request) => {
    const wanted = request.params?.protocolVersion;
    return {
      protocolVersion: wanted === "2025-06-18" || wanted === "2025-03-26" ? wanted : "2025-11-25",
      capabilities: { tools: {}, logging: {} },
      serverInfo: { name: "protomcp-fixture", version: "1.0.0" },
    };
  });
  peer.setRequestHandler("server/discover", async () => ({
    resultType: "complete",
    supportedVersions: ["2026-07-28"],
    capabilities: { tools: {} },
    cacheScope: "public",
    _meta: { "io.modelcontextprotocol/serverInfo": { name: "protomcp-fixture", version: "1.0.0" } },
  }));
  peer.setRequestHandler("tools/list", async () => ({
    tools: [
      { name: "echo", inputSchema: { type: "object", properties: { message: { type: "string" } } } },
      { name: "progress", inputSchema: { type: "object" } },
    ],
  }));
  peer.setRequestHandler("tools/call", async (request, context) => {
    const params = request.params ?? {};
    const args = (params.arguments ?? {}) as JsonObject;
    if (params.name === "echo") {
      return {
        content: [{ type: "text", text: `Echo: ${String(args.message)}` }],
        _meta: { seen: params._meta ?? null },
      };
    }
    if (params.name === "progress") {
      const token = (params._meta as JsonObject | undefined)?.progressToken;
      await context.sendNotification("notifications/message", { level: "info", data: "working" });
      if (token !== undefined) {
        await context.sendNotification("notifications/progress", {
          progressToken: token,
          progress: 1,
          total: 2,
        });
        await context.sendNotification("notifications/progress", {
          progressToken: token,
          progress: 2,
          total: 2,
        });
        // The SDK client dispatches notifications asynchronously but responses at once; a
        // pause keeps it from settling the call before it has seen the last progress.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { content: [{ type: "text", text: "done" }] };
    }
    throw new JsonRpcError(ErrorCode.InvalidParams, `cannot call tool: unknown tool ${String(params.name)}`);
  });
  await peer.start();
  return peer;
}

/** A TCP port that was free a moment ago on 127.0.0.1 (for servers that cannot listen on port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}
