/**
 * The bench SDK server on Streamable HTTP, loopback, port 0. Prints
 * `PORT <n>` on stdout once listening. Stateful: one SDK server and transport
 * per session, found by the `mcp-session-id` header.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createEchoServer } from "./echo-server.js";

const sessions = new Map<string, StreamableHTTPServerTransport>();

const http = createServer(async (req, res) => {
  const id = req.headers["mcp-session-id"];
  let transport = typeof id === "string" ? sessions.get(id) : undefined;
  if (!transport) {
    const created = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => {
        sessions.set(sid, created);
      },
    });
    created.onclose = () => {
      if (created.sessionId) sessions.delete(created.sessionId);
    };
    await createEchoServer().connect(created);
    transport = created;
  }
  await transport.handleRequest(req, res);
});

http.keepAliveTimeout = 60_000;
http.listen(0, "127.0.0.1", () => {
  process.stdout.write(`PORT ${(http.address() as AddressInfo).port}\n`);
});
