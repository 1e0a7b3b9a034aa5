/**
 * protomcp's gateway in the round-trip suite: a Connect/gRPC client of `mcp.v1.McpService` -> the
 * gateway (in this process, so its memory counts) -> the bench SDK server as a stdio child. Compare
 * with `sdk-stdio`, the same server called directly.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Agent, request } from "node:http";
import type { Transport } from "@connectrpc/connect";
import { createClient } from "@connectrpc/connect";
import type { UniversalClientFn } from "@connectrpc/connect/protocol";
import { createTransport } from "@connectrpc/connect/protocol-connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { createDemoServer } from "../../examples/demo/server.js";
import { serveMcpFace } from "../../src/server/index.js";
import { startBenchGateway } from "../servers/bench-gateway.js";
import { rawBinaryTarget } from "./raw-binary-clients.js";
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
      const gateway = await startBenchGateway();
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
 * An HTTP/1.1 client for connect's protocol code that writes each request with one `end()` and
 * hands back the response body as one chunk: connect-node's client writes three times per call and
 * streams both bodies through async generators (issue 4: ~180 µs a call).
 */
function bufferedHttpClient(): UniversalClientFn {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return async (req) => {
    const chunks: Uint8Array[] = [];
    if (req.body !== undefined) for await (const chunk of req.body) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = { "content-length": String(body.length) };
    req.header.forEach((value, key) => {
      headers[key] = value;
    });
    return new Promise((resolve, reject) => {
      const outgoing = request(req.url, { method: req.method, agent, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (chunk: Buffer) => parts.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const header = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            if (typeof value === "string") header.set(key, value);
            else if (value !== undefined) for (const v of value) header.append(key, v);
          }
          const whole = Buffer.concat(parts);
          resolve({ status: res.statusCode ?? 0, header, trailer: new Headers(), body: oneChunk(whole) });
        });
      });
      outgoing.on("error", reject);
      req.signal?.addEventListener("abort", () => outgoing.destroy(), { once: true });
      outgoing.end(body);
    });
  };
}

async function* oneChunk(chunk: Uint8Array): AsyncIterable<Uint8Array> {
  yield chunk;
}

/** connect's own Connect protocol code over `bufferedHttpClient` (binary, no compression). */
export function leanConnectTransport(baseUrl: string): Transport {
  return createTransport({
    httpClient: bufferedHttpClient(),
    baseUrl,
    useBinaryFormat: true,
    interceptors: [],
    acceptCompression: [],
    sendCompression: null,
    compressMinBytes: 1024,
    readMaxBytes: 0xffffffff,
    writeMaxBytes: 0xffffffff,
  });
}

/**
 * The gateway in its own process (`bench/servers/gateway-server.ts`), as in production and as the
 * floor's server runs, behind bare clients of raw-http's shape.
 */
function rawGatewayTarget(name: string, description: string, protocol: "connect" | "grpc"): RoundTripTarget {
  return rawBinaryTarget(name, description, protocol, "./gateway-server.ts");
}

export const gatewayConnectRaw = rawGatewayTarget(
  "gateway-connect-raw",
  "node:http keep-alive client (Connect protocol, application/proto) -> protomcp gateway (own process) -> SDK server over stdio",
  "connect",
);

export const gatewayGrpcRaw = rawGatewayTarget(
  "gateway-grpc-raw",
  "node:http2 client (gRPC) -> protomcp gateway (own process) -> SDK server over stdio",
  "grpc",
);

export const gatewayConnectLean = gatewayTarget(
  "gateway-connect-lean",
  "connect's Connect protocol over a buffered node:http client (HTTP/1.1, binary) -> protomcp gateway -> SDK server over stdio",
  leanConnectTransport,
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
    const gateway = await startBenchGateway();
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
