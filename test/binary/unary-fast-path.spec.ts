import assert from "node:assert/strict";
import http from "node:http";
import { create } from "@bufbuild/protobuf";
import {
  Code,
  ConnectError,
  type HandlerContext,
  type Interceptor,
  type ServiceImpl,
  type Transport,
  createClient,
} from "@connectrpc/connect";
import {
  compressionGzip,
  connectNodeAdapter,
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type CallToolRequestParams, CallToolResultSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import { type BinaryServer, listen, startBinaryServer } from "../../src/binary/index.js";
import { createUnaryFastPath } from "../../src/binary/unary-fast-path.js";

/** A tool server whose one method tells what the call looked like from inside. */
function recordingImpl() {
  const seen: { protocol: string; header: string | null; aborted: unknown[] } = {
    protocol: "",
    header: null,
    aborted: [],
  };
  const impl: Partial<ServiceImpl<typeof McpService>> = {
    async callTool(req: CallToolRequestParams, ctx: HandlerContext) {
      seen.protocol = ctx.protocolName;
      seen.header = ctx.requestHeader.get("x-probe");
      ctx.signal.addEventListener("abort", () => seen.aborted.push(ctx.signal.reason));
      if (req.name === "fail") {
        throw new ConnectError("no such tool", Code.NotFound, { "x-error-meta": "kept" });
      }
      if (req.name === "hang") return new Promise<never>(() => {});
      ctx.responseHeader.set("x-answer", "header");
      ctx.responseTrailer.set("x-after", "trailer");
      return create(CallToolResultSchema, {
        isError: false,
        structuredContent: JSON.stringify({ name: req.name }),
      });
    },
  };
  return { seen, impl };
}

const clients: Record<string, (url: string) => Transport> = {
  "Connect, binary, HTTP/1.1": (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "1.1" }),
  "Connect, JSON, HTTP/1.1": (baseUrl) =>
    createConnectTransport({ baseUrl, httpVersion: "1.1", useBinaryFormat: false }),
  "Connect, binary, HTTP/2": (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "2" }),
  "gRPC, HTTP/2": (baseUrl) => createGrpcTransport({ baseUrl }),
  // gRPC-Web goes through connect-node's own glue: the same answers either way.
  "gRPC-Web, HTTP/1.1": (baseUrl) => createGrpcWebTransport({ baseUrl, httpVersion: "1.1" }),
};

