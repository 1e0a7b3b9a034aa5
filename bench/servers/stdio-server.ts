/**
 * The bench SDK server on stdio, spawned by the `sdk-stdio` target:
 *   node --import tsx bench/servers/stdio-server.ts
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createEchoServer } from "./echo-server.js";

await createEchoServer().connect(new StdioServerTransport());
