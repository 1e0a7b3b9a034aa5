/**
 * A conformance-suite client (`conformance client --command ...` appends the scenario server's
 * URL): a gateway with that server as its Streamable HTTP upstream, driven over the binary face
 * (tools/list, then a tools/call of every listed tool). Exit 0 when every call answered.
 */
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { messageFromValue } from "../../src/server/codec.js";
import { typeNameOf, unaryMethods } from "../../src/server/methods.js";

const url = process.argv.at(-1) ?? "";
const gateway = await startGateway({
  upstreams: new Map([["scenario", { url }]]),
  logger: createLogger({ level: "error" }),
});
let code = 0;
try {
  const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
  const { tools } = await client.listTools({});
  const callTool = unaryMethods.get("tools/call")!;
  for (const tool of tools) {
    const input = messageFromValue(callTool.input, typeNameOf(callTool.input), {
      name: tool.name,
      arguments: {},
    });
    const result = await client.callTool(input as never);
    process.stdout.write(`${tool.name}: ${JSON.stringify(result.content?.[0] ?? null)}\n`);
  }
} catch (error) {
  process.stderr.write(`sse-retry client: ${error instanceof Error ? error.message : String(error)}\n`);
  code = 1;
} finally {
  await gateway.close();
}
process.exit(code);