for (const fastPath of [true, false]) {
  describe(`binary: unary calls ${fastPath ? "on the fast path" : "through connect-node (fastPath: false)"}`, () => {
    let server: BinaryServer;
    let recording: ReturnType<typeof recordingImpl>;
    const interceptorSaw: string[] = [];
    const tagging: Interceptor = (next) => async (req) => {
      interceptorSaw.push(req.method.name);
      const res = await next(req);
      res.header.set("x-intercepted", "yes");
      return res;
    };

    before(async () => {
      recording = recordingImpl();
      server = await startBinaryServer({
        services: [{ service: McpService, impl: recording.impl }],
        interceptors: [tagging],
        readMaxBytes: 64 * 1024,
        fastPath,
      });
    });
    after(() => server.close());

    for (const [name, transport] of Object.entries(clients)) {
      describe(name, () => {
        it("answers with the message, headers and trailers the handler and interceptors set", async () => {
          const client = createClient(McpService, transport(server.url));
          let header: Headers | undefined;
          let trailer: Headers | undefined;
          const before = interceptorSaw.length;
          const result = await client.callTool(
            { name: "probe" },
            { headers: { "x-probe": name }, onHeader: (h) => (header = h), onTrailer: (t) => (trailer = t) },
          );
          assert.equal(result.structuredContent, JSON.stringify({ name: "probe" }));
          assert.equal(result.isError, false);
          assert.equal(recording.seen.header, name);
          assert.deepEqual(interceptorSaw.slice(before), ["CallTool"]);
          assert.equal(header?.get("x-answer"), "header");
          assert.equal(header?.get("x-intercepted"), "yes");
          assert.equal(trailer?.get("x-after"), "trailer");
        });

        it("answers a handler's error with its code, message and metadata", async () => {
          const client = createClient(McpService, transport(server.url));
          const error = await client.callTool({ name: "fail" }).catch((e: unknown) => ConnectError.from(e));
          assert.ok(error instanceof ConnectError);
          assert.equal(error.code, Code.NotFound);
          assert.equal(error.rawMessage, "no such tool");
          assert.equal(error.metadata.get("x-error-meta"), "kept");
        });

        it("ends the handler's signal when the caller's deadline passes, and answers DeadlineExceeded", async () => {
          const client = createClient(McpService, transport(server.url));
          const aborted = recording.seen.aborted.length;
          const error = await client
            .callTool({ name: "hang" }, { timeoutMs: 150 })
            .catch((e: unknown) => ConnectError.from(e));
          assert.equal((error as ConnectError).code, Code.DeadlineExceeded);
          await waitFor(() => recording.seen.aborted.length > aborted);
        });

        it("ends the handler's signal when the caller cancels", async () => {
          const client = createClient(McpService, transport(server.url));
          const aborted = recording.seen.aborted.length;
          const cancel = new AbortController();
          const call = client.callTool({ name: "hang" }, { signal: cancel.signal }).catch((e: unknown) => e);
          await new Promise((resolve) => setTimeout(resolve, 100));
          cancel.abort();
          assert.equal(ConnectError.from(await call).code, Code.Canceled);
          await waitFor(() => recording.seen.aborted.length > aborted);
          assert.equal(ConnectError.from(recording.seen.aborted.at(-1)).code, Code.Canceled);
        });
      });
    }

    it("refuses a body past readMaxBytes with resource_exhausted", async () => {
      const client = createClient(
        McpService,
        createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }),
      );
      const error = await client
        .callTool({ name: "big", arguments: JSON.stringify("x".repeat(80 * 1024)) })
        .catch((e: unknown) => ConnectError.from(e));
      assert.equal((error as ConnectError).code, Code.ResourceExhausted);
    });

    it("answers in one write: the whole response arrives as one chunk over HTTP/1.1", async () => {
      const { port } = server;
      const body = Buffer.from(JSON.stringify({ name: "probe" }));
      const chunks = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port,
            path: "/mcp.v1.McpService/CallTool",
            method: "POST",
            headers: { "content-type": "application/json", "content-length": body.length },
          },
          (res) => {
            let n = 0;
            res.socket.on("data", () => n++);
            res.on("data", () => {});
            res.on("end", () => resolve(n));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
      assert.ok(chunks <= 1, `the response came in ${chunks} socket reads`);
    });
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > until) assert.fail("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("binary: which calls the fast path takes", () => {
  const claimed: string[] = [];
  const passed: string[] = [];
  let url = "";
  let close: () => Promise<void> = async () => {};

  before(async () => {
    const { impl } = recordingImpl();
    const fastPath = createUnaryFastPath({
      services: [{ service: McpService, impl }],
      interceptors: [],
      readMaxBytes: 1024 * 1024,
    });
    // connect-node answers whatever the fast path leaves, as the binary server does.
    const fallback = connectNodeAdapter({ routes: (router) => router.service(McpService, impl) });
    const listening = await listen((req, res) => {
      const what = `${req.method} ${req.headers["content-type"] ?? "-"} ${req.url ?? ""}`;
      if (fastPath(req, res)) claimed.push(what);
      else {
        passed.push(what);
        fallback(req, res as never);
      }
    });
    url = listening.url;
    close = () => listening.close();
  });
  after(() => close());

  it("takes unary Connect (binary and JSON) and gRPC calls", async () => {
    for (const name of [
      "Connect, binary, HTTP/1.1",
      "Connect, JSON, HTTP/1.1",
      "Connect, binary, HTTP/2",
      "gRPC, HTTP/2",
    ]) {
      claimed.length = 0;
      await createClient(McpService, clients[name]!(url)).callTool({ name: "probe" });
      assert.equal(claimed.length, 1, name);
    }
  });

  it("leaves gRPC-Web, compressed bodies and streaming methods to connect-node", async () => {
    passed.length = 0;
    claimed.length = 0;
    await createClient(McpService, clients["gRPC-Web, HTTP/1.1"]!(url)).callTool({ name: "probe" });
    const gzip = createConnectTransport({
      baseUrl: url,
      httpVersion: "1.1",
      sendCompression: compressionGzip,
      compressMinBytes: 0,
    });
    await createClient(McpService, gzip).callTool({ name: "probe" });
    const stream = createClient(McpService, createGrpcTransport({ baseUrl: url })).call({});
    await assert.rejects(async () => {
      for await (const _ of stream) break;
    });
    assert.deepEqual(claimed, []);
    assert.deepEqual(
      passed.map((p) => p.split(" ").slice(0, 2).join(" ")),
      ["POST application/grpc-web+proto", "POST application/proto", "POST application/grpc+proto"],
    );
  });
});
