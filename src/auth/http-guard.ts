/**
 * Access control on the MCP HTTP face: checked before a request reaches the Streamable HTTP
 * handler. No valid token: HTTP 401 (with `WWW-Authenticate: Bearer`); a request the rules refuse
 * ({@link decide}: a tool, prompt or resource, or a target that cannot be read): HTTP 403. Both
 * with a JSON-RPC error body. The body is parsed by the handler's own parser
 * (`parseMessageBytes`: strict UTF-8, a byte-order mark dropped), so the guard decides on the very
 * message the handler serves; a body it cannot parse, or too large to read, is refused when rules
 * apply, never passed on. (Lists are filtered by the face itself, with {@link callerOf} and
 * `filterListResult`.)
 *
 * @module
 */
import type { Buffer } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../observe/index.js";
import {
  DEFAULT_BODY_TIMEOUT_MS,
  isRequest,
  JsonRpcError,
  parseMessageBytes,
  readRequestBody,
} from "../jsonrpc/index.js";
import { authenticate, tokenFrom } from "./access.js";
import type { AuthConfig } from "./auth-config.js";
import { decide, logRefusal, type Refused, refusalText } from "./policy.js";

/** JSON-RPC error codes used in refusals (implementation-defined server errors). */
export const UNAUTHENTICATED_CODE = -32001;
/** JSON-RPC code for a refused tool or resource. */
export const FORBIDDEN_CODE = -32003;

/** The most a body may hold when rules apply (the Streamable HTTP handler's own default limit). */
const INSPECT_LIMIT = 4 * 1024 * 1024;

function refuse(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  id: unknown = null,
): void {
  const body = JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="mcp"';
  res.writeHead(status, headers).end(body);
}

/**
 * What the rules refuse `identity` in a POST body, with the request's id: the body is parsed as
 * the handler parses it; one that does not parse (a batch, bad JSON) is refused as unreadable.
 */
function refusedRequest(
  config: AuthConfig,
  identity: string,
  body: Buffer,
): { refused: Refused; id: unknown; method: string } | undefined {
  const message = parseMessageBytes(body);
  if (message instanceof JsonRpcError)
    return { refused: { kind: "request", name: "unparsed" }, id: null, method: "" };
  if (!isRequest(message)) return undefined;
  const refused = decide(config, identity, message.method, message.params);
  return refused === undefined ? undefined : { refused, id: message.id, method: message.method };
}

/** The identity whose token an HTTP request (or a message's recorded headers) carries, if valid. */
export function callerOf(
  config: AuthConfig,
  headers: Readonly<Record<string, string | string[] | undefined>> | undefined,
): string | undefined {
  return authenticate(
    config,
    tokenFrom((name) => {
      const v = headers?.[name];
      return Array.isArray(v) ? v[0] : v;
    }),
  );
}

/**
 * Checks `req` against `config`. Resolves to the caller's identity when the request may go on to
 * the handler; otherwise it has already answered (401 or 403) and resolves to undefined.
 */
export async function guardHttpRequest(
  config: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  log?: Logger,
  bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS,
): Promise<string | undefined> {
  const identity = callerOf(config, req.headers);
  if (identity === undefined) {
    log?.warn("request refused: not authenticated", {
      method: req.method,
      presented: req.headers.authorization !== undefined || req.headers["x-api-key"] !== undefined,
    });
    req.resume();
    refuse(res, 401, UNAUTHENTICATED_CODE, "Unauthorized: a valid bearer token or API key is required");
    return undefined;
  }
  if (req.method !== "POST" || (config.rules ?? []).length === 0) return identity;
  // Read once, here and for the handler: a body that stalls is answered 408 by the handler.
  const body = await readRequestBody(req, INSPECT_LIMIT, bodyTimeoutMs);
  if (body === "timeout") return identity;
  if (body === undefined) {
    log?.warn("request refused: body too large to check", { caller: identity });
    res.setHeader("connection", "close");
    refuse(res, 413, FORBIDDEN_CODE, "Forbidden: the body is larger than the limit and cannot be checked");
    return undefined;
  }
  const denied = refusedRequest(config, identity, body);
  if (denied === undefined) return identity;
  const { refused, id, method } = denied;
  logRefusal(log, refused, identity, method, "request refused");
  refuse(res, 403, FORBIDDEN_CODE, `Forbidden: ${refusalText(refused, identity)}`, id);
  return undefined;
}
