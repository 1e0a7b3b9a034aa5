// The official MCP SDK client, connected to `protomcp mcp --stdio` in front of the app's typed
// server (its URL in argv): lists the tools and calls both, one of them on a worker thread.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [upstream] = process.argv.slice(2);
if (upstream === undefined) throw new Error("usage: sdk-client <mcp.v1 endpoint URL>");
const client = new Client({ name: "app", version: "1.0.0" });
await client.connect(
  new StdioClientTransport({
    command: "node_modules/.bin/protomcp",
    args: ["mcp", "--upstream", upstream, "--stdio"],
    stderr: "inherit",
  }),
);
const tools = await client.listTools();
const sum = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
const primes = await client.callTool({ name: "primes", arguments: { below: 100 } });
process.stdout.write(
  `${JSON.stringify({
    tools: tools.tools.map((tool) => tool.name),
    sum: sum.structuredContent,
    primes: primes.structuredContent,
  })}\n`,
);
await client.close();
