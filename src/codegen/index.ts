/**
 * protomcp codegen: JSON Schema from protobuf descriptors, MCP tools for any gRPC/Connect
 * service, and serving them over MCP.
 */
export { CodegenError, type CodegenErrorCode } from "./codegen-error.js";
export { buildProtos, type BuildProtosOptions, registryFromFiles } from "./descriptors/build-protos.js";
export * from "./json-schema/index.js";
export { type ReflectOptions, reflectRegistry } from "./reflection/reflect-registry.js";
export * from "./serve/index.js";
export * from "./tools/index.js";
