/**
 * Fuzzing both faces' framing with fast-check: random bytes, byte-level mutations of valid
 * messages and structurally odd JSON-RPC into the MCP face's Streamable HTTP, and random or mutated
 * gRPC envelopes, Connect bodies and protobuf into the gateway's binary face. Every input must get
 * a clear answer (an HTTP status below 500 with a JSON-RPC error or response, a gRPC status, a
 * Connect error code) within a few seconds; afterwards both faces still serve. Bounded in time;
 * `FUZZ_RUNS` raises the number of runs; `FUZZ_SEED` and `FUZZ_PATH` replay a reported failure. A case fast-check finds becomes a regression test in
 * bad-input.spec.ts.
 */
import assert from "node:assert/strict";
import http2 from "node:http2";
import { fileURLToPath } from "node:url";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import fc from "fast-check";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { SubscriptionsListenRequestParamsSchema } from "../../gen/es/mcp/v1/subscriptions_pb.js";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

const fixture = fileURLToPath(new URL("./fixtures/faulty-server.mjs", import.meta.url));
const STATELESS = "2026-07-28";
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Wall-clock budget per property: fast-check stops early (and passes) when it runs out. */
const BUDGET_MS = 6_000;
const ANSWER_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer to ${what} in ${ANSWER_MS} ms`)), ANSWER_MS).unref(),
    ),
  ]);
}

/** Flips, drops, inserts or truncates bytes of `base`, as fast-check chooses. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("drop" as const), at: fc.nat(), byte: fc.constant(0) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(), byte: fc.constant(0) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = [...base];
    for (const { kind, at, byte } of edits) {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (kind === "flip") bytes[i] = byte;
      else if (kind === "drop") bytes.splice(i, 1);
      else if (kind === "insert") bytes.splice(i, 0, byte);
      else bytes = bytes.slice(0, i);
    }
    return Uint8Array.from(bytes);
  });
}

/** Whether `body` is one uncompressed gRPC envelope holding a SubscriptionsListen request. */
function isListenRequest(body: Uint8Array): boolean {
  const bytes = Buffer.from(body);
  if (bytes.length < 5 || bytes[0] !== 0 || bytes.readUInt32BE(1) !== bytes.length - 5) return false;
  try {
    fromBinary(SubscriptionsListenRequestParamsSchema, bytes.subarray(5));
    return true;
  } catch {
    return false;
  }
}

/** A gRPC envelope: flag byte, big-endian length (which may lie), payload. */
function envelope(flags: number, payload: Uint8Array, length = payload.length): Uint8Array {
  const head = Buffer.alloc(5);
  head.writeUInt8(flags, 0);
  head.writeUInt32BE(length >>> 0, 1);
  return Buffer.concat([head, payload]);
}

describe("hardening: fuzzing both faces' framing", function () {
  this.timeout(120_000);
  let gateway: Gateway;
  let face: McpFace;
  let session: http2.ClientHttp2Session;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["faulty", { command: process.execPath, args: [fixture] }]]),
      logger: createLogger({ level: "error" }),
    });
    face = await serveMcpFace({ upstream: gateway.url, listen: { port: 0 } });
    session = http2.connect(gateway.url);
    session.on("error", () => {});
  });
  after(async () => {
    session?.close();
    await face?.close();
    await gateway?.close();
  });

  /** POSTs `body` to the MCP face; asserts a clear answer. */
  async function mcpPost(body: Uint8Array, method: string): Promise<void> {
    const res = await fetch(face.url!, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": STATELESS,
        "mcp-method": method,
      },
      body,
    });
    const text = await res.text();
    assert.ok(res.status < 500, `HTTP ${res.status}: ${text.slice(0, 200)}`);
    if (res.status === 202) return;
    // A JSON-RPC response or error, as JSON or as the data of an SSE event.
    const json = res.headers.get("content-type")?.startsWith("text/event-stream")
      ? /^data: (.*)$/m.exec(text)?.[1]
      : text;
    const message = JSON.parse(json ?? "") as {
      jsonrpc?: string;
      result?: unknown;
      error?: { code?: unknown };
    };
    assert.equal(message.jsonrpc, "2.0", text.slice(0, 200));
    assert.ok(
      message.result !== undefined || Number.isInteger(message.error?.code),
      `neither a result nor an error with a code: ${text.slice(0, 200)}`,
    );
    if (res.status >= 400) assert.ok(message.error !== undefined, text.slice(0, 200));
  }

  /**
   * A gRPC call with a raw body; resolves to its grpc-status (from headers or trailers). With
   * `openMs`, a call still open that long (a subscription, which runs until the caller hangs up)
   * is cancelled and resolves to "open".
   */
  function grpcPost(path: string, body: Uint8Array, openMs?: number): Promise<number | "open"> {
    return new Promise((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": path,
        "content-type": "application/grpc",
        te: "trailers",
      });
      let code: number | undefined;
      const take = (h: http2.IncomingHttpHeaders) => {
        if (h["grpc-status"] !== undefined) code = Number(h["grpc-status"]);
      };
      stream.on("response", take);
      stream.on("trailers", take);
      stream.on("data", () => {});
      const open =
        openMs === undefined
          ? undefined
          : setTimeout(() => {
              stream.close(http2.constants.NGHTTP2_CANCEL);
              resolve("open");
            }, openMs);
      stream.on("close", () => clearTimeout(open));
      stream.on("end", () => (code === undefined ? reject(new Error("no grpc-status")) : resolve(code)));
      stream.on("error", reject);
      stream.end(body);
    });
  }

  /**
   * A Connect unary call over HTTP/1.1. A clear answer: 200, a Connect error (JSON with a code), or
   * a plain HTTP 4xx (415 for a unary content type on a streaming method, 404 for no such method)
   * or 505.
   */
  async function connectPost(path: string, contentType: string, body: Uint8Array): Promise<void> {
    const res = await fetch(`${gateway.url}${path}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    const text = await res.text();
    if (res.status === 200) return;
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown }).code;
    } catch {
      // 505: connect-node's answer to a bidi stream (Exchange) over HTTP/1.1, which cannot carry one.
      assert.ok(
        (res.status >= 400 && res.status < 500) || res.status === 505,
        `HTTP ${res.status}: ${text.slice(0, 200)}`,
      );
      return;
    }
    assert.equal(
      typeof code,
      "string",
      `HTTP ${res.status} without a Connect error code: ${text.slice(0, 200)}`,
    );
  }

  const validCall = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: {
      name: "echo",
      arguments: { message: "x" },
      _meta: { "io.modelcontextprotocol/protocolVersion": STATELESS },
    },
  });
  const validList = JSON.stringify({
    jsonrpc: "2.0",
    id: "a",
    method: "tools/list",
    params: { _meta: { "io.modelcontextprotocol/protocolVersion": STATELESS } },
  });
  const bytes = (s: string) => new TextEncoder().encode(s);
  const tried = { mcp: 0, grpc: 0, connect: 0 };
  // `FUZZ_SEED` (and `FUZZ_PATH`) replay a failure fast-check reported.
  const seed = process.env.FUZZ_SEED;
  const replay = seed ? { seed: Number(seed), path: process.env.FUZZ_PATH ?? "0" } : {};
  const options = {
    numRuns: RUNS,
    interruptAfterTimeLimit: BUDGET_MS,
    markInterruptAsFailure: false,
    ...replay,
  };

  it("MCP face: random bytes, mutated messages and odd JSON-RPC get clear answers", async () => {
    const input = fc.oneof(
      fc.record({ body: fc.uint8Array({ maxLength: 512 }), method: fc.constant("tools/call") }),
      fc.record({ body: mutated(bytes(validCall)), method: fc.constant("tools/call") }),
      fc.record({ body: mutated(bytes(validList)), method: fc.constant("tools/list") }),
      // Lone surrogates, reversed pairs, invalid UTF-8 and deep nesting in the echoed argument.
      fc.record({
        body: fc
          .constantFrom(
            '"\\ud800"',
            '"\\udc00\\ud800"',
            '"\\udfff"',
            `${"[".repeat(300)}${"]".repeat(300)}`,
            '"\xff"',
          )
          .map((value) => {
            const text = validCall.replace('{"message":"x"}', `{"message":${value}}`);
            return value === '"\xff"'
              ? Buffer.from(text.replace('"\xff"', '"__"')).fill(
                  0xff,
                  text.indexOf('"__"') + 1,
                  text.indexOf('"__"') + 3,
                )
              : bytes(text);
          }),
        method: fc.constant("tools/call"),
      }),
      fc
        .record({
          id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.jsonValue()),
          method: fc.constantFrom("tools/call", "tools/list", "resources/read", "prompts/get", "ping", "x/y"),
          params: fc.jsonValue(),
          name: fc.oneof(fc.string(), fc.jsonValue()),
        })
        .map(({ id, method, params, name }) => ({
          method,
          body: bytes(
            JSON.stringify({
              jsonrpc: "2.0",
              id,
              method,
              params:
                params !== null && typeof params === "object" && !Array.isArray(params)
                  ? { ...params, name, _meta: { "io.modelcontextprotocol/protocolVersion": STATELESS } }
                  : params,
            }),
          ),
        })),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ body, method }) => {
        tried.mcp++;
        await withTimeout(mcpPost(body, method), "an MCP POST");
        // The next good call still answers.
        await withTimeout(mcpPost(bytes(validCall), "tools/call"), "a good MCP POST after it");
      }),
      options,
    );
  });

  it("binary face: random and mutated gRPC envelopes and Connect bodies get clear answers", async () => {
    const valid = toBinary(
      CallToolRequestParamsSchema,
      create(CallToolRequestParamsSchema, { name: "echo", arguments: '{"message":"x"}' }),
    );
    const paths = fc.constantFrom(
      ...McpService.methods.map((m) => `/mcp.v1.McpService/${m.name}`),
      "/mcp.v1.McpService/Nope",
      "/grpc.health.v1.Health/Check",
    );
    const grpc = fc.oneof(
      fc.record({ path: paths, body: fc.uint8Array({ maxLength: 256 }) }),
      fc.record({
        path: paths,
        body: fc
          .tuple(
            fc.integer({ min: 0, max: 3 }),
            fc.oneof(fc.uint8Array({ maxLength: 256 }), mutated(valid)),
            fc.option(fc.nat(1 << 20)),
          )
          .map(([flags, payload, length]) => envelope(flags, payload, length ?? payload.length)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(grpc, async ({ path, body }) => {
        tried.grpc++;
        // A well-formed SubscriptionsListen is answered by a stream that stays open: no status.
        const subscribes = path === "/mcp.v1.McpService/SubscriptionsListen" && isListenRequest(body);
        const code = await withTimeout(grpcPost(path, body, subscribes ? 500 : undefined), `gRPC ${path}`);
        if (code === "open") return;
        assert.ok(Number.isInteger(code) && code >= 0 && code <= 16, `grpc-status ${code}`);
      }),
      options,
    );
    const connect = fc.record({
      path: paths,
      contentType: fc.constantFrom("application/proto", "application/json"),
      body: fc.oneof(
        fc.uint8Array({ maxLength: 256 }),
        mutated(valid),
        mutated(bytes('{"name":"echo","arguments":"{}"}')),
      ),
    });
    await fc.assert(
      fc.asyncProperty(connect, ({ path, contentType, body }) => {
        tried.connect++;
        return withTimeout(connectPost(path, contentType, body), `Connect ${path}`);
      }),
      options,
    );
  });

  it("still serves normal calls on both faces afterwards", async () => {
    process.stderr.write(
      `fuzz: ${tried.mcp} MCP face inputs, ${tried.grpc} gRPC and ${tried.connect} Connect inputs, all answered clearly\n`,
    );
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const result = await client.callTool({ name: "echo", arguments: '{"message":"still here"}' });
    assert.equal(result.content[0]?.value.case, "textContent");
    await mcpPost(bytes(validCall), "tools/call");
  });
});
