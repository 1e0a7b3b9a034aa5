/**
 * `npm start`: the demo server's binary endpoint on one port and its MCP Streamable HTTP face on
 * another, until SIGINT or SIGTERM. Set PORT / MCP_PORT to choose the ports (default: any free).
 */
import { serveMcpFace } from "../../src/server/index.js";
import { createDemoServer } from "./server.js";

const binary = await createDemoServer().listen({ port: Number(process.env.PORT ?? 0) });
const face = await serveMcpFace({
  upstream: binary.url,
  listen: { port: Number(process.env.MCP_PORT ?? 0) },
});

const snippet = JSON.stringify({ mcpServers: { "protomcp-demo": { type: "http", url: face.url } } }, null, 2);
process.stderr.write(
  [
    `protomcp demo: binary mcp.v1 endpoint (gRPC, Connect, gRPC-Web; h2c and HTTP/1.1; gRPC reflection) at ${binary.url}`,
    "  try:",
    `  npx buf curl --http2-prior-knowledge --protocol grpc ${binary.url}/mcp.v1.McpService/ListTools`,
    `  npx buf curl --http2-prior-knowledge --protocol grpc -d '{"name":"add","arguments":"{\\"a\\":1,\\"b\\":2}"}' ${binary.url}/mcp.v1.McpService/CallTool`,
    "",
    `protomcp demo: MCP Streamable HTTP at ${face.url}; for an MCP client:`,
    snippet,
    "",
    "Ctrl-C stops.",
    "",
  ].join("\n"),
);

await new Promise<void>((resolve) => {
  process.once("SIGINT", resolve);
  process.once("SIGTERM", resolve);
});
await face.close();
await binary.close();
process.stderr.write("protomcp demo: stopped\n");
