/**
 * protomcp's binary endpoint alone, against the raw node:http floor: the server runs in its own
 * process (`bench/servers/binary-server.ts`) as the floor's does, answering echo and tools/list
 * with no JSON-RPC hop behind it. The gateway issue's "binary endpoint p50 ≤ 2× raw node:http"
 * reads these.
 */
import type { Transport } from "@connectrpc/connect";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { spawnServer } from "../servers/spawn.js";
import { leanConnectTransport } from "./protomcp-gateway.js";
import { rawBinaryTarget } from "./raw-binary-clients.js";
import type { RoundTripTarget } from "./types.js";

function binaryTarget(
  name: string,
  description: string,
  transport: (url: string) => Transport,
): RoundTripTarget {
  return {
    name,
    description,
    async start() {
      const server = await spawnServer("./binary-server.ts");
      const client = createClient(McpService, transport(`http://127.0.0.1:${server.port}`));
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
        close: () => server.close(),
      };
    },
  };
}

export const binaryGrpc = binaryTarget(
  "binary-grpc",
  "Connect-node gRPC client (h2c) -> protomcp binary server in a child process (no JSON-RPC hop)",
  (baseUrl) => createGrpcTransport({ baseUrl }),
);

export const binaryConnectH1 = binaryTarget(
  "binary-connect-h1",
  "Connect-node Connect client (HTTP/1.1, binary) -> protomcp binary server in a child process",
  (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "1.1" }),
);

export const binaryConnectLean = binaryTarget(
  "binary-connect-lean",
  "connect's Connect protocol over a buffered node:http client -> protomcp binary server in a child process",
  leanConnectTransport,
);

export const binaryConnectRaw = rawBinaryTarget(
  "binary-connect-raw",
  "node:http keep-alive client (Connect protocol, application/proto) -> protomcp binary server in a child process: raw-http's client shape",
  "connect",
  "./binary-server.ts",
);

export const binaryGrpcRaw = rawBinaryTarget(
  "binary-grpc-raw",
  "node:http2 client (gRPC, one stream per call) -> protomcp binary server in a child process",
  "grpc",
  "./binary-server.ts",
);
