/**
 * Access control for both faces: bearer tokens / API keys naming a caller, and per-tool allow/deny
 * rules by caller. A Connect interceptor for the binary face, an HTTP guard for the MCP face.
 *
 * @module
 */
export { API_KEY_HEADER, authenticate, mayCallTool, tokenFrom } from "./access.js";
export {
  type AuthConfig,
  type Credential,
  DEFAULT_IDENTITY,
  loadAuthConfig,
  parseCredentials,
  parseRules,
  type ToolRule,
} from "./auth-config.js";
export { CALLER, createAuthInterceptor } from "./auth-interceptor.js";
export { FORBIDDEN_CODE, guardHttpRequest, UNAUTHENTICATED_CODE } from "./http-guard.js";
export { toolNameOf } from "./tool-name.js";
