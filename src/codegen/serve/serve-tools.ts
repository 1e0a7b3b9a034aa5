import { createRouterTransport } from "@connectrpc/connect";
import type { AuthConfig } from "../../auth/index.js";
import type { Logger } from "../../observe/index.js";
import { createMcpServer, type McpServer, serveMcpFace } from "../../server/index.js";
import { CodegenError } from "../codegen-error.js";
import type { ToolSet } from "../tools/tool-set.js";
import { addToolSet } from "./add-tool-set.js";

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
  /** Access control for HTTP clients: 401 without a valid token, 403 for a refused tool. */
  auth?: AuthConfig;
  /** Host names accepted in `Host`/`Origin` (HTTP only). Defaults to loopback names. */
  allowedHosts?: readonly string[];
  /** Where refusals are logged. */
  logger?: Logger;
};

/** A running MCP server. */
export interface ServedTools {
  /** The endpoint URL when serving Streamable HTTP, e.g. `http://127.0.0.1:8080/mcp`. */
  readonly url?: string;
  /** The protomcp server holding the tools; add tools, resources or prompts to it at run time. */
  readonly server: McpServer;
  /** Resolves when the server stops: stdin closed, or {@link close} called. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves a tool set over MCP through protomcp's MCP face (stdio or Streamable HTTP, both
 * revisions, Origin/Host checks, auth). The tools are those of a {@link createMcpServer} server
 * which the face reaches in process, through a router transport: no port is opened besides the
 * MCP endpoint, so nothing can bypass the face's checks.
 */
export async function serveTools(toolSet: ToolSet, options: ServeOptions): Promise<ServedTools> {
  const server = createMcpServer({
    name: options.name ?? "protomcp-tools",
    version: options.version ?? "0.1.0",
  });
  addToolSet(
    server,
    toolSet,
    options.forwardHeaders === undefined ? {} : { forwardHeaders: options.forwardHeaders },
  );
  const face = await serveMcpFace({
    transport: createRouterTransport(server.routes()),
    ...("stdio" in options ? { stdio: true } : { listen: parseListen(options.listen) }),
    ...(options.forwardHeaders === undefined ? {} : { forwardHeaders: options.forwardHeaders }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  let stopped: () => void = () => {};
  const closed = Promise.race([face.closed, new Promise<void>((resolve) => (stopped = resolve))]);
  let closing: Promise<void> | undefined;
  return {
    ...(face.url === undefined ? {} : { url: face.url }),
    server,
    closed,
    close() {
      closing ??= face.close().finally(stopped);
      return closing;
    },
  };
}

/** Parses `host:port`, `[v6]:port` or `:port` (loopback). */
export function parseListen(listen: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(listen);
  if (match === null) {
    throw new CodegenError("invalid_argument", `cannot listen on "${listen}": want HOST:PORT`);
  }
  return { host: match[1] ?? (match[2] || "127.0.0.1"), port: Number(match[3]) };
}
