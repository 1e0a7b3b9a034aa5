/**
 * Access control on the binary face: a Connect interceptor that authenticates every call (bearer
 * token or API key, or a verified TLS client certificate) and applies the per-caller limit on
 * calls in flight, both before the call reaches a handler (so any upstream), and leaves out of
 * list answers what the rules refuse the caller. It names the caller ({@link CALLER}); the
 * per-tool, per-prompt and per-resource rules are applied by the handler, on the JSON-RPC request
 * it sends upstream (`createRequestAuthorizer`), where they read what the upstream will read.
 *
 * @module
 */
import {
  Code,
  ConnectError,
  createContextKey,
  type Interceptor,
  type StreamResponse,
  type UnaryResponse,
} from "@connectrpc/connect";
import { CLIENT_CERTIFICATE } from "../binary/index.js";
import type { Logger } from "../observe/index.js";
import { authenticate, tokenFrom } from "./access.js";
import { type AuthConfig, DEFAULT_MAX_CONCURRENT_PER_CALLER } from "./auth-config.js";
import { CallerLimit, releaseWhenDone } from "./caller-limit.js";
import { filterTypedList, hiddenFrom } from "./list-filter.js";

/** The authenticated caller of a call, for interceptors further out (logs, metrics). */
export const CALLER = createContextKey<string | undefined>(undefined, { description: "caller identity" });

/** Methods anyone may call: health checks from load balancers and orchestrators. */
const OPEN_SERVICES = new Set(["grpc.health.v1.Health"]);

/**
 * `response` with the list entries the rules refuse `identity` left out, message by message, and
 * without the resource-update notifications about resources it may not use.
 */
function listedFor<R extends UnaryResponse | StreamResponse>(
  config: AuthConfig,
  identity: string,
  response: R,
): R {
  if ((config.rules ?? []).length === 0) return response;
  if (!response.stream) return { ...response, message: filterTypedList(config, identity, response.message) };
  const source = response.message;
  const filtered: AsyncIterable<unknown> = {
    [Symbol.asyncIterator]() {
      const iterator = source[Symbol.asyncIterator]();
      return {
        async next() {
          for (;;) {
            const result = await iterator.next();
            if (result.done === true) return result;
            if (hiddenFrom(config, identity, result.value)) continue;
            filterTypedList(config, identity, result.value);
            return result;
          }
        },
        async return(value?: unknown) {
          return (await iterator.return?.(value)) ?? { done: true, value: undefined };
        },
      };
    },
  };
  return { ...response, message: filtered };
}

/**
 * An interceptor enforcing `config`: `Unauthenticated` without a valid bearer token or API key
 * (or, with `trustClientCertificates`, a verified client certificate), `ResourceExhausted` past
 * the caller's limit of calls in flight. Refusals are logged (never the token). List answers
 * (`ListTools`, `ListPrompts`, `ListResources`, `ListResourceTemplates`, and list results on
 * `Call`/`Exchange`) leave out what the caller's rules refuse. The rules themselves are the
 * handler's to apply, on what it sends upstream (see `createRequestAuthorizer`): the gateway does.
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
    let release: () => void;
    try {
      release = limit.acquire(caller);
    } catch (error) {
      log?.warn("call refused: too many calls in flight", { method, caller, limit: limit.max });
      throw error;
    }
    try {
      return releaseWhenDone(listedFor(config, caller, await next(req)), release, req.signal);
    } catch (error) {
      release();
      throw error;
    }
  };
}
