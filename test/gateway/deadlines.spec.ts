/**
 * Deadlines and cancellation on the gateway, as the server decides them: a caller that sends an
 * expired `grpc-timeout` / `connect-timeout-ms` (and does not enforce it itself, as curl and
 * grpcurl do not) is answered `deadline_exceeded` on every protocol, unary and streaming, every
 * time, and the call is counted and logged so; a `Call` or `Exchange` stream its caller cancels
 * is counted and logged `Canceled`, never `Unknown` or `Internal`.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { connect } from "node:http2";
import { createRequire } from "node:module";
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import {
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  JSONRPCRequestSchema,
} from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

/** A tool that runs for 5 s: any short deadline passes while it works. */
const SLOW = { name: "trigger-long-running-operation", arguments: JSON.stringify({ duration: 5, steps: 5 }) };
const TRIES = 4;
/** Deadlines short enough to pass while the tool runs, varied so the timers fall differently. */
const deadlineMs = (i: number) => 60 + 37 * i;

function envelope(flags: number, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(flags, 0);
  head.writeUInt32BE(payload.byteLength, 1);
  return Buffer.concat([head, payload]);
}

function frames(body: Buffer): { flags: number; payload: Buffer }[] {
  const out: { flags: number; payload: Buffer }[] = [];
  for (let at = 0; at + 5 <= body.length; ) {
    const size = body.readUInt32BE(at + 1);
    out.push({ flags: body.readUInt8(at), payload: body.subarray(at + 5, at + 5 + size) });
    at += 5 + size;
  }
  return out;
}

/** One gRPC call over raw HTTP/2, with a deadline the client does not enforce: the grpc-status. */
async function grpcStatus<D extends DescMessage>(
  url: string,
  method: string,
  schema: D,
  message: MessageShape<D>,
  timeout: string,
): Promise<string> {
  const session = connect(url);
  try {
    return await new Promise<string>((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": `/mcp.v1.McpService/${method}`,
        "content-type": "application/grpc+proto",
        te: "trailers",
        "grpc-timeout": timeout,
      });
      let status: string | undefined;
      stream.on("response", (headers) => {
        if (headers["grpc-status"] !== undefined) status = String(headers["grpc-status"]);
      });
      stream.on("trailers", (trailers) => {
        status = String(trailers["grpc-status"]);
      });
      stream.on("data", () => {});
      stream.on("end", () => resolve(status ?? "none"));
      stream.on("error", reject);
      stream.end(envelope(0, toBinary(schema, message)));
    });
  } finally {
    session.close();
  }
}

/** One gRPC-Web call over HTTP/1.1 (connect-node's own path, not the unary fast path): its grpc-status. */
async function grpcWebStatus(url: string, timeout: string): Promise<string> {
  const response = await fetch(`${url}/mcp.v1.McpService/CallTool`, {
    method: "POST",
    headers: { "content-type": "application/grpc-web+proto", "grpc-timeout": timeout },
    body: envelope(0, toBinary(CallToolRequestParamsSchema, create(CallToolRequestParamsSchema, SLOW))),
  });
  const header = response.headers.get("grpc-status");
  if (header !== null) return header;
  const trailer = frames(Buffer.from(await response.arrayBuffer())).find((f) => (f.flags & 0x80) !== 0);
  return /grpc-status:\s*(\d+)/.exec(trailer?.payload.toString() ?? "")?.[1] ?? "none";
}

/** A Connect unary call (the fast path): its error code. */
async function connectUnaryCode(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(`${url}/mcp.v1.McpService/CallTool`, {
    method: "POST",
    headers: { "content-type": "application/json", "connect-timeout-ms": String(timeoutMs) },
    body: JSON.stringify(SLOW),
  });
  return ((await response.json()) as { code?: string }).code ?? `HTTP ${response.status}`;
}

/** A Connect server-streaming `Call`: the code of its end-of-stream message. */
async function connectCallCode(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(`${url}/mcp.v1.McpService/Call`, {
    method: "POST",
    headers: { "content-type": "application/connect+proto", "connect-timeout-ms": String(timeoutMs) },
    body: envelope(0, toBinary(JSONRPCRequestSchema, slowRequest(9))),
  });
  const end = frames(Buffer.from(await response.arrayBuffer())).find((f) => (f.flags & 0x02) !== 0);
  return (JSON.parse(end?.payload.toString() ?? "{}") as { error?: { code?: string } }).error?.code ?? "ok";
}

function slowRequest(id: number) {
  return create(JSONRPCRequestSchema, {
    id: { value: { case: "number", value: BigInt(id) } },
    jsonrpc: "2.0",
    method: "tools/call",
    params: { case: "callToolRequestParams", value: SLOW },
  });
}

/** The value of `protomcp_gateway_calls_total` with these labels (0 when absent). */
function calls(scrape: string, labels: Record<string, string>): number {
  let total = 0;
  for (const line of scrape.split("\n")) {
    const match = /^protomcp_gateway_calls_total\{(.*)\} (\d+)$/.exec(line);
    if (match === null) continue;
    const have = match[1]!.split(",");
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) total += Number(match[2]);
  }
  return total;
}

