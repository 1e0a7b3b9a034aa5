import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createEchoServer } from "../servers/echo-server.js";
import { repoRoot, spawnServer, tsxArgs } from "../servers/spawn.js";
import { sdkSession } from "./sdk-session.js";
import type { RoundTripTarget } from "./types.js";

function newClient(): Client {
  return new Client({ name: "protomcp-bench", version: "0.1.0" });
}

/** Official SDK client and server in one process, linked by `InMemoryTransport`. */
export const sdkInMemory: RoundTripTarget = {
  name: "sdk-in-memory",
  description: "SDK Client <-> SDK Server, InMemoryTransport, same process (no serialization)",
  async start() {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = createEchoServer();
    await server.connect(serverSide);
    const client = newClient();
    await client.connect(clientSide);
    return sdkSession(client, () => server.close());
  },
};

/** Official SDK client spawning the bench SDK server as a child on stdio. */
export const sdkStdio: RoundTripTarget = {
  name: "sdk-stdio",
  description: "SDK Client -> child process SDK Server over stdio (newline-delimited JSON)",
  async start() {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: tsxArgs("./stdio-server.ts"),
      cwd: repoRoot,
      stderr: "inherit",
    });
    const client = newClient();
    await client.connect(transport);
    return sdkSession(client, async () => {});
  },
};

/** Official SDK client over Streamable HTTP to the bench SDK server on loopback. */
export const sdkHttp: RoundTripTarget = {
  name: "sdk-http",
  description: "SDK Client -> child process SDK Server over Streamable HTTP (loopback, SSE responses)",
  async start() {
    const server = await spawnServer("./sdk-http-server.ts");
    const client = newClient();
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${server.port}/mcp`)));
    return sdkSession(client, () => server.close());
  },
};
