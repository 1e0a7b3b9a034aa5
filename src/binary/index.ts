/**
 * The binary face: `mcp.v1` (or any) services over Connect, gRPC and gRPC-Web on one port, with
 * gRPC server reflection and health, and the mapping between MCP and Connect error codes.
 */
export {
  CLIENT_CERTIFICATE,
  type ClientCertificate,
  certificateContextValues,
  clientCertificateOf,
} from "./client-certificate.js";
export { connectCodeFor, connectErrorFor, jsonRpcCodeFor, mcpErrorOf } from "./error-codes.js";
export { HealthStatus, ServingStatus } from "./health.js";
export { type Listening, type ListenOptions, listen, type TlsOptions } from "./listen.js";
export { createReflectionService, registerReflection } from "./reflection.js";
export {
  type BinaryServer,
  type BinaryServerOptions,
  type ServiceBinding,
  startBinaryServer,
} from "./server.js";
