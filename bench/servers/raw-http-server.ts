/**
 * The floor: a bare `node:http` JSON-RPC responder on loopback, port 0. It
 * parses each request body and answers `tools/call` with the echo text and
 * `tools/list` with the same tool list as the SDK servers (and `bench-image`), doing only the JSON
 * work any server must do. Prints `PORT <n>` on stdout once listening.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { benchImage, benchTools } from "./echo-server.js";

const tools = benchTools();

const http = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const msg = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      id: number;
      method: string;
      params?: { name?: string; arguments?: { message?: string; bytes?: number } };
    };
    const args = msg.params?.arguments;
    const result =
      msg.method === "tools/list"
        ? { tools }
        : msg.params?.name === "bench-image"
          ? { content: [{ type: "image", data: benchImage(Number(args?.bytes)), mimeType: "image/png" }] }
          : { content: [{ type: "text", text: `Echo: ${String(args?.message)}` }] };
    const body = JSON.stringify({ jsonrpc: "2.0", id: msg.id, result });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});

http.keepAliveTimeout = 60_000;
http.listen(0, "127.0.0.1", () => {
  process.stdout.write(`PORT ${(http.address() as AddressInfo).port}\n`);
});
