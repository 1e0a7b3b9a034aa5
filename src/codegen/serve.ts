import { createServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { CodegenError } from "./codegen-error.js";
import type { ToolSet } from "./tools/tool-set.js";

/** Where to serve: stdio of this process, or Streamable HTTP at `host:port` (port 0 picks one). */
export type ServeTarget = { stdio: true } | { listen: string };

/** Options of {@link serveTools}. */
export type ServeOptions = ServeTarget & {
  /** The server name in `initialize`. Defaults to `"protomcp-tools"`. */
  name?: string;
  version?: string;
  /**
   * Headers of the MCP HTTP request passed on to the RPC, such as `authorization`, so that a
   * client's credentials reach the service. Names are case-insensitive. Streamable HTTP only.
   */
  forwardHeaders?: readonly string[];
  /** The HTTP path of the MCP endpoint. Defaults to `/mcp`. */
  path?: string;
};

/** A running MCP server. */
export interface ServedTools {
  /** The endpoint URL when serving Streamable HTTP. */
  readonly url?: string;
  /** Resolves when the server stops: stdin closed, or {@link close} called. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves a tool set over MCP.
 *
 * This uses the official SDK's low-level `Server` for now, behind this one function, so that it
 * can move to protomcp's own MCP server face once that exists without changing callers.
 */
export async function serveTools(toolSet: ToolSet, options: ServeOptions): Promise<ServedTools> {
  if ("stdio" in options) {
    const server = createMcpServer(toolSet, options);
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      server.onclose = resolve;
      process.stdin.once("end", () => void server.close());
    });
    await server.connect(transport);
    return { closed, close: () => server.close() };
  }
  return serveHttp(toolSet, options);
}

function createMcpServer(toolSet: ToolSet, options: ServeOptions): Server {
  const server = new Server(
    { name: options.name ?? "protomcp-tools", version: options.version ?? "0.1.0" },
    { capabilities: { tools: {} } },
  );
  const tools = toolSet.tools.map(({ method: _method, ...tool }) => tool);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: structuredClone(tools) }));
  const forward = (options.forwardHeaders ?? []).map((h) => h.toLowerCase());
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const headers = new Headers();
    const incoming = extra.requestInfo?.headers ?? {};
    for (const name of forward) {
      const value = incoming[name];
      if (value !== undefined) {
        headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
    }
    const progressToken = request.params._meta?.progressToken;
    try {
      const result = await toolSet.call(request.params.name, request.params.arguments, {
        headers,
        signal: extra.signal,
        onMessage(count) {
          if (progressToken !== undefined) {
            void extra.sendNotification({
              method: "notifications/progress",
              params: { progressToken, progress: count, message: `received message ${count}` },
            });
          }
        },
      });
      return { ...result };
    } catch (error) {
      // An unknown tool is a protocol error per the MCP spec; anything else is a bug here.
      if (error instanceof CodegenError && error.code === "not_found") {
        throw new McpError(ErrorCode.InvalidParams, error.message);
      }
      throw error;
    }
  });
  return server;
}

/**
 * Streamable HTTP in stateless mode: one server and transport per POST, because tools keep no
 * session state and this way any number of clients can call concurrently.
 */
async function serveHttp(toolSet: ToolSet, options: ServeOptions & { listen: string }): Promise<ServedTools> {
  const { host, port } = parseListen(options.listen);
  const path = options.path ?? "/mcp";
  const http: HttpServer = createServer((req: IncomingMessage, res) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== "POST") {
      // Stateless: no standalone SSE stream and no session to delete.
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    const server = createMcpServer(toolSet, options);
    const transport = new StreamableHTTPServerTransport({});
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch((error: unknown) => {
        process.stderr.write(`protomcp tools: cannot handle request: ${String(error)}\n`);
        if (!res.headersSent) {
          res.writeHead(500).end();
        }
      });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  http.once("close", () => resolveClosed());
  return {
    url: `http://${shownHost}:${address.port}${path}`,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Parses `host:port`, `[v6]:port` or `:port`. */
export function parseListen(listen: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(listen);
  if (match === null) {
    throw new CodegenError("invalid_argument", `cannot listen on "${listen}": want HOST:PORT`);
  }
  return { host: match[1] ?? (match[2] || "127.0.0.1"), port: Number(match[3]) };
}
