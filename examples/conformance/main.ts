/**
 * Runs the conformance fixture: the binary endpoint and the MCP face in front of it, until
 * SIGINT/SIGTERM. `tsx examples/conformance/main.ts`, then point
 * `npx @modelcontextprotocol/conformance server --url <printed URL>` at it.
 *
 * @module
 */
import { serveMcpFace } from "../../src/server/index.js";
import { createConformanceServer } from "./server.js";

const port = Number(process.env.PORT ?? 0);
const binary = await createConformanceServer().listen();
const face = await serveMcpFace({ upstream: binary.url, listen: { host: "127.0.0.1", port } });
process.stderr.write(`conformance fixture: binary ${binary.url}, MCP ${face.url}\n`);
await new Promise<void>((resolve) => {
  process.once("SIGINT", resolve);
  process.once("SIGTERM", resolve);
});
await face.close();
await binary.close();
