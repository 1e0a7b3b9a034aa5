/**
 * Access control for both faces: bearer tokens / API keys (or, on the binary face, verified TLS
 * client certificates) naming a caller, per-tool and per-resource allow/deny rules by caller (lists
 * filtered to match), and a per-caller limit on calls in flight. A Connect interceptor for the
 * binary face, an HTTP guard and list filter for the MCP face.
 *
 * @module
 */
export { API_KEY_HEADER, authenticate, mayCallTool, mayUseResource, tokenFrom } from "./access.js";
export {
  type AuthConfig,
  type Credential,
  DEFAULT_IDENTITY,
  DEFAULT_MAX_CONCURRENT_PER_CALLER,
  loadAuthConfig,
  parseCredentials,
  parseRules,
  type ToolRule,
} from "./auth-config.js";
export { CALLER, createAuthInterceptor } from "./auth-interceptor.js";
export { type Refused, refusedIn, resourceUriOf } from "./call-target.js";
export { CallerLimit } from "./caller-limit.js";
export { callerOf, FORBIDDEN_CODE, guardHttpRequest, UNAUTHENTICATED_CODE } from "./http-guard.js";
export { filterListResult, filterTypedList, hiddenFrom } from "./list-filter.js";
export { toolNameOf } from "./tool-name.js";
