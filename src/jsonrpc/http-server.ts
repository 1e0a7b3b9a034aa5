/**
 * The server side of the Streamable HTTP transport, as a `node:http` request handler.
 *
 * One handler serves many clients. Each 2025-11-25 session (minted at `initialize`,
 * ended by DELETE) and each 2026-07-28 stateless request (no session, per-request
 * `_meta`) surfaces as an {@link HttpServerConnection} passed to `onsession`, where the
 * application attaches a peer. Requests are checked before anything is parsed: Host and
 * Origin (DNS rebinding), method, Accept, Content-Type, body size.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { JsonRpcError } from "./errors.js";
import { HttpServerConnection } from "./http-server-connection.js";
import { DEFAULT_BODY_TIMEOUT_MS, readRequestBody } from "./request-body.js";
import {
  ErrorCode,
  isRequest,
  type JsonObject,
  type JsonRpcMessage,
  parseMessageBytes,
  type RequestId,
} from "./messages.js";
import { MetaKey, STATELESS_REVISION, SUPPORTED_REVISIONS } from "./revision.js";

/** Options for {@link StreamableHttpHandler}. */
export interface HttpServerOptions {
  /**
   * Called for each new connection before its first message is delivered; attach a
   * peer here (the handler awaits a returned promise).
   */
  onsession: (connection: HttpServerConnection) => void | Promise<void>;
  /** Host names accepted in `Host` (and, by default, in `Origin`). Default: localhost, 127.0.0.1, [::1]. */
  allowedHosts?: readonly string[];
  /** Origins accepted in `Origin`, e.g. `"https://app.example"`. Default: any origin whose host is allowed. */
  allowedOrigins?: readonly string[];
  /** Largest accepted POST body in bytes. Default 4 MiB. */
  maxBodyBytes?: number;
  /**
   * How long a POST body may go without a byte arriving (a body announced but never sent, or one
   * that stalls) before the request is answered 408 with JSON-RPC -32600. Default 5000 ms.
   */
  bodyTimeoutMs?: number;
  /** Makes session ids; they must be visible ASCII (2025-11-25 "Session Management"). Default `randomUUID`. */
  sessionIdGenerator?: () => string;
}

const DEFAULT_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

/** A mountable Streamable HTTP endpoint: `http.createServer(handler.handle)` or route `/mcp` to it. */
export class StreamableHttpHandler {
  private readonly sessions = new Map<string, HttpServerConnection>();
  private readonly connections = new Set<HttpServerConnection>();
  private readonly hosts: ReadonlySet<string>;

  constructor(private readonly options: HttpServerOptions) {
    this.hosts = new Set((options.allowedHosts ?? DEFAULT_HOSTS).map((h) => h.toLowerCase()));
  }

  /** Number of open 2025-11-25 sessions. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Handles one HTTP request. Bound, so it can be passed as is. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const refused = this.checkOrigin(req);
      if (refused !== undefined) {
        reply(res, 403, refused);
        return;
      }
      if (req.method === "POST") return await this.post(req, res);
      if (req.method === "GET") return this.get(req, res);
      if (req.method === "DELETE") return await this.delete(req, res);
      res.setHeader("allow", "GET, POST, DELETE");
      reply(res, 405, invalid(`cannot handle HTTP ${req.method}: use POST, GET or DELETE`));
    } catch (e) {
      if (!res.headersSent) reply(res, 500, JsonRpcError.from(e));
      else res.end();
    }
  };

  /** Closes every connection. */
  async close(): Promise<void> {
    await Promise.all([...this.connections].map((c) => c.close()));
  }

  /** DNS-rebinding protection (transports "Security Warning"): both headers must name an allowed host. */
  private checkOrigin(req: IncomingMessage): JsonRpcError | undefined {
    const host = hostName(req.headers.host ?? "");
    if (!this.hosts.has(host))
      return invalid(`cannot accept request: host "${req.headers.host ?? ""}" is not allowed`);
    const origin = req.headers.origin;
    if (origin === undefined) return undefined;
    const allowed = this.options.allowedOrigins;
    let ok: boolean;
    try {
      ok = allowed === undefined ? this.hosts.has(hostName(new URL(origin).host)) : allowed.includes(origin);
    } catch {
      ok = false;
    }
    return ok ? undefined : invalid(`cannot accept request: origin "${origin}" is not allowed`);
  }

