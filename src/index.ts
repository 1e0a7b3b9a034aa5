/**
 * protomcp: the Model Context Protocol, protobuf- and gRPC-first. This entry is what a server author
 * needs first: typed MCP servers whose tools take and return protobuf messages, served as
 * `mcp.v1.McpService` (gRPC, Connect, gRPC-Web) and, through the MCP face, to any MCP client.
 *
 * The other parts have subpaths of their own: `protomcp/transcode`, `protomcp/jsonrpc`,
 * `protomcp/gateway`, `protomcp/binary`, `protomcp/codegen`, `protomcp/auth`, `protomcp/observe`,
 * `protomcp/schema`, `protomcp/testing`, and the generated stubs under `protomcp/gen/…`.
 *
 * @module
 */
export * from "./server/index.js";
