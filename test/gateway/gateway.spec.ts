/**
 * The gateway in front of the real server-everything: what a gRPC, Connect or gRPC-Web client gets
 * is what the official SDK client gets calling the server directly. Also `buf curl` by reflection,
 * a Python grpcio client, progress on the Call stream, cancellation and a killed upstream.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { create, type DescMessage, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { mcpErrorOf } from "../../src/binary/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { assertSameOutcome, NONDETERMINISTIC_TOOLS, sampleArguments } from "../helpers/mcp-compare.js";
import { binaryToValue } from "../../src/transcode/index.js";
import { ASKS_THE_CLIENT, capableClient } from "./capable-client.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const quiet = createLogger({ level: "error" });

/** A typed answer back to the JSON the MCP server sent. */
function json(desc: DescMessage, message: unknown): unknown {
  return binaryToValue(desc.typeName, toBinary(desc, message as never), {
    revision: "2025-11-25",
    requireFields: false,
  });
}

describe("gateway in front of server-everything (stdio)", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  let sdk: Client;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: quiet,
    });
    // Declares what the gateway declares upstream, so server-everything registers the same tools.
    sdk = capableClient("sdk-direct");
    await sdk.connect(
      new StdioClientTransport({ command: process.execPath, args: [everything, "stdio"], stderr: "ignore" }),
    );
  });
  after(async () => {
    await sdk?.close();
    await gateway?.close();
  });

  const transports = () => ({
    grpc: createGrpcTransport({ baseUrl: gateway.url }),
    connect: createConnectTransport({ baseUrl: gateway.url, httpVersion: "1.1" }),
    grpcweb: createGrpcWebTransport({ baseUrl: gateway.url, httpVersion: "1.1" }),
  });

  it("lists the same tools, resources, templates and prompts over gRPC, Connect and gRPC-Web", async () => {
    const direct = {
      tools: await sdk.listTools(),
      resources: await sdk.listResources(),
      templates: await sdk.listResourceTemplates(),
      prompts: await sdk.listPrompts(),
    };
    for (const [name, transport] of Object.entries(transports())) {
      const client = createClient(McpService, transport);
      const tools = await client.listTools({});
      assert.deepEqual(json(McpService.method.listTools.output, tools), direct.tools, name);
      assert.deepEqual(
        json(McpService.method.listResources.output, await client.listResources({})),
        direct.resources,
        name,
      );
      assert.deepEqual(
        json(McpService.method.listResourceTemplates.output, await client.listResourceTemplates({})),
        direct.templates,
        name,
      );
      assert.deepEqual(
        json(McpService.method.listPrompts.output, await client.listPrompts({})),
        direct.prompts,
        name,
      );
    }
  });

  it("calls every tool and gets what the SDK gets", async () => {
    const client = createClient(McpService, transports().grpc);
    const { tools } = await sdk.listTools();
    assert.ok(tools.length >= 10);
    for (const tool of tools) {
      const args = sampleArguments(tool.inputSchema as Record<string, unknown>);
      if (NONDETERMINISTIC_TOOLS.has(tool.name) || ASKS_THE_CLIENT.has(tool.name)) continue;
      await assertSameOutcome(
        async () =>
          json(
            McpService.method.callTool.output,
            await client.callTool({ name: tool.name, arguments: JSON.stringify(args) }),
          ),
        () => sdk.callTool({ name: tool.name, arguments: args }),
        tool.name,
      );
    }
  });

  it("reads every resource and gets every prompt as the SDK does", async () => {
    const client = createClient(McpService, transports().connect);
    const { resources } = await sdk.listResources();
    for (const resource of resources) {
      const direct = await sdk.readResource({ uri: resource.uri });
      assert.deepEqual(
        json(McpService.method.readResource.output, await client.readResource({ uri: resource.uri })),
        direct,
        resource.uri,
      );
    }
    const { prompts } = await sdk.listPrompts();
    assert.ok(prompts.length > 0);
    for (const prompt of prompts) {
      const args = Object.fromEntries(
        (prompt.arguments ?? []).filter((a) => a.required).map((a) => [a.name, "protomcp"]),
      );
      await assertSameOutcome(
        async () =>
          json(
            McpService.method.getPrompt.output,
            await client.getPrompt({ name: prompt.name, arguments: args }),
          ),
        () => sdk.getPrompt({ name: prompt.name, arguments: args }),
        prompt.name,
      );
    }
  });

  it("maps an MCP error to a Connect code, keeping the MCP error in the details", async () => {
    const client = createClient(McpService, transports().grpc);
    const error = await client.getPrompt({ name: "no-such-prompt" }).then(
      () => assert.fail("expected an error"),
      (e: unknown) => ConnectError.from(e),
    );
    const mcp = mcpErrorOf(error);
    assert.ok(mcp.code <= -32000, `an MCP error code, got ${mcp.code}`);
    assert.notEqual(error.code, Code.Unknown);
  });

  it("streams progress in order before the result on Call", async () => {
    const client = createClient(McpService, transports().grpc);
    const request = create(JSONRPCRequestSchema, {
      id: { value: { case: "number", value: 7n } },
      jsonrpc: "2.0",
      method: "tools/call",
      params: {
        case: "callToolRequestParams",
        value: {
          name: "trigger-long-running-operation",
          arguments: JSON.stringify({ duration: 0.3, steps: 3 }),
        },
      },
    });
    const kinds: string[] = [];
    const progress: number[] = [];
    for await (const message of client.call(request)) {
      kinds.push(message.value.case ?? "?");
      if (
        message.value.case === "jsonrpcNotification" &&
        message.value.value.params.case === "progressNotificationParams"
      ) {
        progress.push(message.value.value.params.value.progress ?? -1);
      }
    }
    assert.equal(kinds.at(-1), "jsonrpcResultResponse");
    assert.ok(progress.length >= 2, `progress notifications: ${progress.join(",")}`);
    assert.deepEqual(
      [...progress].sort((a, b) => a - b),
      progress,
      "in order",
    );
  });

  it("cancels the upstream request when the RPC is cancelled, and keeps serving", async () => {
    const client = createClient(McpService, transports().grpc);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const started = Date.now();
    await assert.rejects(
      client.callTool(
        { name: "trigger-long-running-operation", arguments: JSON.stringify({ duration: 5, steps: 5 }) },
        { signal: abort.signal },
      ),
      (e: unknown) => ConnectError.from(e).code === Code.Canceled,
    );
    assert.ok(Date.now() - started < 2_000);
    const echo = await client.callTool({
      name: "echo",
      arguments: JSON.stringify({ message: "still here" }),
    });
    assert.equal(echo.content[0]?.value.case, "textContent");
  });

  it("answers buf curl by reflection over Connect, gRPC and gRPC-Web", async function () {
    this.timeout(60_000);
    for (const protocol of ["connect", "grpc", "grpcweb"]) {
      const { stdout } = await run(
        "npx",
        [
          "--no-install",
          "buf",
          "curl",
          "--protocol",
          protocol,
          ...(protocol === "grpc" ? ["--http2-prior-knowledge"] : []),
          "-d",
          '{"name":"echo","arguments":"{\\"message\\":\\"curl\\"}"}',
          `${gateway.url}/mcp.v1.McpService/CallTool`,
        ],
        { timeout: 30_000 },
      );
      assert.match(stdout, /Echo: curl/, protocol);
    }
  });

  it("serves a Python grpcio client through the generated stubs", async function () {
    try {
      await run("/usr/bin/python3", ["-c", "import grpc"]);
    } catch {
      if (process.env.CI === "true") assert.fail("python3-grpcio is missing on CI");
      this.skip();
    }
    const { stdout } = await run(
      "/usr/bin/python3",
      ["test/gateway/python/client.py", new URL(gateway.url).host],
      {
        env: { ...process.env, PYTHONPATH: "gen/python" },
        timeout: 30_000,
      },
    );
    const answer = JSON.parse(stdout) as { tools: string[]; text: string; error: string | null };
    assert.ok(answer.tools.includes("echo"));
    assert.equal(answer.text, "Echo: from python");
    assert.ok(answer.error !== null);
  });

  it("fails calls of a killed upstream with Unavailable, then restarts it", async () => {
    const client = createClient(McpService, transports().grpc);
    const upstream = gateway.upstreams.get("everything")!;
    const pid = upstream.pid!;
    const call = client.callTool({
      name: "trigger-long-running-operation",
      arguments: JSON.stringify({ duration: 5, steps: 5 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(pid, "SIGKILL");
    await assert.rejects(call, (e: unknown) => ConnectError.from(e).code === Code.Unavailable);
    const echo = await client.callTool(
      { name: "echo", arguments: JSON.stringify({ message: "back" }) },
      { timeoutMs: 15_000 },
    );
    assert.equal(echo.content[0]?.value.case, "textContent");
    assert.notEqual(upstream.pid, pid);
  });
});
