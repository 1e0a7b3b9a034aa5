/**
 * The double bridge is transparent: an official SDK client -> `protomcp mcp` -> binary ->
 * `protomcp gateway` -> server-everything sees the same tools, resources, prompts and results as an
 * SDK client talking to server-everything directly. Every message crosses JSON -> protobuf -> JSON
 * twice on the way.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { assertSameOutcome, NONDETERMINISTIC_TOOLS, sampleArguments } from "../helpers/mcp-compare.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";
import { capableClient } from "../gateway/capable-client.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

describe("the double bridge: SDK client -> MCP face -> binary -> gateway -> server-everything", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  let face: McpFace;
  let bridged: Client;
  let direct: Client;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: createLogger({ level: "error" }),
    });
    face = await serveMcpFace({ upstream: gateway.url, listen: { host: "127.0.0.1", port: 0 } });
    // The gateway declares sampling, elicitation and roots upstream (it relays them on Exchange),
    // so the direct client declares them too, and both answer them alike.
    bridged = capableClient("sdk-bridged");
    await bridged.connect(new StreamableHTTPClientTransport(new URL(face.url!)));
    direct = capableClient("sdk-direct");
    await direct.connect(
      new StdioClientTransport({ command: process.execPath, args: [everything, "stdio"], stderr: "ignore" }),
    );
  });

  after(async () => {
    await bridged?.close();
    await direct?.close();
    await face?.close();
    await gateway?.close();
  });

  it("lists the same tools, resources, templates and prompts", async () => {
    assert.deepEqual(await bridged.listTools(), await direct.listTools());
    assert.deepEqual(await bridged.listResources(), await direct.listResources());
    assert.deepEqual(await bridged.listResourceTemplates(), await direct.listResourceTemplates());
    assert.deepEqual(await bridged.listPrompts(), await direct.listPrompts());
  });

  it("gets the same result from every tool", async () => {
    const { tools } = await direct.listTools();
    let called = 0;
    for (const tool of tools) {
      if (NONDETERMINISTIC_TOOLS.has(tool.name)) continue;
      const args = sampleArguments(tool.inputSchema as Record<string, unknown>);
      await assertSameOutcome(
        () => bridged.callTool({ name: tool.name, arguments: args }),
        () => direct.callTool({ name: tool.name, arguments: args }),
        tool.name,
      );
      called++;
    }
    assert.ok(called >= 8, `${called} tools compared`);
  });

  it("reads the same resources and gets the same prompts", async () => {
    const { resources } = await direct.listResources();
    for (const r of resources) {
      await assertSameOutcome(
        () => bridged.readResource({ uri: r.uri }),
        () => direct.readResource({ uri: r.uri }),
        r.uri,
      );
    }
    const { prompts } = await direct.listPrompts();
    for (const p of prompts) {
      const args = Object.fromEntries(
        (p.arguments ?? []).filter((a) => a.required).map((a) => [a.name, "protomcp"]),
      );
      await assertSameOutcome(
        () => bridged.getPrompt({ name: p.name, arguments: args }),
        () => direct.getPrompt({ name: p.name, arguments: args }),
        p.name,
      );
    }
  });

  it("relays progress of a long-running tool through both bridges", async () => {
    const progress: number[] = [];
    const result = await bridged.callTool(
      { name: "trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } },
      undefined,
      {
        onprogress: (p) => progress.push(p.progress),
      },
    );
    assert.ok(Array.isArray(result.content));
    assert.ok(progress.length >= 2, `progress: ${progress.join(",")}`);
  });
});
