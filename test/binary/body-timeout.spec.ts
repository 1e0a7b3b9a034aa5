/**
 * Issue 20: a request body that is announced but never sent, or that stalls, ends with a timeout
 * and a clear code on every HTTP face instead of holding the request open: the binary endpoint
 * (Connect and gRPC on the fast path, gRPC-Web through connect-node) answers deadline_exceeded, a
 * Content-Length above the limit resource_exhausted at once, and the MCP face's Streamable HTTP
 * 408 with JSON-RPC -32600.
 */
import assert from "node:assert/strict";
import http from "node:http";
import http2 from "node:http2";
import { createClient } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type BinaryServer, startBinaryServer } from "../../src/binary/index.js";
import { DEFAULT_BODY_TIMEOUT_MS } from "../../src/binary/unary-fast-path.js";
import { DEFAULT_BODY_TIMEOUT_MS as HTTP_DEFAULT_BODY_TIMEOUT_MS } from "../../src/jsonrpc/request-body.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

const TIMEOUT_MS = 300;
const PATH = "/mcp.v1.McpService/ListTools";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** An HTTP/1.1 POST that sends its headers and `sent` of the body, then nothing more. */
function stalledPost(url: string, headers: Record<string, string>, sent = ""): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - started });
        req.destroy();
      });
    });
    req.on("error", reject);
    req.flushHeaders();
    if (sent !== "") req.write(sent);
  });
}

/** A gRPC request over HTTP/2 that sends `sent` and never ends its body. */
function stalledGrpc(
  url: string,
  contentType: string,
  sent: Buffer,
): Promise<{ status: string; ms: number }> {
  const started = Date.now();
  const session = http2.connect(url);
  session.on("error", () => {});
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ":method": "POST",
      ":path": PATH,
      "content-type": contentType,
      te: "trailers",
    });
    let status: string | undefined;
    const take = (headers: http2.IncomingHttpHeaders): void => {
      const value = headers["grpc-status"];
      if (value !== undefined) status = String(value);
    };
    stream.on("response", take);
    stream.on("trailers", take);
    stream.on("error", reject);
    stream.resume();
    stream.on("close", () => {
      session.close();
      resolve({ status: status ?? "none", ms: Date.now() - started });
    });
    stream.write(sent);
  });
}

describe("binary: request bodies that never come end with a timeout (issue 20)", function () {
  this.timeout(20_000);
  let server: BinaryServer;

  before(async () => {
    server = await startBinaryServer({
      services: [{ service: McpService, impl: { listTools: async () => ({}) } as never }],
      bodyTimeoutMs: TIMEOUT_MS,
    });
  });
  after(async () => {
    await server?.close();
  });

  it("defaults to 5 s on the binary endpoint and the MCP face", () => {
    assert.equal(DEFAULT_BODY_TIMEOUT_MS, 5000);
    assert.equal(HTTP_DEFAULT_BODY_TIMEOUT_MS, 5000);
  });

  it("refuses a Connect request announcing Content-Length 67108864 at once (resource_exhausted)", async () => {
    const answer = await stalledPost(`${server.url}${PATH}`, {
      "content-type": "application/proto",
      "content-length": "67108864",
    });
    assert.equal(JSON.parse(answer.body).code, "resource_exhausted", answer.body);
    assert.match(answer.body, /larger than configured readMaxBytes 16777216/);
    assert.ok(answer.ms < TIMEOUT_MS, `answered after ${answer.ms} ms`);
    assert.equal(answer.headers.connection, "close");
  });

  it("fails a Connect request whose body never comes, or stalls, with deadline_exceeded", async () => {
    for (const [type, sent] of [
      ["application/proto", ""],
      ["application/json", "{"],
    ] as const) {
      const answer = await stalledPost(
        `${server.url}${PATH}`,
        { "content-type": type, "content-length": "100" },
        sent,
      );
      const error = JSON.parse(answer.body) as { code: string; message: string };
      assert.equal(error.code, "deadline_exceeded", answer.body);
      assert.match(error.message, /request body incomplete: no byte arrived for 300 ms/);
      assert.ok(
        answer.ms >= TIMEOUT_MS - 20 && answer.ms < TIMEOUT_MS + 2000,
        `answered after ${answer.ms} ms`,
      );
    }
  });

  it("fails a gRPC request whose body stalls with DEADLINE_EXCEEDED (4)", async () => {
    const answer = await stalledGrpc(server.url, "application/grpc", Buffer.from([0, 0, 0, 0, 10, 1]));
    assert.equal(answer.status, "4");
    assert.ok(answer.ms < TIMEOUT_MS + 2000, `answered after ${answer.ms} ms`);
  });

  it("fails a gRPC-Web request (connect-node's path) whose body never comes with DEADLINE_EXCEEDED (4)", async () => {
    const answer = await stalledPost(`${server.url}${PATH}`, {
      "content-type": "application/grpc-web+proto",
      "content-length": "100",
    });
    assert.equal(answer.headers["grpc-status"], "4", JSON.stringify(answer.headers));
    assert.match(decodeURIComponent(String(answer.headers["grpc-message"])), /no byte arrived for 300 ms/);
  });

  it("still serves ordinary calls on every protocol", async () => {
    for (const transport of [
      createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }),
      createGrpcWebTransport({ baseUrl: server.url, httpVersion: "1.1" }),
      createGrpcTransport({ baseUrl: server.url }),
    ]) {
      assert.deepEqual((await createClient(McpService, transport).listTools({})).tools, []);
    }
  });
});

describe("MCP face: a Streamable HTTP body that never comes is answered 408 (issue 20)", function () {
  this.timeout(20_000);
  let face: McpFace;

  before(async () => {
    face = await serveMcpFace({
      upstream: "http://127.0.0.1:9",
      listen: { host: "127.0.0.1", port: 0 },
      bodyTimeoutMs: TIMEOUT_MS,
    });
  });
  after(async () => {
    await face?.close();
  });

  it("answers 408 with JSON-RPC -32600 naming the timeout, and closes the connection", async () => {
    for (const sent of ["", '{"jsonrpc":']) {
      const answer = await stalledPost(
        face.url!,
        {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "content-length": "1000",
        },
        sent,
      );
      assert.equal(answer.status, 408, answer.body);
      const error = (JSON.parse(answer.body) as { error: { code: number; message: string } }).error;
      assert.equal(error.code, -32600);
      assert.match(error.message, /no request body byte arrived for 300 ms/);
      assert.equal(answer.headers.connection, "close");
      assert.ok(answer.ms < TIMEOUT_MS + 2000, `answered after ${answer.ms} ms`);
    }
  });
});
