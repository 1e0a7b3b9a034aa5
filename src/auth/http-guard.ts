/**
 * Access control on the MCP HTTP face: checked before a request reaches the Streamable HTTP
 * handler. No valid token: HTTP 401 (with `WWW-Authenticate: Bearer`); a `tools/call` (alone or in
 * a batch) for a tool the rules refuse: HTTP 403. Both with a JSON-RPC error body.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../observe/index.js";
import { authenticate, mayCallTool, tokenFrom } from "./access.js";
import type { AuthConfig } from "./auth-config.js";

/** JSON-RPC error codes used in refusals (implementation-defined server errors). */
export const UNAUTHENTICATED_CODE = -32001;
/** JSON-RPC code for a refused tool. */
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

/** The tool names (and the first request id) of the `tools/call` requests in a parsed body. */
function toolCalls(body: string): { tools: string[]; id: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { tools: [], id: null }; // The handler answers malformed JSON.
  }
  const tools: string[] = [];
  let id: unknown = null;
  for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
    const m = item as { method?: unknown; id?: unknown; params?: { name?: unknown } } | null;
    if (m === null || typeof m !== "object" || m.method !== "tools/call") continue;
    tools.push(typeof m.params?.name === "string" ? m.params.name : "");
    if (id === null && m.id !== undefined) id = m.id;
  }
  return { tools, id };
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
  const identity = authenticate(
    config,
    tokenFrom((name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    }),
  );
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
  const { tools, id } = toolCalls(body);
  const denied = tools.find((tool) => !mayCallTool(config, identity, tool));
  if (denied !== undefined) {
    log?.warn("request refused: tool not allowed", { caller: identity, tool: denied });
    refuse(res, 403, FORBIDDEN_CODE, `Forbidden: caller '${identity}' may not call tool '${denied}'`, id);
    return undefined;
  }
  return identity;
}
