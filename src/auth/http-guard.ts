/**
 * Access control on the MCP HTTP face: checked before a request reaches the Streamable HTTP
 * handler. No valid token: HTTP 401 (with `WWW-Authenticate: Bearer`); a `tools/call` for a tool,
 * or a `resources/read` / `resources/subscribe` / `resources/unsubscribe` for a resource, that the
 * rules refuse (alone or in a batch): HTTP 403. Both with a JSON-RPC error body. (Lists are filtered by the face itself,
 * with {@link callerOf} and `filterListResult`.)
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../observe/index.js";
import { authenticate, mayCallTool, mayUseResource, tokenFrom } from "./access.js";
import type { AuthConfig } from "./auth-config.js";
import type { Refused } from "./call-target.js";

/** JSON-RPC error codes used in refusals (implementation-defined server errors). */
export const UNAUTHENTICATED_CODE = -32001;
/** JSON-RPC code for a refused tool or resource. */
export const FORBIDDEN_CODE = -32003;

/** Bodies larger than this are not inspected; the handler answers them with 413. */
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

const RESOURCE_METHODS = new Set(["resources/read", "resources/subscribe", "resources/unsubscribe"]);

/**
 * The first tool or resource in a body's requests (`tools/call`, `resources/read`,
 * `resources/subscribe`, `resources/unsubscribe`) that the rules refuse `identity`, with that request's id.
 */
function refusedRequest(
  config: AuthConfig,
  identity: string,
  body: string,
): { refused: Refused; id: unknown } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined; // The handler answers malformed JSON.
  }
  for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
    const m = item as { method?: unknown; id?: unknown; params?: { name?: unknown; uri?: unknown } } | null;
    if (m === null || typeof m !== "object") continue;
    const id = m.id ?? null;
    if (m.method === "tools/call") {
      const name = typeof m.params?.name === "string" ? m.params.name : "";
      if (!mayCallTool(config, identity, name)) return { refused: { kind: "tool", name }, id };
    } else if (typeof m.method === "string" && RESOURCE_METHODS.has(m.method)) {
      const name = typeof m.params?.uri === "string" ? m.params.uri : "";
      if (!mayUseResource(config, identity, name)) return { refused: { kind: "resource", name }, id };
    }
  }
  return undefined;
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

/** Reads the body, and puts it back so the handler can read it again as it would. */
async function peekBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let whole = true;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > INSPECT_LIMIT) {
      whole = false;
      break;
    }
  }
  const replay = chunks;
  Object.defineProperty(req, Symbol.asyncIterator, {
    configurable: true,
    value: async function* () {
      yield* replay;
    },
  });
  return whole ? Buffer.concat(chunks).toString("utf8") : undefined;
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
  const body = await peekBody(req);
  if (body === undefined) return identity;
  const denied = refusedRequest(config, identity, body);
  if (denied === undefined) return identity;
  const { refused, id } = denied;
  if (refused.kind === "tool") {
    log?.warn("request refused: tool not allowed", { caller: identity, tool: refused.name });
    refuse(
      res,
      403,
      FORBIDDEN_CODE,
      `Forbidden: caller '${identity}' may not call tool '${refused.name}'`,
      id,
    );
  } else {
    log?.warn("request refused: resource not allowed", { caller: identity, resource: refused.name });
    const message = `Forbidden: caller '${identity}' may not use resource '${refused.name}'`;
    refuse(res, 403, FORBIDDEN_CODE, message, id);
  }
  return undefined;
}
