/**
 * The binary endpoint on its own: protomcp's binary server (`startBinaryServer`, Connect, gRPC and
 * gRPC-Web on one port) with an `McpService` that answers `tools/call` of `echo` and `tools/list`
 * as the raw node:http floor does, with no JSON-RPC hop behind it. It runs in its own process, as
 * the floor's server does, so the two compare. Prints `PORT <n>` on stdout once listening.
 */
import { fromBinary } from "@bufbuild/protobuf";
import type { ServiceImpl } from "@connectrpc/connect";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  type CallToolResult,
  CallToolResultSchema,
  ListToolsResultSchema,
} from "../../gen/es/mcp/v1/tools_pb.js";
import { startBinaryServer } from "../../src/binary/index.js";
import { jsonToBinary } from "../../src/transcode/index.js";
import { benchImage, benchTools } from "./echo-server.js";

const tools = fromBinary(
  ListToolsResultSchema,
  jsonToBinary("ListToolsResult", JSON.stringify({ tools: benchTools() }), { revision: "2025-11-25" }),
);

function result(json: object): CallToolResult {
  return fromBinary(
    CallToolResultSchema,
    jsonToBinary("CallToolResult", JSON.stringify(json), { revision: "2025-11-25" }),
  );
}

const impl: Partial<ServiceImpl<typeof McpService>> = {
  callTool(request) {
    const args = JSON.parse(request.arguments ?? "{}") as { message?: string; bytes?: number };
    if (request.name === "bench-image")
      return result({
        content: [{ type: "image", data: benchImage(Number(args.bytes)), mimeType: "image/png" }],
      });
    return result({ content: [{ type: "text", text: `Echo: ${String(args.message)}` }] });
  },
  listTools: () => tools,
};
const server = await startBinaryServer({ services: [{ service: McpService, impl }] });
process.stdout.write(`PORT ${server.port}\n`);