  private async post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const accept = req.headers.accept ?? "";
    if (!(accept.includes("application/json") && accept.includes("text/event-stream"))) {
      reply(res, 406, invalid("cannot accept POST: Accept must list application/json and text/event-stream"));
      return;
    }
    if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      reply(res, 415, invalid("cannot accept POST: Content-Type must be application/json"));
      return;
    }
    const timeoutMs = this.options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
    const body = await readRequestBody(req, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY, timeoutMs);
    if (body === "timeout") {
      res.setHeader("connection", "close");
      reply(res, 408, invalid(`cannot accept POST: no request body byte arrived for ${timeoutMs} ms`));
      return;
    }
    if (body === undefined) {
      res.setHeader("connection", "close");
      reply(res, 413, invalid("cannot accept POST: body is larger than the limit"));
      return;
    }
    const message = parseMessageBytes(body);
    if (message instanceof JsonRpcError) {
      reply(res, 400, message);
      return;
    }
    const id = isRequest(message) ? message.id : undefined;
    const connection = await this.route(req, res, message);
    if (connection === undefined) return;
    const info = { headers: req.headers };
    if (id === undefined) {
      // Notifications and responses: accepted, answered with 202 and no body.
      connection.receive(message, info);
      res.writeHead(202).end();
      if (connection.sessionId === undefined) await connection.close();
      return;
    }
    const stateless = connection.sessionId === undefined;
    const opened = connection.openRequest(id, res, () => {
      // 2026-07-28: closing the response stream cancels the request. 2025-11-25 says a
      // disconnect is not a cancellation, so sessions are left alone.
      if (stateless && !connection.isClosed) {
        connection.receive(cancelled(id), info);
        void connection.close();
      }
    });
    if (!opened) {
      reply(res, 400, invalid(`cannot accept request: id ${id} is already in flight`), id);
      return;
    }
    connection.receive(message, info);
  }

  /** Finds or makes the connection for a POST; answers the POST itself when it cannot. */
  private async route(
    req: IncomingMessage,
    res: ServerResponse,
    message: JsonRpcMessage,
  ): Promise<HttpServerConnection | undefined> {
    const id = isRequest(message) ? message.id : undefined;
    const version = header(req, "mcp-protocol-version");
    if (version !== undefined && !SUPPORTED_REVISIONS.includes(version)) {
      const error = new JsonRpcError(
        ErrorCode.UnsupportedProtocolVersion,
        `cannot accept request: unsupported protocol version ${version}`,
        {
          data: { requested: version, supported: SUPPORTED_REVISIONS },
        },
      );
      reply(res, 400, error, id);
      return undefined;
    }
    const sessionId = header(req, "mcp-session-id");
    const claimed = ((message.params as JsonObject | undefined)?._meta as JsonObject | undefined)?.[
      MetaKey.ProtocolVersion
    ];
    if (claimed !== undefined && (typeof claimed !== "string" || !SUPPORTED_REVISIONS.includes(claimed))) {
      // The body names a revision this server does not speak: -32022, 400, as for the header.
      const error = new JsonRpcError(
        ErrorCode.UnsupportedProtocolVersion,
        `cannot accept request: unsupported protocol version ${String(claimed)}`,
        { data: { requested: String(claimed), supported: SUPPORTED_REVISIONS } },
      );
      reply(res, 400, error, id);
      return undefined;
    }
    const metaVersion = (message.params as JsonObject | undefined)?._meta as JsonObject | undefined;
    const bodyVersion = metaVersion?.[MetaKey.ProtocolVersion];
    if (bodyVersion === STATELESS_REVISION || version === STATELESS_REVISION) {
      // 2026-07-28 "Server Validation": header and body must agree; sessions are ignored.
      const mismatch = headerMismatch(req, message, version, bodyVersion);
      if (mismatch !== undefined) {
        reply(res, 400, new JsonRpcError(ErrorCode.HeaderMismatch, mismatch), id);
        return undefined;
      }
      return this.open(undefined);
    }
    if (sessionId !== undefined) {
      const connection = this.sessions.get(sessionId);
      if (connection === undefined)
        reply(res, 404, invalid(`cannot find session ${sessionId}: unknown or ended`), id);
      return connection;
    }
    if (message.method === "initialize") return this.open((this.options.sessionIdGenerator ?? randomUUID)());
    reply(
      res,
      400,
      invalid("cannot accept request: Mcp-Session-Id header is missing (initialize first)"),
      id,
    );
    return undefined;
  }

  private async open(sessionId: string | undefined): Promise<HttpServerConnection> {
    const connection = new HttpServerConnection(sessionId, (c) => {
      this.connections.delete(c);
      if (c.sessionId !== undefined) this.sessions.delete(c.sessionId);
    });
    this.connections.add(connection);
    if (sessionId !== undefined) this.sessions.set(sessionId, connection);
    await this.options.onsession(connection);
    return connection;
  }

  private get(req: IncomingMessage, res: ServerResponse): void {
    const sessionId = header(req, "mcp-session-id");
    if (sessionId === undefined) {
      // No session, no stream to offer (2026-07-28 removed it; 405 is the spec's answer).
      res.setHeader("allow", "POST, DELETE");
      reply(res, 405, invalid("cannot open GET stream: no session (send Mcp-Session-Id)"));
      return;
    }
    if (!(req.headers.accept ?? "").includes("text/event-stream")) {
      reply(res, 406, invalid("cannot open GET stream: Accept must list text/event-stream"));
      return;
    }
    const connection = this.sessions.get(sessionId);
    if (connection === undefined) {
      reply(res, 404, invalid(`cannot find session ${sessionId}: unknown or ended`));
      return;
    }
    if (connection.hasGetStream) {
      reply(res, 409, invalid("cannot open GET stream: one is already open"));
      return;
    }
    connection.openGetStream(res);
  }

  private async delete(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sessionId = header(req, "mcp-session-id");
    if (sessionId === undefined) {
      res.setHeader("allow", "POST, GET");
      reply(res, 405, invalid("cannot end session: no Mcp-Session-Id header"));
      return;
    }
    const connection = this.sessions.get(sessionId);
    if (connection === undefined) {
      reply(res, 404, invalid(`cannot find session ${sessionId}: unknown or ended`));
      return;
    }
    await connection.close();
    res.writeHead(200).end();
  }
}

