// One name from each public subpath, so that tsc checks every entry's types as a user sees them.
import { createAuthInterceptor } from "protomcp/auth";
import { listen } from "protomcp/binary";
import { buildProtos, messageSchema } from "protomcp/codegen";
import { startGateway } from "protomcp/gateway";
import { ToolSchema } from "protomcp/gen/es/mcp/v1/tool_pb";
import { Tool } from "protomcp/gen/ts-proto/mcp/v1/tool";
import { McpServiceClient } from "protomcp/gen/ts-proto/mcp/v1/service";
import { Struct } from "protomcp/gen/ts-proto/google/protobuf/struct";
import { StreamableHttpClientTransport } from "protomcp/jsonrpc";
import { MetricsRegistry } from "protomcp/observe";
import { mcpRegistry } from "protomcp/schema";
import { createTestClient } from "protomcp/testing";
import { JsonRpcTranscoder } from "protomcp/transcode";
import { createMcpServer, type McpServer } from "protomcp";

export const everySubpath = {
  createAuthInterceptor,
  listen,
  buildProtos,
  messageSchema,
  startGateway,
  ToolSchema,
  Tool,
  McpServiceClient,
  Struct,
  StreamableHttpClientTransport,
  MetricsRegistry,
  mcpRegistry,
  createTestClient,
  JsonRpcTranscoder,
  createMcpServer,
};

/** The in-memory test client, typed by the service: a call's answer is a typed message. */
export async function toolNames(server: McpServer): Promise<string[]> {
  const { tools } = await createTestClient(server).listTools({});
  return tools.flatMap((tool) => tool.name ?? []);
}
