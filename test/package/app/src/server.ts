// A typed MCP server as README shows it, served as mcp.v1 (gRPC/Connect) on a free port; prints its
// URL on stdout, then serves until stdin closes.
import { create } from "@bufbuild/protobuf";
import { createMcpServer, inWorker } from "protomcp";
import {
  AddRequestSchema,
  AddResponseSchema,
  PrimesRequestSchema,
  PrimesResponseSchema,
} from "./gen/demo_pb.js";

const server = createMcpServer({ name: "calc", version: "1.0.0" });
server.tool({
  name: "add",
  description: "Adds two numbers.",
  input: AddRequestSchema,
  output: AddResponseSchema,
  handler: async ({ a, b }) => create(AddResponseSchema, { sum: a + b }),
});
server.tool({
  name: "primes",
  description: "Counts the primes below a number, on a worker thread.",
  input: PrimesRequestSchema,
  output: PrimesResponseSchema,
  handler: inWorker(new URL("./primes.js", import.meta.url)),
});
const binary = await server.listen({ port: 0 });
process.stdout.write(`${binary.url}\n`);
process.stdin.resume();
process.stdin.on("end", () => void binary.close().then(() => process.exit(0)));
