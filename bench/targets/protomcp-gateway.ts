/**
 * protomcp's gateway in the round-trip suite: a Connect/gRPC client of `mcp.v1.McpService` -> the
 * gateway (in this process, so its memory counts) -> the bench SDK server as a stdio child. Compare
 * with `sdk-stdio`, the same server called directly.
 */
import type { Transport } from "@connectrpc/connect";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { repoRoot, tsxArgs } from "../servers/spawn.js";
import type { RoundTripTarget } from "./types.js";

function gatewayTarget(name: string, description: string, transport: (url: string) => Transport): RoundTripTarget {
  return {
    name,
    description,
    async start() {
      const gateway = await startGateway({
        upstreams: new Map([["bench", { command: process.execPath, args: tsxArgs("./stdio-server.ts"), cwd: repoRoot }]]),
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
