/**
 * Access control for both faces: bearer tokens / API keys (or, on the binary face, verified TLS
 * client certificates) naming a caller, per-tool, per-prompt and per-resource allow/deny rules by
 * caller decided in one place ({@link decide}, on the JSON-RPC request as sent; lists filtered to match), and a per-caller limit on calls in flight. A Connect interceptor for the
 * binary face, an HTTP guard and list filter for the MCP face.
 *
 * @module
 */
export {
  API_KEY_HEADER,
  authenticate,
  mayCallTool,
  mayGetPrompt,
  mayUseResource,
  tokenFrom,
} from "./access.js";
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
export { refusedIn, resourceUriOf } from "./call-target.js";
export { createRequestAuthorizer, decide, type Refused, refusalText } from "./policy.js";
export { canonicalUri } from "./uri.js";
export { CallerLimit } from "./caller-limit.js";
export { callerOf, FORBIDDEN_CODE, guardHttpRequest, UNAUTHENTICATED_CODE } from "./http-guard.js";
export { filterListResult, filterTypedList, hiddenFrom } from "./list-filter.js";
export { toolNameOf } from "./tool-name.js";
