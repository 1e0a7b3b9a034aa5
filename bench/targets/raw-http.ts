import { Agent, request } from "node:http";
import { spawnServer } from "../servers/spawn.js";
import type { RoundTripTarget } from "./types.js";

/**
 * The floor: JSON-RPC over bare `node:http` with keep-alive, no SDK on either
 * side. Whatever a real stack adds is measured against this.
 */
export const rawHttp: RoundTripTarget = {
  name: "raw-http",
  description: "node:http keep-alive client -> child process node:http JSON-RPC responder (the floor)",
  async start() {
    const server = await spawnServer("./raw-http-server.ts");
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    let nextId = 1;
    const post = (method: string, params?: unknown) =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, ...(params ? { params } : {}) });
        const req = request(
          {
            host: "127.0.0.1",
            port: server.port,
            path: "/mcp",
            method: "POST",
            agent,
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              try {
                JSON.parse(Buffer.concat(chunks).toString("utf8"));
                resolve();
              } catch (error) {
                reject(error);
              }
            });
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    return {
      callEcho: (message) => post("tools/call", { name: "echo", arguments: { message } }),
      listTools: () => post("tools/list"),
      callImage: (bytes) => post("tools/call", { name: "bench-image", arguments: { bytes } }),
      async close() {
        agent.destroy();
        await server.close();
      },
    };
  },
};
