/**
 * Bad input against both faces, in front of the real server-everything (stdio): the gateway's
 * binary face (raw Connect, gRPC and gRPC-Web bodies) and the MCP face's Streamable HTTP. Each case
 * must be answered with a clear error (the right HTTP status, Connect/gRPC code or JSON-RPC code);
 * none may crash or hang a process: after the suite, normal calls on both faces still succeed.
 */
import assert from "node:assert/strict";
import { encodeHeaderValue } from "../../src/jsonrpc/http-client.js";
import http2 from "node:http2";
import { createRequire } from "node:module";
import { toBinary, create } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const quiet = createLogger({ level: "error" });
const STATELESS = "2026-07-28";
const PER_CASE_MS = 5_000;

/**
 * connect-es reports a request it cannot parse as binary protobuf with code Internal and a
 * "parse binary: …" message (JSON parse failures are InvalidArgument); both are checked as such.
 */
const PARSE_BINARY = /parse( |%20)binary/;

/** What a face answered. */
interface Answer {
  status: number;
  /** Connect code (JSON error body), gRPC status, or JSON-RPC error code, when there is one. */
  code?: string | number;
  text: string;
}

function deep(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

/** A gRPC envelope: flag byte, big-endian length, payload. `length` may lie. */
function envelope(payload: Uint8Array, length = payload.length): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(length, 1);
  return Buffer.concat([head, payload]);
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer to ${what} in ${PER_CASE_MS} ms`)), PER_CASE_MS).unref(),
    ),
  ]);
}

describe("hardening: bad input on both faces (server-everything)", function () {
  this.timeout(120_000);
  let gateway: Gateway;
  let face: McpFace;
  let session: http2.ClientHttp2Session;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: quiet,
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

  /** An HTTP/1.1 POST to the gateway (Connect or gRPC-Web); Connect's code from a JSON body. */
  async function binaryPost(path: string, contentType: string, body: Uint8Array | string): Promise<Answer> {
    const res = await fetch(`${gateway.url}${path}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    const text = await res.text();
    let code: string | number | undefined = res.headers.get("grpc-status") ?? undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code ?? code;
    } catch {}
    const trailer = /grpc-status:\s*(\d+)/.exec(text);
    if (trailer?.[1] !== undefined) code = trailer[1];
    return { status: res.status, ...(code === undefined ? {} : { code: String(code) }), text };
  }

  /** A gRPC call over HTTP/2 with a raw body; its grpc-status from headers or trailers. */
  function grpcPost(path: string, body: Uint8Array, contentType = "application/grpc"): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": path,
        "content-type": contentType,
        te: "trailers",
      });
      let status = 0;
      let code: string | undefined;
      let message = "";
      const chunks: Buffer[] = [];
      const take = (h: http2.IncomingHttpHeaders) => {
        if (h["grpc-status"] !== undefined) code = String(h["grpc-status"]);
        if (h["grpc-message"] !== undefined) message = decodeURIComponent(String(h["grpc-message"]));
      };
      stream.on("response", (h) => {
        status = Number(h[":status"]);
        take(h);
      });
      stream.on("trailers", take);
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () =>
        resolve({
          status,
          ...(code === undefined ? {} : { code }),
          text: message || Buffer.concat(chunks).toString(),
        }),
      );
      stream.on("error", reject);
      stream.end(body);
    });
  }

  /** A POST to the MCP face: `body` raw, headers for a stateless 2026-07-28 request. */
  async function mcpPost(body: string | Uint8Array, method = "tools/call", contentType = "application/json") {
    const res = await fetch(face.url!, {
      method: "POST",
      headers: {
        "content-type": contentType,
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": STATELESS,
        "mcp-method": method,
        ...nameHeaderOf(body),
      },
      body,
    });
    const text = await res.text();
    let code: number | undefined;
    const json = /\{.*\}/s.exec(text)?.[0];
    try {
      code = (JSON.parse(json ?? "") as { error?: { code?: number } }).error?.code;
    } catch {}
    return { status: res.status, ...(code === undefined ? {} : { code }), text } as Answer;
  }

  const request = (method: string, params: unknown, id: unknown = 1) =>
    JSON.stringify({
      jsonrpc: "2.0",
      id,
      method,
      params: { ...(params as object), _meta: { "io.modelcontextprotocol/protocolVersion": STATELESS } },
    });

  const callTool = "/mcp.v1.McpService/CallTool";
  const valid = toBinary(
    CallToolRequestParamsSchema,
    create(CallToolRequestParamsSchema, { name: "echo", arguments: '{"message":"x"}' }),
  );
  const invalidUtf8Name = Buffer.from([0x1a, 0x03, 0xff, 0xfe, 0xfd]); // field 3 (name), bytes not UTF-8
  const hugeVarint = Buffer.from([0x08, ...Array(11).fill(0xff), 0x01]); // 12-byte varint
  const hugeLength = Buffer.from([0x1a, 0xff, 0xff, 0xff, 0xff, 0x0f]); // name claims 4 GiB

  /** Name, how to provoke it, and what a clear answer is. */
  const cases: [string, () => Promise<Answer>, (a: Answer) => void][] = [
    // The binary face: Connect (HTTP/1.1).
    [
      "connect: malformed JSON",
      () => binaryPost(callTool, "application/json", '{"name": "echo",'),
      (a) => assert.deepEqual([a.status, a.code], [400, "invalid_argument"]),
    ],
    [
      "connect: JSON of the wrong shape",
      () => binaryPost(callTool, "application/json", '{"name": 42, "nope": true}'),
      (a) => assert.deepEqual([a.status, a.code], [400, "invalid_argument"]),
    ],
    [
      "connect: 10,000-deep JSON nesting",
      () => binaryPost(callTool, "application/json", `{"name":${deep(10_000)}}`),
      (a) => assert.deepEqual([a.status, a.code], [400, "invalid_argument"]),
    ],
    [
      "connect: garbage protobuf",
      () => binaryPost(callTool, "application/proto", Buffer.from("\xff\xff\xff garbage", "latin1")),
      (a) => assert.ok(a.status === 500 && a.code === "internal" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "connect: truncated protobuf",
      () => binaryPost(callTool, "application/proto", valid.subarray(0, valid.length - 3)),
      (a) => assert.ok(a.status === 500 && a.code === "internal" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "connect: huge varint",
      () => binaryPost(callTool, "application/proto", hugeVarint),
      (a) => assert.ok(a.status === 500 && a.code === "internal" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "connect: length-delimited field claiming 4 GiB",
      () => binaryPost(callTool, "application/proto", hugeLength),
      (a) => assert.ok(a.status === 500 && a.code === "internal" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "connect: invalid UTF-8 in a string field",
      () => binaryPost(callTool, "application/proto", invalidUtf8Name),
      (a) => assert.ok(a.status === 500 && a.code === "internal" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "connect: unknown method",
      () => binaryPost("/mcp.v1.McpService/NoSuchMethod", "application/proto", valid),
      (a) => assert.equal(a.status, 404),
    ],
    [
      "connect: unknown service (type)",
      () => binaryPost("/mcp.v9.Nope/CallTool", "application/proto", valid),
      (a) => assert.equal(a.status, 404),
    ],
    [
      "connect: unsupported content type",
      () => binaryPost(callTool, "application/x-nope", valid),
      (a) => assert.equal(a.status, 415),
    ],
    [
      "connect: oversize message (17 MiB)",
      () => binaryPost(callTool, "application/proto", Buffer.alloc(17 * 1024 * 1024, 0x0a)),
      (a) => assert.deepEqual([a.status, a.code], [429, "resource_exhausted"]),
    ],
    // The binary face: gRPC (HTTP/2) and gRPC-Web.
    [
      "grpc: garbage protobuf",
      () => grpcPost(callTool, envelope(Buffer.from("\xff\xff\xff garbage", "latin1"))),
      (a) => assert.ok(a.code === "13" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "grpc: truncated protobuf",
      () => grpcPost(callTool, envelope(valid.subarray(0, valid.length - 3))),
      (a) => assert.ok(a.code === "13" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "grpc: truncated envelope (length says more than is sent)",
      () => grpcPost(callTool, envelope(valid, valid.length + 100)),
      (a) => assert.equal(a.code, "3"),
    ],
    [
      "grpc: envelope shorter than its header",
      () => grpcPost(callTool, Buffer.from([0, 0, 0])),
      (a) => assert.equal(a.code, "3"),
    ],
    [
      "grpc: huge varint",
      () => grpcPost(callTool, envelope(hugeVarint)),
      (a) => assert.ok(a.code === "13" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "grpc: invalid UTF-8 in a string field",
      () => grpcPost(callTool, envelope(invalidUtf8Name)),
      (a) => assert.ok(a.code === "13" && PARSE_BINARY.test(a.text), a.text),
    ],
    [
      "grpc: envelope claiming 1 GiB",
      () => grpcPost(callTool, envelope(valid, 1024 * 1024 * 1024)),
      (a) => assert.equal(a.code, "8"),
    ],
    [
      "grpc: unknown method",
      () => grpcPost("/mcp.v1.McpService/NoSuchMethod", envelope(valid)),
      (a) => assert.equal(a.code, "12"),
    ],
    [
      "grpc: unknown tool",
      () =>
        grpcPost(
          callTool,
          envelope(
            toBinary(
              CallToolRequestParamsSchema,
              create(CallToolRequestParamsSchema, { name: "no-such-tool" }),
            ),
          ),
        ),
      (a) => assert.ok(a.code === "0" && /Tool no-such-tool not found/.test(a.text), a.text),
    ],
    [
      // Found by the fuzz (seed -1931308839): an empty request went upstream and was never answered.
      "grpc: Call with an empty request (no id, no method)",
      () => grpcPost("/mcp.v1.McpService/Call", envelope(new Uint8Array(0))),
      (a) => assert.ok(a.code === "3" && /needs an id and a method/.test(a.text), a.text),
    ],
    [
      "grpc-web: garbage protobuf",
      () => binaryPost(callTool, "application/grpc-web+proto", envelope(Buffer.from([0xff, 0xff, 0xff]))),
      (a) => assert.ok(a.code === "13" && PARSE_BINARY.test(a.text), a.text),
    ],
    // The MCP face: Streamable HTTP.
    [
      "mcp: malformed JSON",
      () => mcpPost('{"jsonrpc":"2.0","id":1,'),
      (a) => assert.deepEqual([a.status, a.code], [400, -32700]),
    ],
    [
      "mcp: JSON-RPC of the wrong version",
      () => mcpPost('{"jsonrpc":"1.0","id":1,"method":"tools/call"}'),
      (a) => assert.deepEqual([a.status, a.code], [400, -32600]),
    ],
    [
      "mcp: method that is not a string",
      () => mcpPost('{"jsonrpc":"2.0","id":1,"method":5}'),
      (a) => assert.deepEqual([a.status, a.code], [400, -32600]),
    ],
    [
      "mcp: id that is an object",
      () => mcpPost('{"jsonrpc":"2.0","id":{},"method":"tools/call"}'),
      (a) => assert.deepEqual([a.status, a.code], [400, -32600]),
    ],
    ["mcp: a bare number", () => mcpPost("42"), (a) => assert.deepEqual([a.status, a.code], [400, -32600])],
    [
      "mcp: params that are not an object",
      () => mcpPost('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"echo"}'),
      (a) => assert.ok(a.status >= 400 || a.code === -32602, a.text),
    ],
    [
      "mcp: invalid UTF-8 in the body",
      () =>
        mcpPost(
          Buffer.concat([
            Buffer.from('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"'),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(`","_meta":{"io.modelcontextprotocol/protocolVersion":"${STATELESS}"}}}`),
          ]),
        ),
      // JSON text must be UTF-8 (RFC 8259 8.1): a parse error, never U+FFFD in a tool's name.
      (a) => assert.deepEqual([a.status, a.code], [400, -32700]),
    ],
    [
      "mcp: 10,000-deep nesting in tool arguments",
      () =>
        mcpPost(
          `${request("tools/call", { name: "echo" }).slice(0, -2)},"arguments":{"x":${deep(10_000)}}}}`,
        ),
      (a) => assert.equal(a.code, -32602, a.text),
    ],
    [
      "mcp: 10,000-deep nesting of the whole message",
      () => mcpPost(deep(10_000)),
      (a) => assert.equal(a.status, 400),
    ],
    [
      "mcp: oversize body (5 MiB)",
      () =>
        mcpPost(
          `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"x":"${"a".repeat(5 * 1024 * 1024)}"}}`,
        ),
      (a) => assert.equal(a.status, 413),
    ],
    [
      "mcp: unknown method",
      () => mcpPost(request("no/such/method", {}), "no/such/method"),
      (a) => assert.equal(a.code, -32601, a.text),
    ],
    [
      "mcp: unknown tool",
      () => mcpPost(request("tools/call", { name: "no-such-tool", arguments: {} })),
      (a) => assert.ok(a.code === -32602 || /isError"\s*:\s*true/.test(a.text), a.text),
    ],
    [
      "mcp: params of the wrong types",
      () => mcpPost(request("tools/call", { name: 42, arguments: "x" })),
      (a) => assert.equal(a.code, -32602, a.text),
    ],
    [
      "mcp: wrong content type",
      () => mcpPost(request("tools/call", { name: "echo" }), "tools/call", "text/plain"),
      (a) => assert.equal(a.status, 415),
    ],
  ];

  it(`answers ${cases.length} bad inputs with clear errors`, async () => {
    const failures: string[] = [];
    for (const [name, provoke, check] of cases) {
      try {
        const answer = await withTimeout(provoke(), name);
        try {
          check(answer);
        } catch (error) {
          failures.push(
            `${name}: ${(error as Error).message.split("\n")[0]} (got ${answer.status} ${String(answer.code)}: ${answer.text.slice(0, 160)})`,
          );
        }
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    process.stderr.write(
      `bad-input: ${cases.length - failures.length}/${cases.length} cases answered clearly\n`,
    );
    assert.deepEqual(failures, []);
  });

  it("still serves normal calls on both faces afterwards", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const result = await client.callTool({ name: "echo", arguments: '{"message":"still here"}' });
    assert.match(JSON.stringify(result.content), /still here/);
    const answer = await mcpPost(request("tools/call", { name: "echo", arguments: { message: "face ok" } }));
    assert.equal(answer.status, 200);
    assert.match(answer.text, /face ok/);
  });
});

/** The `Mcp-Name` header for a raw body naming a tool, prompt or resource; none when it names none. */
function nameHeaderOf(body: string | Uint8Array): Record<string, string> {
  try {
    const params = (JSON.parse(typeof body === "string" ? body : Buffer.from(body).toString()) as {
      params?: { name?: unknown; uri?: unknown };
    }).params;
    const value = params?.name ?? params?.uri;
    return typeof value === "string" ? { "mcp-name": encodeHeaderValue(value) } : {};
  } catch {
    return {};
  }
}
