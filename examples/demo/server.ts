/**
 * The demo server on the typed API: tools whose arguments are protobuf messages (`echo`, `add`,
 * `now`, `count` with progress, `swatch` returning an image, `primes` on a worker thread), a resource and a prompt.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { createMcpServer, inWorker, type McpServer, type WorkerPool } from "../../src/server/index.js";
import {
  AddRequestSchema,
  AddResponseSchema,
  CountRequestSchema,
  EchoRequestSchema,
  EchoResponseSchema,
  NowRequestSchema,
  NowResponseSchema,
  PrimesRequestSchema,
  PrimesResponseSchema,
  SwatchRequestSchema,
} from "./gen/demo/v1/demo_pb.js";
import { solidPng } from "./png.js";

/** The demo's readme resource. */
export const README_URI = "demo://readme";

/** Builds the demo server (not yet listening); `primes` runs on `pool`, or the process-wide pool. */
export function createDemoServer(options: { pool?: WorkerPool } = {}): McpServer {
  const server = createMcpServer({
    name: "protomcp-demo",
    version: "0.1.0",
    instructions: "A demo of protomcp's typed server: tools take protobuf messages as arguments.",
  });
  server.tool({
    name: "echo",
    description: "Returns the text it is given.",
    input: EchoRequestSchema,
    output: EchoResponseSchema,
    annotations: { readOnlyHint: true },
    handler: async (input) => create(EchoResponseSchema, { text: input.text }),
  });
  server.tool({
    name: "add",
    description: "Adds two numbers.",
    input: AddRequestSchema,
    output: AddResponseSchema,
    annotations: { readOnlyHint: true },
    handler: async ({ a, b }) => create(AddResponseSchema, { sum: a + b }),
  });
  server.tool({
    name: "now",
    description: "The server's current time.",
    input: NowRequestSchema,
    output: NowResponseSchema,
    handler: async () => {
      const now = new Date();
      return create(NowResponseSchema, { iso: now.toISOString(), unixMs: BigInt(now.getTime()) });
    },
  });
  server.tool({
    name: "count",
    description: "Counts to `steps`, reporting progress and logging each step.",
    input: CountRequestSchema,
    handler: async ({ steps }, ctx) => {
      if (steps < 1 || steps > 100) throw new ConnectError("steps must be 1 to 100", Code.InvalidArgument);
      for (let i = 1; i <= steps; i++) {
        if (ctx.signal.aborted) break;
        await ctx.log("info", `step ${i} of ${steps}`);
        await ctx.progress(i, steps);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { content: [{ type: "text", text: `counted to ${steps}` }] };
    },
  });
  server.tool({
    name: "swatch",
    description: "A square PNG image of one color.",
    input: SwatchRequestSchema,
    handler: async ({ color, size }) => {
      const match = /^#?([0-9a-f]{6})$/i.exec(color);
      if (match?.[1] === undefined) {
        return { content: [{ type: "text", text: `not a hex color: '${color}'` }], isError: true };
      }
      const n = Number.parseInt(match[1], 16);
      const edge = size === 0 ? 16 : Math.min(size, 256);
      const png = solidPng(edge, [(n >> 16) & 255, (n >> 8) & 255, n & 255]);
      return { content: [{ type: "image", data: png.toString("base64"), mimeType: "image/png" }] };
    },
  });
  server.tool({
    name: "primes",
    description: "Counts the primes below a number (CPU-heavy: runs on a worker thread).",
    input: PrimesRequestSchema,
    output: PrimesResponseSchema,
    annotations: { readOnlyHint: true },
    handler: inWorker(
      new URL("./primes.ts", import.meta.url),
      options.pool === undefined ? {} : { pool: options.pool },
    ),
  });
  server.resource({
    uri: README_URI,
    name: "readme",
    description: "What this server is.",
    mimeType: "text/markdown",
    read: async () => "# protomcp demo\n\nTools: echo, add, now, count, swatch, primes.\n",
  });
  server.prompt({
    name: "greet",
    description: "A greeting for someone.",
    arguments: [{ name: "name", description: "Who to greet", required: true }],
    get: async ({ name }) => [
      { role: "user", content: { type: "text", text: `Say hello to ${name ?? "someone"}.` } },
    ],
  });
  return server;
}
