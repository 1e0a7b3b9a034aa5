/**
 * Access control on the binary face: a Connect interceptor that authenticates every call and
 * applies the per-tool rules before the call reaches a handler (so before any upstream).
 *
 * @module
 */
import { Code, ConnectError, createContextKey, type Interceptor } from "@connectrpc/connect";
import type { Logger } from "../observe/index.js";
import { authenticate, mayCallTool, tokenFrom } from "./access.js";
import type { AuthConfig } from "./auth-config.js";
import { toolNameOf } from "./tool-name.js";

/** The authenticated caller of a call, for interceptors further out (logs, metrics). */
export const CALLER = createContextKey<string | undefined>(undefined, { description: "caller identity" });

/** Methods anyone may call: health checks from load balancers and orchestrators. */
const OPEN_SERVICES = new Set(["grpc.health.v1.Health"]);

function refusal(tool: string, identity: string, log: Logger | undefined, method: string): ConnectError {
  log?.warn("call refused: tool not allowed", { method, caller: identity, tool });
  return new ConnectError(`caller '${identity}' may not call tool '${tool}'`, Code.PermissionDenied);
}

/**
 * An interceptor enforcing `config`: `Unauthenticated` without a valid bearer token or API key,
 * `PermissionDenied` for a tool the rules refuse the caller. Refusals are logged (never the token).
 */
export function createAuthInterceptor(config: AuthConfig, log?: Logger): Interceptor {
  return (next) => async (req) => {
    if (OPEN_SERVICES.has(req.service.typeName)) return await next(req);
    const method = `${req.service.typeName}/${req.method.name}`;
    const identity = authenticate(
      config,
      tokenFrom((name) => req.header.get(name)),
    );
    if (identity === undefined) {
      log?.warn("call refused: not authenticated", {
        method,
        presented: req.header.has("authorization") || req.header.has("x-api-key"),
      });
      throw new ConnectError("a valid bearer token or API key is required", Code.Unauthenticated);
    }
    req.contextValues.set(CALLER, identity);
    if (!req.stream) {
      const tool = toolNameOf(req.message);
      if (tool !== undefined && !mayCallTool(config, identity, tool)) {
        throw refusal(tool, identity, log, method);
      }
      return await next(req);
    }
    const input = req.message;
    const caller = identity;
    async function* checked() {
      for await (const message of input) {
        const tool = toolNameOf(message);
        if (tool !== undefined && !mayCallTool(config, caller, tool)) {
          throw refusal(tool, caller, log, method);
        }
        yield message;
      }
    }
    return await next({ ...req, message: checked() });
  };
}
