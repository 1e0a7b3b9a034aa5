// A Connect client of `protomcp gateway` (URL in argv), with the stubs protomcp ships: calls the
// upstream's `echo` tool and prints what came back, converted to MCP's JSON by protomcp/transcode.
import { toBinary } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { CallToolResultSchema } from "protomcp/gen/es/mcp/v1/tools_pb";
import { McpService } from "protomcp/gen/es/mcp/v1/service_pb";
import { binaryToJson } from "protomcp/transcode";

const [baseUrl] = process.argv.slice(2);
if (baseUrl === undefined) throw new Error("usage: gateway-client <gateway URL>");
const client = createClient(McpService, createConnectTransport({ baseUrl, httpVersion: "1.1" }));
const result = await client.callTool({
  name: "echo",
  arguments: JSON.stringify({ message: "from the app" }),
});
process.stdout.write(
  `${binaryToJson("CallToolResult", toBinary(CallToolResultSchema, result), { revision: "2025-11-25" })}\n`,
);
