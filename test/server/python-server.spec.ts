import * as assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";

// The cross-language promise: a server written in Python with grpcio and the generated stubs
// (examples/python-server), served to the official SDK client by `protomcp mcp`.

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
const python = "/usr/bin/python3";
const env = { ...process.env, PYTHONPATH: "gen/python" };

/** Starts a process and resolves to the first match of `pattern` in its stdout or stderr. */
async function started(child: ChildProcess, pattern: RegExp): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on("data", look);
    child.stderr?.on("data", look);
    child.once("exit", (code) => reject(new Error(`exited with ${code} before serving:\n${seen}`)));
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}

/** The same checks, whichever way the SDK client reaches the face. */
function servesThePythonCalculator(connect: () => Promise<Client>): void {
  let client: Client;

  before(async () => {
    client = await connect();
  });

  after(async () => {
    await client.close();
  });

  it("initializes with the Python server's info and capabilities", () => {
    assert.deepEqual(client.getServerVersion(), { name: "python-calc", version: "1.0.0" });
    assert.deepEqual(client.getServerCapabilities(), { tools: {}, resources: {}, prompts: {} });
    assert.equal(client.getInstructions(), "A calculator written in Python.");
  });

  it("lists its tools with their JSON Schemas", async () => {
    const pair = {
      type: "object",
      properties: { a: { type: "number" }, b: { type: "number" } },
      required: ["a", "b"],
    };
    assert.deepEqual((await client.listTools()).tools, [
      {
        name: "add",
        description: "Adds two numbers.",
        inputSchema: pair,
        outputSchema: { type: "object", properties: { sum: { type: "number" } }, required: ["sum"] },
      },
      { name: "divide", description: "Divides a by b; dividing by zero is a tool error.", inputSchema: pair },
    ]);
  });

  it("calls a tool with structured content, and one that fails", async () => {
    assert.deepEqual(await client.callTool({ name: "add", arguments: { a: 2, b: 40.5 } }), {
      content: [{ type: "text", text: '{"sum": 42.5}' }],
      structuredContent: { sum: 42.5 },
    });
    assert.deepEqual(await client.callTool({ name: "divide", arguments: { a: 1, b: 4 } }), {
      content: [{ type: "text", text: "0.25" }],
    });
    assert.deepEqual(await client.callTool({ name: "divide", arguments: { a: 1, b: 0 } }), {
      content: [{ type: "text", text: "cannot divide by zero" }],
      isError: true,
    });
  });

  it("answers an unknown tool with -32602 and the Python server's message", async () => {
    await assert.rejects(client.callTool({ name: "sqrt", arguments: {} }), (e: unknown) => {
      assert.ok(e instanceof McpError);
      assert.equal(e.code, -32602);
      assert.match(e.message, /cannot call tool: unknown tool 'sqrt'/);
      return true;
    });
  });

  it("reads its resource and gets its prompt", async () => {
    assert.deepEqual((await client.listResources()).resources, [
      { uri: "calc://about", name: "about", mimeType: "text/plain" },
    ]);
    assert.deepEqual(await client.readResource({ uri: "calc://about" }), {
      contents: [
        { uri: "calc://about", mimeType: "text/plain", text: "A calculator served by Python grpcio." },
      ],
    });
    assert.deepEqual(await client.getPrompt({ name: "explain", arguments: { topic: "gRPC" } }), {
      messages: [{ role: "user", content: { type: "text", text: "Explain gRPC simply." } }],
    });
  });
}

describe("server: a Python grpcio server through protomcp mcp", function () {
  this.timeout(30_000);
  let server: ChildProcess | undefined;
  let upstream: string;

  before(async function () {
    try {
      await promisify(execFile)(python, ["-c", "import grpc"]);
    } catch {
      if (process.env.CI === "true") assert.fail("python3-grpcio is missing on CI");
      this.skip();
    }
    server = spawn(python, ["examples/python-server/server.py", "--port", "0"], { cwd: root, env });
    upstream = `http://${await started(server, /listening on (\S+)/)}`;
  });

  after(async () => {
    await stop(server);
  });

  describe("over stdio (SDK client spawning protomcp mcp --stdio)", () => {
    servesThePythonCalculator(async () => {
      const client = new Client({ name: "test", version: "1.0.0" });
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [bin, "mcp", "--upstream", upstream, "--stdio"],
          stderr: "pipe",
        }),
      );
      return client;
    });
  });

  describe("over Streamable HTTP (protomcp mcp --listen)", () => {
    let face: ChildProcess | undefined;
    let url = "";
    after(async () => {
      await stop(face);
    });
    servesThePythonCalculator(async () => {
      face = spawn(process.execPath, [bin, "mcp", "--upstream", upstream, "--listen", "127.0.0.1:0"], {
        cwd: root,
      });
      url = await started(face, /serving MCP at (\S+)/);
      const client = new Client({ name: "test", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      return client;
    });

    /** One stateless 2026-07-28 request, answered in JSON. */
    async function stateless(method: string, params: Record<string, unknown>): Promise<unknown> {
      const meta = {
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
      };
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": "2026-07-28",
          "mcp-method": method,
          ...(typeof params.name === "string" ? { "mcp-name": params.name } : {}),
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: { ...params, _meta: meta } }),
      });
      assert.equal(response.status, 200);
      return response.json();
    }

    it("answers stateless 2026-07-28 clients: server/discover and tools/call", async () => {
      const discover = (await stateless("server/discover", {})) as { result: Record<string, unknown> };
      assert.deepEqual(discover.result.supportedVersions, ["2025-11-25", "2026-07-28"]);
      assert.deepEqual(discover.result._meta, {
        "io.modelcontextprotocol/serverInfo": { name: "python-calc", version: "1.0.0" },
      });
      assert.deepEqual(await stateless("tools/call", { name: "divide", arguments: { a: 3, b: 0 } }), {
        jsonrpc: "2.0",
        id: 1,
        result: {
          content: [{ type: "text", text: "cannot divide by zero" }],
          isError: true,
          resultType: "complete",
        },
      });
    });
  });
});
