/**
 * Containment (issue 20): no input from a peer ends a process or another caller's call. The issue's
 * case by name (a lone surrogate through `protomcp mcp --stdio` → `protomcp gateway` →
 * server-everything, which echoes it back), an upstream that answers with such strings, `convert`'s
 * string policy and limits, and a bounded fast-check fuzz of the MCP face's stdio, where each case
 * is followed by a good call on the same connection. The HTTP face and the binary face are fuzzed in
 * fuzz.spec.ts.
 */
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import fc from "fast-check";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger, unexpectedErrorCounts } from "../../src/observe/index.js";
import { type GatewayProcess, spawnGateway } from "./gateway-process.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const surrogateServer = fileURLToPath(new URL("./fixtures/surrogate-server.mjs", import.meta.url));
const CLI = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
const ANSWER_MS = 10_000;

interface Reply {
  id?: unknown;
  result?: { content?: { text?: string }[]; tools?: unknown[] };
  error?: { code: number; message: string };
}

/** `protomcp mcp --stdio` as a child: one JSON-RPC line in, answers matched by id. */
class StdioFace {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = "";
  private readonly waiting = new Map<string, (reply: Reply) => void>();
  stderr = "";

  constructor(upstream: string) {
    this.child = spawn(process.execPath, [CLI, "mcp", "--upstream", upstream, "--stdio"], {
      env: { ...process.env, PROTOMCP_LOG: "error" },
    });
    this.child.stderr.on("data", (c: Buffer) => {
      this.stderr = (this.stderr + c.toString()).slice(-8192);
    });
    this.child.stdout.on("data", (c: Buffer) => {
      this.buffer += c.toString();
      for (let at = this.buffer.indexOf("\n"); at >= 0; at = this.buffer.indexOf("\n")) {
        const line = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + 1);
        const reply = JSON.parse(line) as Reply;
        const key = JSON.stringify(reply.id);
        this.waiting.get(key)?.(reply);
        this.waiting.delete(key);
      }
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Writes raw bytes (any line, good or not). */
  write(bytes: string | Uint8Array): void {
    this.child.stdin.write(bytes);
  }

  /** Sends a request (its JSON text given raw, so escapes stay as written) and waits for its answer. */
  ask(id: number | string, text: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer to ${text.slice(0, 120)} in ${ANSWER_MS} ms: ${this.stderr}`)),
        ANSWER_MS,
      );
      this.waiting.set(JSON.stringify(id), (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.write(`${text}\n`);
    });
  }

  async initialize(): Promise<void> {
    const reply = await this.ask(
      "init",
      JSON.stringify({
        jsonrpc: "2.0",
        id: "init",
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
      }),
    );
    assert.ok(reply.result, JSON.stringify(reply));
    this.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  }

  async close(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill();
    await exited;
  }
}

/** A tools/call request as raw JSON text: `argument` is written into the text as is (escapes too). */
function echoCall(id: number | string, argument: string, name = "echo"): string {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"method":"tools/call","params":{"name":"${name}","arguments":{"message":"${argument}"}}}`;
}

async function metricsOf(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

describe("hardening: containment of bad strings and failed conversions", function () {
  this.timeout(120_000);

  describe("the issue's case: protomcp mcp --stdio -> protomcp gateway -> server-everything", () => {
    let gateway: GatewayProcess;
    let face: StdioFace;

    before(async () => {
      gateway = await spawnGateway(["--upstream", `stdio:${process.execPath} ${everything} stdio`]);
      face = new StdioFace(gateway.url);
      await face.initialize();
    });
    after(async () => {
      await face?.close();
      await gateway?.kill();
    });

    for (const [i, [what, escaped]] of (
      [
        ["a lone surrogate", "\\ud800"],
        ["reversed surrogates", "\\udc00\\ud800"],
      ] as const
    ).entries()) {
      it(`${what} echoed back answers that call only; the gateway and other callers go on`, async () => {
        const other = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
        const [bad, concurrent] = await Promise.all([
          face.ask(`bad-${i}`, echoCall(`bad-${i}`, escaped)),
          other.callTool({ name: "echo", arguments: '{"message":"concurrent"}' }),
        ]);
        assert.equal(bad.error?.code, -32603, JSON.stringify(bad));
        assert.match(bad.error!.message, /lone surrogate/);
        assert.match(bad.error!.message, /\$\.result\.content\[0\]\.text/);
        const text = concurrent.content[0]?.value;
        assert.match(text?.case === "textContent" ? (text.value.text ?? "") : "", /concurrent/);

        assert.equal(gateway.child.exitCode, null, "the gateway is alive");
        assert.ok(face.alive, "the face is alive");
        const next = await face.ask(`next-${i}`, echoCall(`next-${i}`, "fine"));
        assert.match(next.result?.content?.[0]?.text ?? "", /fine/, JSON.stringify(next));
        const list = await face.ask(`list-${i}`, `{"jsonrpc":"2.0","id":"list-${i}","method":"tools/list"}`);
        assert.ok((list.result?.tools?.length ?? 0) > 0, JSON.stringify(list));
      });
    }

    it("needed no last-resort guard: nothing escaped to the process", async () => {
      const metrics = await metricsOf(gateway.url);
      assert.doesNotMatch(metrics, /protomcp_unexpected_errors_total\{where="process\./, metrics);
    });
  });

  describe("an upstream that answers with strings protobuf cannot hold", () => {
    let gateway: Gateway;
    let face: StdioFace;
    const processLevel = () =>
      [...unexpectedErrorCounts()].filter(([where]) => where.startsWith("process.")).length;

    before(async () => {
      gateway = await startGateway({
        upstreams: new Map([["surrogates", { command: process.execPath, args: [surrogateServer] }]]),
        logger: createLogger({ level: "error", sink: () => {} }),
      });
      face = new StdioFace(gateway.url);
      await face.initialize();
    });
    after(async () => {
      await face?.close();
      await gateway?.close();
    });

    it("unary CallTool: internal, naming the field; the next call answers", async () => {
      const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
      await assert.rejects(client.callTool({ name: "bad", arguments: "{}" }), (error: unknown) => {
        const e = ConnectError.from(error);
        assert.equal(e.code, Code.Internal);
        assert.match(e.rawMessage, /lone surrogate.*\$\.content\[0\]\.text/);
        return true;
      });
      // An error whose message holds one keeps its code; the message is made well-formed.
      await assert.rejects(client.callTool({ name: "err", arguments: "{}" }), (error: unknown) => {
        const e = ConnectError.from(error);
        assert.equal(e.code, Code.InvalidArgument);
        assert.match(e.rawMessage, /no such thing: \uFFFD\uFFFD/);
        return true;
      });
      const good = await client.callTool({ name: "good", arguments: "{}" });
      assert.equal(good.content[0]?.value.case, "textContent");
    });

    it("Exchange and Call through the MCP face: -32603 for that call, the stream's notifications dropped, the session goes on", async () => {
      const bad = await face.ask(1, echoCall(1, "x", "bad"));
      assert.equal(bad.error?.code, -32603, JSON.stringify(bad));
      assert.match(
        bad.error!.message,
        /cannot convert the upstream's answer to tools\/call: .*lone surrogate/,
      );
      const err = await face.ask(2, echoCall(2, "x", "err"));
      assert.equal(err.error?.code, -32602, JSON.stringify(err));
      assert.equal(err.error!.message, "no such thing: \uFFFD\uFFFD");
      const notify = await face.ask(
        3,
        `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"notify","arguments":{},"_meta":{"progressToken":"p"}}}`,
      );
      assert.equal(notify.result?.content?.[0]?.text, "notified", JSON.stringify(notify));
      const good = await face.ask(4, echoCall(4, "x", "good"));
      assert.equal(good.result?.content?.[0]?.text, "ok");
      assert.ok(face.alive);
      assert.equal(processLevel(), 0, JSON.stringify([...unexpectedErrorCounts()]));
    });
  });

  describe("protomcp convert: the faces' string policy and limits", () => {
    const convert = (args: string[], input: string | Buffer) => {
      const run = spawnSync(process.execPath, [CLI, "convert", ...args], { input, timeout: 30_000 });
      return { status: run.status, stdout: run.stdout.toString(), stderr: run.stderr.toString() };
    };
    const v = ["--mcp-version", "2025-11-25"];

    it("carries a lone surrogate exactly where the value is JSON, and refuses it in a protobuf string", () => {
      const call = echoCall(1, "\\udc00\\ud800");
      const carried = convert(["--from", "json", "--to", "json", ...v], `${call}\n`);
      assert.equal(carried.status, 0, carried.stderr);
      assert.equal(carried.stdout.trimEnd(), call);
      const refused = convert(
        ["--type", "TextContent", "--to", "binary"],
        '{"type":"text","text":"\\ud800"}\n',
      );
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /line 1: cannot convert string: it holds a lone surrogate.* at \$\.text/);
    });

    it("refuses invalid UTF-8 as the faces do (-32700 there), not with U+FFFD", () => {
      const input = Buffer.concat([
        Buffer.from('{"type":"text","text":"ok"}\n{"type":"text","text":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n'),
      ]);
      const run = convert(["--type", "TextContent", "--to", "json"], input);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /line 2: cannot read JSON: invalid UTF-8/);
      assert.equal(run.stdout, '{"type":"text","text":"ok"}\n');
    });

    it("limits a message's size and nesting, naming the limit; the defaults are the faces'", () => {
      const big = `{"type":"text","text":"${"x".repeat(200)}"}\n`;
      const small = convert(["--type", "TextContent", "--max-message-bytes", "100"], big);
      assert.equal(small.status, 1);
      assert.match(small.stderr, /line 1: .*--max-message-bytes limit of 100 bytes/);
      const huge = convert(["--type", "TextContent"], `{"type":"text","text":"${"x".repeat(17 << 20)}"}\n`);
      assert.equal(huge.status, 1);
      assert.match(huge.stderr, /--max-message-bytes limit of 16777216/);
      const nested = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"e","arguments":{"a":${"[".repeat(20)}${"]".repeat(20)}}}}\n`;
      const shallow = convert(["--max-depth", "8", ...v], nested);
      assert.equal(shallow.status, 1);
      assert.match(shallow.stderr, /line 1: cannot convert: nested deeper than the --max-depth limit of 8/);
      assert.equal(convert(v, nested).status, 0);
      const deep = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"e","arguments":{"a":${"[".repeat(300)}${"]".repeat(300)}}}}\n`;
      const tooDeep = convert(v, deep);
      assert.equal(tooDeep.status, 1);
      assert.match(tooDeep.stderr, /nested deeper than 256/);
      assert.equal(convert(["--max-depth", "300"], "{}\n").status, 2);
      assert.equal(convert(["--max-message-bytes", "0"], "{}\n").status, 2);
      // Binary in: the announced length is checked before the message is read.
      const binary = convert(
        ["--type", "TextContent", "--from", "binary", "--to", "json", "--max-message-bytes", "10"],
        Buffer.from([0x80, 0x01, 0x0a]),
      );
      assert.equal(binary.status, 1);
      assert.match(binary.stderr, /message 1: .*128 bytes are over the --max-message-bytes limit of 10/);
    });
  });

  describe("fuzz: the MCP face's stdio, each bad line followed by a good call on the same connection", () => {
    let gateway: Gateway;
    let face: StdioFace;

    before(async () => {
      gateway = await startGateway({
        upstreams: new Map([["surrogates", { command: process.execPath, args: [surrogateServer] }]]),
        logger: createLogger({ level: "error", sink: () => {} }),
      });
      face = new StdioFace(gateway.url);
      await face.initialize();
    });
    after(async () => {
      await face?.close();
      await gateway?.close();
    });

    it("truncated, mutated and invalid-UTF-8 lines, deep nesting, wrong types, odd ids and methods", async () => {
      const good = echoCall(0, "x", "good");
      const encoder = new TextEncoder();
      const field = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom("\\ud800", "\\udc00\\ud800", "\\u0000", "\\uffff"),
        fc.constant(`${"[".repeat(400)}${"]".repeat(400)}`),
      );
      const rawField = field.map((f) =>
        typeof f === "string" && f.startsWith("\\")
          ? `"${f}"`
          : typeof f === "string" && f.startsWith("[")
            ? f
            : JSON.stringify(f),
      );
      const line = fc.oneof(
        // Truncated or mutated good calls, as bytes (so invalid UTF-8 too).
        fc
          .tuple(fc.nat(good.length), fc.uint8Array({ maxLength: 4 }))
          .map(([at, junk]) => Buffer.concat([encoder.encode(good.slice(0, at)), junk])),
        fc
          .uint8Array({ minLength: 1, maxLength: 64 })
          .map((b) => Buffer.from(b.map((x) => (x === 0x0a ? 0xff : x)))),
        // Structurally JSON-RPC, with any value in each field.
        fc
          .record({
            id: rawField,
            method: fc.oneof(
              fc.constantFrom(
                '"tools/call"',
                '"tools/list"',
                '"resources/read"',
                '"prompts/get"',
                '"nope/x"',
                '"ping"',
              ),
              rawField,
            ),
            name: fc.oneof(fc.constantFrom('"bad"', '"good"', '"err"', '"notify"', '"\\ud800"'), rawField),
            args: rawField,
            params: fc.option(rawField),
          })
          .map(
            ({ id, method, name, args, params }) =>
              `{"jsonrpc":"2.0","id":${id},"method":${method},"params":${params ?? `{"name":${name},"arguments":${args}}`}}`,
          ),
        fc.constant(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":${"[".repeat(5000)}`),
      );
      let n = 0;
      await fc.assert(
        fc.asyncProperty(line, async (bad) => {
          n++;
          face.write(typeof bad === "string" ? `${bad}\n` : Buffer.concat([bad, Buffer.from("\n")]));
          const id = `good-${n}`;
          const reply = await face.ask(id, good.replace('"id":0', `"id":"${id}"`));
          assert.equal(reply.result?.content?.[0]?.text, "ok", JSON.stringify(reply));
          assert.ok(face.alive, "the face is alive");
        }),
        {
          numRuns: Number(process.env.FUZZ_RUNS ?? 300),
          interruptAfterTimeLimit: 8_000,
          markInterruptAsFailure: false,
        },
      );
      process.stderr.write(`containment fuzz: ${n} bad stdio lines, each followed by a good call\n`);
      const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
      assert.equal(
        (await client.callTool({ name: "good", arguments: "{}" })).content[0]?.value.case,
        "textContent",
      );
    });
  });
});
