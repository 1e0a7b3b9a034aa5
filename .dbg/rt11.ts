import http2 from "node:http2";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../gen/es/mcp/v1/service_pb.js";
import { CallToolResultSchema } from "../gen/es/mcp/v1/tools_pb.js";
import { startBinaryServer } from "../src/binary/index.js";
import { createUnaryFastPath } from "../src/binary/unary-fast-path.js";
async function p50(label: string, f: () => Promise<unknown>, n = 3000) {
  for (let i = 0; i < 300; i++) await f();
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(label.padEnd(40), (t[n >> 1]! * 1000).toFixed(0), "µs p50", (t[Math.floor(n * 0.9)]! * 1000).toFixed(0), "p90");
}
const result = create(CallToolResultSchema, {});
const method = McpService.method.callTool;
const s = await startBinaryServer({ services: [{ service: McpService, impl: { callTool: async () => result } }] });
const bare = http2.createServer();
bare.on("stream", (stream) => { const c: Buffer[] = []; stream.on("data", (d) => c.push(d)); stream.on("end", () => { const b = toBinary(method.output, result); const f = Buffer.alloc(5 + b.length); f.writeUInt32BE(b.length, 1); f.set(b, 5); stream.respond({ ":status": 200, "content-type": "application/grpc+proto" }, { waitForTrailers: true }); stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" })); stream.end(f); }); });
await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
const fp = createUnaryFastPath({ services: [{ service: McpService, impl: { callTool: async () => result } }], interceptors: [], readMaxBytes: 1 << 24 });
const plainH2 = http2.createServer((q, r) => { fp(q, r); });
await new Promise<void>((r) => plainH2.listen(0, "127.0.0.1", r));
const body = toBinary(method.input, create(method.input, { name: "echo" } as any));
const frame = Buffer.alloc(5 + body.length); frame.writeUInt32BE(body.length, 1); frame.set(body, 5);
for (let round = 0; round < 2; round++) for (const [name, url] of [["bare h2 stream handler", `http://127.0.0.1:${(bare.address() as any).port}`], ["fast path plain h2", `http://127.0.0.1:${(plainH2.address() as any).port}`], ["fast path via listen()", s.url]] as const) {
  const session = http2.connect(url);
  await p50(`raw h2 grpc client -> ${name}`, () => new Promise<void>((resolve, reject) => { const st = session.request({ ":method": "POST", ":path": "/mcp.v1.McpService/CallTool", "content-type": "application/grpc", te: "trailers" }); const c: Buffer[] = []; st.on("data", (d) => c.push(d)); st.on("trailers", (t) => { if (t["grpc-status"] !== "0") reject(new Error(JSON.stringify(t))); }); st.on("end", () => { fromBinary(method.output, Buffer.concat(c).subarray(5)); resolve(); }); st.end(frame); }));
  session.close();

}
process.exit(0);
