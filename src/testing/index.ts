/**
 * Testing typed servers without a port: a typed `mcp.v1.McpService` client wired to a server in the
 * same process, and linked in-memory JSON-RPC transports.
 *
 * @module
 */
import { type Client, createClient, createRouterTransport, type Interceptor } from "@connectrpc/connect";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import type { McpServer } from "../server/index.js";

export { createInMemoryPair } from "../jsonrpc/index.js";

/** Options for {@link createTestClient}. */
export interface TestClientOptions {
  /** Interceptors on the client's side, e.g. one that sets `authorization` on every call. */
  interceptors?: Interceptor[];
}

/**
 * A client of `server`'s `mcp.v1.McpService` that calls it in memory: the same handlers, codecs
 * and errors as over gRPC, with no port and no network.
 *
 * ```ts
 * const client = createTestClient(server);
 * const result = await client.callTool({ name: "add", arguments: '{"a":1,"b":2}' });
 * ```
 */
export function createTestClient(
  server: McpServer,
  options: TestClientOptions = {},
): Client<typeof McpService> {
  const transport = createRouterTransport(server.routes(), {
    transport: { interceptors: options.interceptors ?? [] },
  });
  return createClient(McpService, transport);
}
