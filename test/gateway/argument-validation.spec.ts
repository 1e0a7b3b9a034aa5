/**
 * `validateArguments`: `tools/call` arguments are checked against the tool's `inputSchema` before
 * the gateway forwards them. server-everything's schemas are draft-07 (zod's output); a small
 * official-SDK server supplies a draft 2020-12 schema, with a keyword draft-07 does not have.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { mcpErrorOf } from "../../src/binary/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const quiet = createLogger({ level: "error" });

/** The 2020-12 tool: `prefixItems` types each position of `pair` (draft-07 would ignore it). */
const PAIR_TOOL = {
  name: "pair",
  inputSchema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object" as const,
    properties: { pair: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }] } },
    required: ["pair"],
  },
};

/** A Streamable HTTP server (official SDK, one session per initialize) offering the 2020-12 tool. */
async function startDraft2020Server(): Promise<{ url: string; calls: () => number; close(): Promise<void> }> {
  let calls = 0;
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http: HttpServer = createServer(async (req, res) => {
    const id = req.headers["mcp-session-id"];
    const known = typeof id === "string" ? sessions.get(id) : undefined;
    if (known !== undefined) return known.handleRequest(req, res);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (sid): void => {
        sessions.set(sid, transport);
      },
    });
    const server = new Server({ name: "draft-2020", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [PAIR_TOOL] }));
    server.setRequestHandler(CallToolRequestSchema, async () => {
      calls++;
      return { content: [{ type: "text", text: "ok" }] };
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    calls: () => calls,
    close: async () => {
      for (const transport of sessions.values()) await transport.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

async function refusal(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (error) {
    return ConnectError.from(error);
  }
  assert.fail("the call was not refused");
}

describe("gateway --validate-arguments", function () {
  this.timeout(30_000);
  let validating: Gateway;
  let forwarding: Gateway;
  let draft2020: Awaited<ReturnType<typeof startDraft2020Server>>;

  before(async () => {
    draft2020 = await startDraft2020Server();
    const upstreams = new Map([
      ["everything", { command: process.execPath, args: [everything, "stdio"] }],
      ["draft2020", { url: draft2020.url }],
    ]);
    validating = await startGateway({ upstreams, validateArguments: true, logger: quiet });
    forwarding = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: quiet,
    });
  });
  after(async () => {
    await validating?.close();
    await forwarding?.close();
    await draft2020?.close();
  });

  const clientOf = (gateway: Gateway) =>
    createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));

  it("refuses arguments that break a draft-07 inputSchema with invalid_argument and MCP -32602", async () => {
    const error = await refusal(
      clientOf(validating).callTool({ name: "get-sum", arguments: JSON.stringify({ a: "one" }) }),
    );
    assert.equal(error.code, Code.InvalidArgument);
    assert.match(error.rawMessage, /invalid arguments for tool 'get-sum'/);
    assert.match(error.rawMessage, /arguments\.a: must be number/);
    assert.match(error.rawMessage, /missing property "b"/);
    const mcp = mcpErrorOf(error);
    assert.equal(mcp.code, -32602);
    assert.equal((mcp.data as { tool: string }).tool, "get-sum");
  });

  it("forwards arguments that fit", async () => {
    const result = await clientOf(validating).callTool({
      name: "get-sum",
      arguments: JSON.stringify({ a: 2, b: 3 }),
    });
    assert.match(JSON.stringify(result.content), /5/);
  });

  it("leaves the same bad arguments to the upstream when validation is off", async () => {
    const outcome = await clientOf(forwarding)
      .callTool({ name: "get-sum", arguments: JSON.stringify({ a: "one" }) })
      .then(
        (result) => JSON.stringify(result),
        (error: unknown) => ConnectError.from(error).rawMessage,
      );
    assert.doesNotMatch(outcome, /invalid arguments for tool/);
  });

  it("validates draft 2020-12 schemas (prefixItems) without calling the upstream", async () => {
    const client = clientOf(validating);
    const headers = { "mcp-upstream": "draft2020" };
    const error = await refusal(
      client.callTool({ name: "pair", arguments: JSON.stringify({ pair: ["a", "b"] }) }, { headers }),
    );
    assert.equal(error.code, Code.InvalidArgument);
    assert.match(error.rawMessage, /arguments\.pair\.1: must be integer/);
    assert.equal(draft2020.calls(), 0);
    await client.callTool({ name: "pair", arguments: JSON.stringify({ pair: ["a", 1] }) }, { headers });
    assert.equal(draft2020.calls(), 1);
  });

  it("answers a Call stream's bad tools/call with a -32602 error response", async () => {
    const request = create(JSONRPCRequestSchema, {
      id: { value: { case: "number", value: 1n } },
      jsonrpc: "2.0",
      method: "tools/call",
      params: {
        case: "callToolRequestParams",
        value: { name: "get-sum", arguments: JSON.stringify({ a: 1 }) },
      },
    });
    const cases: string[] = [];
    let text = "";
    for await (const message of clientOf(validating).call(request)) {
      cases.push(message.value.case ?? "?");
      text = JSON.stringify(message.value.value, (_, v) => (typeof v === "bigint" ? Number(v) : v));
    }
    assert.deepEqual(cases, ["jsonrpcErrorResponse"]);
    assert.match(text, /-32602/);
    assert.match(text, /missing property \\"b\\"/);
  });
});

describe("protomcp gateway --validate-arguments (the CLI)", function () {
  this.timeout(30_000);
  let child: ChildProcess | undefined;
  after(() => child?.kill());

  it("validates when the flag is given", async () => {
    const cli = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
    child = spawn(
      process.execPath,
      [cli, "gateway", "--upstream", `stdio:${process.execPath} ${everything} stdio`, "--validate-arguments"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let log = "";
      child!.stderr!.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        const match = /serving mcp\.v1\.McpService at (\S+)/.exec(log);
        if (match !== null) resolve(match[1]!);
      });
      child!.once("exit", (code) => reject(new Error(`gateway exited (${code}): ${log}`)));
    });
    const client = createClient(McpService, createGrpcTransport({ baseUrl: url }));
    const error = await refusal(client.callTool({ name: "get-sum", arguments: JSON.stringify({ a: 1 }) }));
    assert.equal(error.code, Code.InvalidArgument);
    assert.match(error.rawMessage, /missing property "b"/);
  });
});
