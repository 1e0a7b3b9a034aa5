/**
 * protomcp's gateway in the round-trip suite: a Connect/gRPC client of `mcp.v1.McpService` -> the
 * gateway (in this process, so its memory counts) -> the bench SDK server as a stdio child. Compare
 * with `sdk-stdio`, the same server called directly.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@connectrpc/connect";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { createDemoServer } from "../../examples/demo/server.js";
import { serveMcpFace } from "../../src/server/index.js";
import { repoRoot, tsxArgs } from "../servers/spawn.js";
import { sdkSession } from "./sdk-session.js";
import type { RoundTripTarget } from "./types.js";

function gatewayTarget(
  name: string,
  description: string,
  transport: (url: string) => Transport,
): RoundTripTarget {
  return {
    name,
    description,
    async start() {
      const gateway = await startGateway({
        upstreams: new Map([
          ["bench", { command: process.execPath, args: tsxArgs("./stdio-server.ts"), cwd: repoRoot }],
        ]),
        logger: createLogger({ level: "error" }),
      });
      const client = createClient(McpService, transport(gateway.url));
      return {
        async callEcho(message) {
          await client.callTool({ name: "echo", arguments: JSON.stringify({ message }) });
        },
        async listTools() {
          await client.listTools({});
        },
        async callImage(bytes) {
          await client.callTool({ name: "bench-image", arguments: JSON.stringify({ bytes }) });
        },
        close: () => gateway.close(),
      };
    },
  };
}

export const gatewayGrpc = gatewayTarget(
  "gateway-grpc",
  "Connect-node gRPC client (h2c) -> protomcp gateway -> SDK server over stdio",
  (baseUrl) => createGrpcTransport({ baseUrl }),
);

export const gatewayConnectH1 = gatewayTarget(
  "gateway-connect-h1",
  "Connect-node Connect client (HTTP/1.1, binary) -> protomcp gateway -> SDK server over stdio",
  (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "1.1" }),
);

export const gatewayConnectH2 = gatewayTarget(
  "gateway-connect-h2",
  "Connect-node Connect client (h2c, binary) -> protomcp gateway -> SDK server over stdio",
  (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "2" }),
);

/**
 * Both bridges, as ARCHITECTURE.md's "How a call flows" runs them: the official SDK client ->
 * protomcp's MCP face (Streamable HTTP) -> binary -> the gateway -> the bench SDK server on stdio.
 */
export const doubleBridge: RoundTripTarget = {
  name: "double-bridge",
  description:
    "SDK Client -> protomcp MCP face (Streamable HTTP) -> gRPC -> protomcp gateway -> SDK server over stdio",
  async start() {
    const gateway = await startGateway({
      upstreams: new Map([
        ["bench", { command: process.execPath, args: tsxArgs("./stdio-server.ts"), cwd: repoRoot }],
      ]),
      logger: createLogger({ level: "error" }),
    });
    const face = await serveMcpFace({ upstream: gateway.url, listen: { host: "127.0.0.1", port: 0 } });
    const client = new Client({ name: "protomcp-bench", version: "0.1.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(face.url!)));
    return sdkSession(client, async () => {
      await face.close();
      await gateway.close();
    });
  },
};

/** The protobuf-native path: a gRPC client -> a server written with protomcp's typed API (no JSON-RPC). */
export const binaryTyped: RoundTripTarget = {
  name: "binary-typed",
  description: "Connect-node gRPC client (h2c) -> protomcp typed server (the demo's echo), no JSON-RPC hop",
  async start() {
    const server = await createDemoServer().listen({ host: "127.0.0.1", port: 0 });
    const client = createClient(McpService, createGrpcTransport({ baseUrl: server.url }));
    return {
      async callEcho(message) {
        await client.callTool({ name: "echo", arguments: JSON.stringify({ text: message }) });
      },
      async listTools() {
        await client.listTools({});
      },
      close: () => server.close(),
    };
  },
};
