/**
 * Binary clients as bare as the raw-http floor's: one `node:http` keep-alive request (Connect
 * protocol, `application/proto`) or one `node:http2` stream (gRPC) per call, messages made and
 * read by protobuf-es. With the same kind of client on both sides of the comparison, what
 * `binary-*-raw` adds over `raw-http` is the binary endpoint's server, not a client library.
 */
import http, { Agent } from "node:http";
import http2 from "node:http2";
import { create, type DescMessage, fromBinary, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { spawnServer } from "../servers/spawn.js";
import type { RoundTripSession, RoundTripTarget } from "./types.js";

type Unary = (typeof McpService.method)["callTool" | "listTools"];

/** Sends one request's bytes to `path` and resolves with the response's message bytes. */
type Send = (path: string, body: Uint8Array) => Promise<Buffer>;

function connectSend(baseUrl: string): { send: Send; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const send: Send = (path, body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        `${baseUrl}${path}`,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/proto", "content-length": body.byteLength },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const whole = Buffer.concat(chunks);
            if (res.statusCode === 200) resolve(whole);
            else reject(new Error(`HTTP ${res.statusCode}: ${whole.toString("utf8")}`));
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

function grpcSend(baseUrl: string): { send: Send; close(): void } {
  const session = http2.connect(baseUrl);
  const send: Send = (path, body) =>
    new Promise((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": path,
        "content-type": "application/grpc+proto",
        te: "trailers",
      });
      const chunks: Buffer[] = [];
      let status: string | undefined;
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("trailers", (trailers) => {
        status = String(trailers["grpc-status"]);
      });
      stream.on("error", reject);
      stream.on("end", () => {
        const whole = Buffer.concat(chunks);
        if (status === "0" && whole.length >= 5) resolve(whole.subarray(5));
        else reject(new Error(`grpc-status ${status}`));
      });
      const frame = Buffer.allocUnsafe(5 + body.byteLength);
      frame[0] = 0;
      frame.writeUInt32BE(body.byteLength, 1);
      frame.set(body, 5);
      stream.end(frame);
    });
  return { send, close: () => session.close() };
}

async function unary<M extends Unary>(
  send: Send,
  method: M,
  input: MessageInitShape<M["input"] & DescMessage>,
): Promise<void> {
  const body = toBinary(method.input, create(method.input, input as never));
  fromBinary(method.output, await send(`/${McpService.typeName}/${method.name}`, body));
}

/** A session over `baseUrl` with the bare Connect (`"connect"`) or gRPC (`"grpc"`) client. */
export function rawBinarySession(
  baseUrl: string,
  protocol: "connect" | "grpc",
  close: () => Promise<void>,
): RoundTripSession {
  const client = protocol === "connect" ? connectSend(baseUrl) : grpcSend(baseUrl);
  const call = (name: string, args: object) =>
    unary(client.send, McpService.method.callTool, { name, arguments: JSON.stringify(args) });
  return {
    callEcho: (message) => call("echo", { message }),
    listTools: () => unary(client.send, McpService.method.listTools, {}),
    callImage: (bytes) => call("bench-image", { bytes }),
    async close() {
      client.close();
      await close();
    },
  };
}

/**
 * A target whose server is `script` (in `bench/servers/`, printing `PORT <n>`) in its own process,
 * as the floor's server runs, called through {@link rawBinarySession}.
 */
export function rawBinaryTarget(
  name: string,
  description: string,
  protocol: "connect" | "grpc",
  script: string,
): RoundTripTarget {
  return {
    name,
    description,
    async start() {
      const server = await spawnServer(script);
      return rawBinarySession(`http://127.0.0.1:${server.port}`, protocol, () => server.close());
    },
  };
}
