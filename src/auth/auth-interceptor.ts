/**
 * Access control on the binary face: a Connect interceptor that authenticates every call (bearer
 * token or API key, or a verified TLS client certificate), applies the per-tool rules and the
 * per-caller limit on calls in flight, all before the call reaches a handler (so any upstream).
 *
 * @module
 */
import { Code, ConnectError, createContextKey, type Interceptor } from "@connectrpc/connect";
import { CLIENT_CERTIFICATE } from "../binary/index.js";
import type { Logger } from "../observe/index.js";
import { authenticate, mayCallTool, tokenFrom } from "./access.js";
import { type AuthConfig, DEFAULT_MAX_CONCURRENT_PER_CALLER } from "./auth-config.js";
import { CallerLimit, releaseWhenDone } from "./caller-limit.js";
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
 * An interceptor enforcing `config`: `Unauthenticated` without a valid bearer token or API key
 * (or, with `trustClientCertificates`, a verified client certificate), `PermissionDenied` for a
 * tool the rules refuse the caller, `ResourceExhausted` past the caller's limit of calls in
 * flight. Refusals are logged (never the token).
 */
export function createAuthInterceptor(config: AuthConfig, log?: Logger): Interceptor {
  const limit = new CallerLimit(config.maxConcurrentPerCaller ?? DEFAULT_MAX_CONCURRENT_PER_CALLER);
  return (next) => async (req) => {
    if (OPEN_SERVICES.has(req.service.typeName)) return await next(req);
    const method = `${req.service.typeName}/${req.method.name}`;
    const token = tokenFrom((name) => req.header.get(name));
    let identity = authenticate(config, token);
    if (identity === undefined && token === undefined && config.trustClientCertificates === true) {
      identity = req.contextValues.get(CLIENT_CERTIFICATE)?.commonName;
    }
    if (identity === undefined) {
      log?.warn("call refused: not authenticated", {
        method,
        presented: req.header.has("authorization") || req.header.has("x-api-key"),
      });
      throw new ConnectError(
        "a valid bearer token, API key or client certificate is required",
        Code.Unauthenticated,
      );
    }
    req.contextValues.set(CALLER, identity);
    const caller = identity;
    if (!req.stream) {
      const tool = toolNameOf(req.message);
      if (tool !== undefined && !mayCallTool(config, caller, tool)) throw refusal(tool, caller, log, method);
    }
    let release: () => void;
    try {
      release = limit.acquire(caller);
    } catch (error) {
      log?.warn("call refused: too many calls in flight", { method, caller, limit: limit.max });
      throw error;
    }
    try {
      if (!req.stream) return releaseWhenDone(await next(req), release, req.signal);
      const input = req.message;
      async function* checked() {
        for await (const message of input) {
          const tool = toolNameOf(message);
          if (tool !== undefined && !mayCallTool(config, caller, tool))
            throw refusal(tool, caller, log, method);
          yield message;
        }
      }
      return releaseWhenDone(await next({ ...req, message: checked() }), release, req.signal);
    } catch (error) {
      release();
      throw error;
    }
  };
}