function invalid(message: string): JsonRpcError {
  return new JsonRpcError(ErrorCode.InvalidRequest, message);
}

function cancelled(requestId: RequestId): JsonRpcMessage {
  return {
    jsonrpc: "2.0",
    method: "notifications/cancelled",
    params: { requestId, reason: "client closed the response stream" },
  };
}

/** Writes a JSON-RPC error response with an HTTP status. */
function reply(res: ServerResponse, status: number, error: JsonRpcError, id?: RequestId): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(error.toResponse(id)));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The host name of a `Host` value, lower-cased, without port; IPv6 keeps its brackets. */
function hostName(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.indexOf(":");
  return colon === -1 ? h : h.slice(0, colon);
}

/** 2026-07-28 "Server Validation" of MCP-Protocol-Version and Mcp-Method; undefined when they match. */
function headerMismatch(
  req: IncomingMessage,
  message: JsonRpcMessage,
  version: string | undefined,
  bodyVersion: unknown,
): string | undefined {
  if (version !== bodyVersion) {
    return `Header mismatch: MCP-Protocol-Version "${version ?? ""}" does not match body "${String(bodyVersion)}"`;
  }
  const method = header(req, "mcp-method");
  if (typeof message.method === "string" && method !== message.method) {
    return `Header mismatch: Mcp-Method "${method ?? ""}" does not match body "${message.method}"`;
  }
  return nameMismatch(req, message);
}

/** The body field the `Mcp-Name` header mirrors, by method (2026-07-28 "Standard Request Headers"). */
const MCP_NAME_SOURCE: Readonly<Record<string, string>> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
};

/**
 * Checks `Mcp-Name` on a request whose method mirrors a body field in it (`tools/call` and
 * `prompts/get`: `params.name`; `resources/read`: `params.uri`): required when the body carries
 * the field, equal to it once decoded (a `=?base64?…?=` value is Base64 UTF-8).
 */
function nameMismatch(req: IncomingMessage, message: JsonRpcMessage): string | undefined {
  if (!isRequest(message)) return undefined;
  const field = Object.hasOwn(MCP_NAME_SOURCE, message.method) ? MCP_NAME_SOURCE[message.method] : undefined;
  if (field === undefined) return undefined;
  const body = (message.params as JsonObject | undefined)?.[field];
  if (typeof body !== "string") return undefined;
  const raw = header(req, "mcp-name");
  if (raw === undefined) {
    return `Header mismatch: Mcp-Name header is missing; the body carries params.${field} "${body}"`;
  }
  const value = decodeHeaderValue(raw.trim());
  if (value === undefined) return "Header mismatch: Mcp-Name header carries an invalid Base64 value";
  if (value !== body) {
    return `Header mismatch: Mcp-Name header value '${value}' does not match body value '${body}'`;
  }
  return undefined;
}

/** A header value as sent: plain, or `=?base64?<Base64 of UTF-8>?=`; undefined when malformed. */
function decodeHeaderValue(value: string): string | undefined {
  const prefix = "=?base64?";
  if (!(value.startsWith(prefix) && value.endsWith("?="))) return value;
  const b64 = value.slice(prefix.length, -2);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(b64, "base64"));
  } catch {
    return undefined;
  }
}