describe("gateway deadlines and cancellation", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  const lines: string[] = [];
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: createLogger({ level: "info", sink: (line) => lines.push(line) }),
    });
  });
  after(() => gateway?.close());

  /** Waits until every call counted so far has finished (nothing in flight). */
  async function settled(): Promise<string> {
    for (let i = 0; ; i++) {
      const scrape = gateway.metrics.render();
      if (!/^protomcp_gateway_calls_in_flight\{.*\} [1-9]/m.test(scrape) || i > 100) return scrape;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("answers an expired grpc-timeout with DEADLINE_EXCEEDED (4) on unary gRPC, every time", async () => {
    const before = calls(gateway.metrics.render(), { method: "CallTool", code: "DeadlineExceeded" });
    const statuses: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      const message = create(CallToolRequestParamsSchema, SLOW);
      statuses.push(
        await grpcStatus(gateway.url, "CallTool", CallToolRequestParamsSchema, message, `${deadlineMs(i)}m`),
      );
    }
    assert.deepEqual(statuses, Array(TRIES).fill("4"));
    const scrape = await settled();
    assert.equal(calls(scrape, { method: "CallTool", code: "DeadlineExceeded" }) - before, TRIES, scrape);
  });

  it("answers an expired connect-timeout-ms with deadline_exceeded on unary Connect, every time", async () => {
    const codes: string[] = [];
    for (let i = 0; i < TRIES; i++) codes.push(await connectUnaryCode(gateway.url, deadlineMs(i)));
    assert.deepEqual(codes, Array(TRIES).fill("deadline_exceeded"));
  });

  it("answers an expired grpc-timeout with DEADLINE_EXCEEDED on gRPC-Web, every time", async () => {
    const statuses: string[] = [];
    for (let i = 0; i < TRIES; i++) statuses.push(await grpcWebStatus(gateway.url, `${deadlineMs(i)}m`));
    assert.deepEqual(statuses, Array(TRIES).fill("4"));
  });

  it("ends a Call stream whose deadline passed with deadline_exceeded (gRPC and Connect), every time", async () => {
    const before = calls(gateway.metrics.render(), { method: "Call", code: "DeadlineExceeded" });
    const grpc: string[] = [];
    const connectCodes: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      grpc.push(
        await grpcStatus(gateway.url, "Call", JSONRPCRequestSchema, slowRequest(i + 1), `${deadlineMs(i)}m`),
      );
      connectCodes.push(await connectCallCode(gateway.url, deadlineMs(i)));
    }
    assert.deepEqual(grpc, Array(TRIES).fill("4"));
    assert.deepEqual(connectCodes, Array(TRIES).fill("deadline_exceeded"));
    const scrape = await settled();
    assert.equal(calls(scrape, { method: "Call", code: "DeadlineExceeded" }) - before, 2 * TRIES, scrape);
  });

  it("ends an Exchange stream whose deadline passed with DEADLINE_EXCEEDED (gRPC), every time", async () => {
    const before = calls(gateway.metrics.render(), { method: "Exchange", code: "DeadlineExceeded" });
    const statuses: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      const first = create(JSONRPCMessageSchema, {
        value: { case: "jsonrpcRequest", value: slowRequest(100 + i) },
      });
      statuses.push(
        await grpcStatus(gateway.url, "Exchange", JSONRPCMessageSchema, first, `${deadlineMs(i)}m`),
      );
    }
    assert.deepEqual(statuses, Array(TRIES).fill("4"));
    const scrape = await settled();
    assert.equal(calls(scrape, { method: "Exchange", code: "DeadlineExceeded" }) - before, TRIES, scrape);
  });

  it("counts and logs Call and Exchange streams their callers cancel as Canceled", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const seen = lines.length;
    for (let i = 0; i < TRIES; i++) {
      const abort = new AbortController();
      setTimeout(() => abort.abort(), deadlineMs(i) + 100);
      await assert.rejects(async () => {
        for await (const _ of client.call(slowRequest(100 + i), { signal: abort.signal }));
      });
      const exchangeAbort = new AbortController();
      setTimeout(() => exchangeAbort.abort(), deadlineMs(i) + 100);
      async function* input(): AsyncGenerator<JSONRPCMessage> {
        yield create(JSONRPCMessageSchema, {
          value: { case: "jsonrpcRequest", value: slowRequest(200 + i) },
        });
        // The caller keeps its half open, as a caller waiting for the result does.
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
      await assert.rejects(async () => {
        for await (const _ of client.exchange(input(), { signal: exchangeAbort.signal }));
      });
    }
    const scrape = await settled();
    for (const method of ["Call", "Exchange"]) {
      assert.ok(calls(scrape, { method, code: "Canceled" }) >= TRIES, `${method}:\n${scrape}`);
      for (const code of ["Unknown", "Internal", "OK"])
        assert.equal(calls(scrape, { method, code }), 0, `${method} counted ${code}:\n${scrape}`);
    }
    const logged = records()
      .slice(seen)
      .filter((r) => r.msg === "call failed" && /\/(Call|Exchange)$/.test(String(r.method)));
    assert.ok(logged.length >= 2 * TRIES, `logged:\n${lines.slice(seen).join("")}`);
    for (const record of logged.filter((r) => !String(r.error ?? "").includes("timed out")))
      assert.ok(["Canceled", "DeadlineExceeded"].includes(String(record.code)), JSON.stringify(record));
  });
});
