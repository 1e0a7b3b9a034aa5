/**
 * Access rules under attack, with the upstream as the oracle. A recording MCP server (the official
 * SDK's `McpServer` over Streamable HTTP) keeps every JSON-RPC message it receives; a gateway with
 * a rule set sits in front of it, and an MCP face in front of the gateway. For each identity,
 * fast-check generates calls over every path (unary RPCs, `Call`, `Exchange`, the face's HTTP in
 * both revisions), protocol (gRPC, Connect binary and JSON, gRPC-Web) and encoding (typed fields,
 * `paramsJson`, `additionalProperties` shadowing, byte-order mark and whitespace, duplicate keys,
 * URI spellings, name variants), and checks two things against what the recorder got:
 *
 * - safety: no request the rules deny reaches it, judged on the upstream's own reading of the
 *   request (the name as sent; the URI as `new URL()` reads it, host compared case-insensitively),
 *   independently of the gateway's code;
 * - liveness: every call the rules allow reaches it.
 *
 * The cases are named tests first.
 */
import assert from "node:assert/strict";
import { encodeHeaderValue } from "../../src/jsonrpc/http-client.js";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient, type Interceptor, type Transport } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import fc from "fast-check";
import { z } from "zod";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  type AuthConfig,
  canonicalUri,
  decide,
  parseCredentials,
  type ToolRule,
} from "../../src/auth/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

type Json = Record<string, unknown>;
type Identity = "alice" | "bob" | "admin";

const TOKENS: Record<Identity, string> = {
  alice: "alice-token-0123456789",
  bob: "bob-token-9876543210",
  admin: "admin-token-5555555555",
};
const RULES: ToolRule[] = [
  {
    identity: "alice",
    allow: ["echo", "get-sum"],
    allowResources: ["demo://resource/static/*"],
    denyPrompts: ["secret-*"],
  },
  { identity: "bob", deny: ["get-env"], denyResources: ["demo://resource/dynamic/*"] },
];
const config: AuthConfig = {
  credentials: parseCredentials(
    Object.entries(TOKENS)
      .map(([id, t]) => `${id}:${t}`)
      .join(","),
  ),
  rules: RULES,
};

// ---- The oracle: the rules as the upstream reads a request, written without the gateway's code.

/**
 * The URI as the SDK's server reads it (`new URL(uri)`), with what RFC 3986 says names the same
 * resource folded in (escapes of unreserved characters, host case); undefined if it reads none.
 */
function upstreamView(uri: string): string | undefined {
  const unescaped = uri.replace(/%([0-9A-Fa-f]{2})/g, (escaped, hex: string) => {
    const c = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : escaped;
  });
  try {
    return new URL(unescaped).href.replace(
      /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i,
      (_, s, h) => s + h.toLowerCase(),
    );
  } catch {
    return undefined;
  }
}
const ORACLE = {
  tool: (id: Identity, name: string) =>
    id === "alice" ? name === "echo" || name === "get-sum" : id === "bob" ? name !== "get-env" : true,
  prompt: (id: Identity, name: string) => id !== "alice" || !name.startsWith("secret-"),
  resource: (id: Identity, view: string) =>
    id === "alice"
      ? view.startsWith("demo://resource/static/")
      : id === "bob"
        ? !view.startsWith("demo://resource/dynamic/")
        : true,
};
/** Whether the upstream, reading `message`, would do something the rules deny `id`. */
function violates(id: Identity, message: Json): string | undefined {
  const params = (message.params ?? {}) as Json;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  switch (message.method) {
    case "tools/call": {
      const name = str(params.name);
      return name !== undefined && !ORACLE.tool(id, name) ? `tool ${name}` : undefined;
    }
    case "prompts/get": {
      const name = str(params.name);
      return name !== undefined && !ORACLE.prompt(id, name) ? `prompt ${name}` : undefined;
    }
    case "resources/read":
    case "resources/subscribe":
    case "resources/unsubscribe": {
      const uri = str(params.uri);
      const view = uri === undefined ? undefined : upstreamView(uri);
      return view !== undefined && !ORACLE.resource(id, view) ? `resource ${uri}` : undefined;
    }
    default:
      return undefined;
  }
}
const GOVERNED = new Set([
  "tools/call",
  "prompts/get",
  "resources/read",
  "resources/subscribe",
  "resources/unsubscribe",
]);

// ---- The recording upstream.

class Recorder {
  readonly messages: Json[] = [];
  readonly ran: string[] = [];
  private server: Server | undefined;
  url = "";

  private mcp(): McpServer {
    const server = new McpServer({ name: "recorder", version: "1.0.0" });
    for (const name of ["echo", "get-sum", "get-env", "get-tiny"]) {
      server.registerTool(name, { inputSchema: { message: z.string().optional() } }, async () => {
        this.ran.push(`tool ${name}`);
        return { content: [{ type: "text", text: `ran ${name}` }] };
      });
    }
    for (const name of ["greet", "secret-plan"]) {
      server.registerPrompt(name, {}, () => {
        this.ran.push(`prompt ${name}`);
        return { messages: [{ role: "user", content: { type: "text", text: name } }] };
      });
    }
    server.registerResource("static", "demo://resource/static/a", {}, (uri) => {
      this.ran.push(`resource ${uri.href}`);
      return { contents: [{ uri: uri.href, text: "a" }] };
    });
    for (const kind of ["text", "blob"]) {
      server.registerResource(
        kind,
        new ResourceTemplate(`demo://resource/dynamic/${kind}/{id}`, { list: undefined }),
        {},
        (uri) => {
          this.ran.push(`resource ${uri.href}`);
          return { contents: [{ uri: uri.href, text: "dynamic" }] };
        },
      );
    }
    return server;
  }

  async start(): Promise<void> {
    const transports = new Map<string, StreamableHTTPServerTransport>();
    this.server = createServer((req, res) => {
      const sid = req.headers["mcp-session-id"];
      let transport = typeof sid === "string" ? transports.get(sid) : undefined;
      const ready = (async () => {
        if (transport !== undefined) return transport;
        const made: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
          sessionIdGenerator: randomUUID,
          onsessioninitialized: (id) => void transports.set(id, made),
        });
        await this.mcp().connect(made);
        const handle = made.onmessage;
        made.onmessage = (message, extra) => {
          this.messages.push(structuredClone(message) as Json);
          handle?.(message, extra);
        };
        transport = made;
        return made;
      })();
      void ready.then((t) => t.handleRequest(req, res)).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/mcp`;
  }

  /** The governed requests received since `mark`. */
  governedSince(mark: number): Json[] {
    return this.messages.slice(mark).filter((m) => GOVERNED.has(String(m.method)) && m.id !== undefined);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

// ---- Clients.

const bearer =
  (token: string): Interceptor =>
  (next) =>
  (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };

type Protocol = "grpc" | "connect" | "connect-json" | "grpc-web";
const PROTOCOLS: Protocol[] = ["grpc", "connect", "connect-json", "grpc-web"];

/** A transport; HTTP/1.1 for Connect JSON and gRPC-Web except for bidi streams, which need HTTP/2. */
function transportFor(url: string, protocol: Protocol, token: string, bidi = false): Transport {
  const interceptors = [bearer(token)];
  const httpVersion = bidi ? "2" : "1.1";
  switch (protocol) {
    case "grpc":
      return createGrpcTransport({ baseUrl: url, interceptors });
    case "connect":
      return createConnectTransport({ baseUrl: url, httpVersion: "2", useBinaryFormat: true, interceptors });
    case "connect-json":
      return createConnectTransport({ baseUrl: url, httpVersion, interceptors });
    default:
      return createGrpcWebTransport({ baseUrl: url, httpVersion, interceptors });
  }
}

/** The outcome of a call: "ok", a Connect code name, or an HTTP status for the face. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return Code[ConnectError.from(error).code] ?? "unknown";
  }
}

const drain = async (stream: AsyncIterable<unknown>) => {
  for await (const _ of stream);
};

/** A request as one binary message may carry it. */
interface Target {
  method: "tools/call" | "prompts/get" | "resources/read" | "resources/subscribe";
  /** The name or URI as sent. */
  value: string;
  /** Whether the rules allow it (undefined: the spelling cannot be read, refused under any rule). */
  allowed: (id: Identity) => boolean;
}

const PARAM_CASE: Record<Target["method"], string> = {
  "tools/call": "callToolRequestParams",
  "prompts/get": "getPromptRequestParams",
  "resources/read": "readResourceRequestParams",
  "resources/subscribe": "subscribeRequestParams",
};
const keyOf = (t: Target) => (t.method === "tools/call" || t.method === "prompts/get" ? "name" : "uri");

type Encoding =
  | "typed"
  | "paramsJson"
  | "paramsJson-spaced"
  | "shadow-field"
  | "shadow-method"
  | "shadow-params";
/** Encodings that write the target twice; the rules may refuse them outright (no liveness). */
const SHADOWS = new Set<Encoding>(["shadow-field", "shadow-method", "shadow-params"]);
const DECOY: Record<Target["method"], string> = {
  "tools/call": "echo",
  "prompts/get": "greet",
  "resources/read": "demo://resource/static/a",
  "resources/subscribe": "demo://resource/static/a",
};

let nextId = 1n;
/** The `JSONRPCRequest` init for `target` in `encoding`. */
function requestInit(target: Target, encoding: Encoding): Json {
  const key = keyOf(target);
  const id = { value: { case: "number", value: nextId++ } };
  const typed = (value: string, extra?: Json) => ({
    case: PARAM_CASE[target.method],
    value: { [key]: value, ...(extra === undefined ? {} : { additionalProperties: extra }) },
  });
  switch (encoding) {
    case "typed":
      return { id, method: target.method, params: typed(target.value) };
    case "paramsJson":
      return {
        id,
        method: target.method,
        params: { case: "paramsJson", value: JSON.stringify({ [key]: target.value }) },
      };
    case "paramsJson-spaced":
      return {
        id,
        method: target.method,
        params: {
          case: "paramsJson",
          value: `\n\t ${JSON.stringify({ [key]: target.value }, null, 2)} \r\n`,
        },
      };
    case "shadow-field":
      return {
        id,
        method: target.method,
        params: typed(DECOY[target.method], { [key]: JSON.stringify(target.value) }),
      };
    case "shadow-method":
      return {
        id,
        method: "ping",
        params: { case: "paramsJson", value: "{}" },
        additionalProperties: {
          method: JSON.stringify(target.method),
          params: JSON.stringify({ [key]: target.value }),
        },
      };
    default:
      return {
        id,
        method: target.method,
        params: typed(DECOY[target.method]),
        additionalProperties: { params: JSON.stringify({ [key]: target.value }) },
      };
  }
}

type BinaryPath = "unary" | "call" | "exchange";

/** Sends `target` over `path` as `identity`. */
function sendBinary(
  gateway: Gateway,
  protocol: Protocol,
  identity: Identity,
  path: BinaryPath,
  target: Target,
  encoding: Encoding,
): Promise<string> {
  const client = createClient(
    McpService,
    transportFor(gateway.url, protocol, TOKENS[identity], path === "exchange"),
  );
  const key = keyOf(target);
  if (path === "unary") {
    const extra =
      encoding === "shadow-field" ? { additionalProperties: { [key]: JSON.stringify(target.value) } } : {};
    const value = encoding === "shadow-field" ? DECOY[target.method] : target.value;
    switch (target.method) {
      case "tools/call":
        return outcome(() => client.callTool({ name: value, ...extra } as never));
      case "prompts/get":
        return outcome(() => client.getPrompt({ name: value, ...extra } as never));
      case "resources/read":
        return outcome(() => client.readResource({ uri: value, ...extra } as never));
      default:
        return outcome(() => client.subscribe({ uri: value, ...extra } as never));
    }
  }
  const request = requestInit(target, encoding);
  if (path === "call") return outcome(() => drain(client.call(request as never)));
  const first = create(JSONRPCMessageSchema, { value: { case: "jsonrpcRequest", value: request as never } });
  async function* input(): AsyncGenerator<JSONRPCMessage> {
    yield first;
  }
  return outcome(() => drain(client.exchange(input())));
}

// ---- Targets: names and URIs, in every spelling.

const toolTarget = (value: string): Target => ({
  method: "tools/call",
  value,
  allowed: (id) => ORACLE.tool(id, value),
});
const promptTarget = (value: string): Target => ({
  method: "prompts/get",
  value,
  allowed: (id) => ORACLE.prompt(id, value),
});

const TOOL_NAMES = [
  "echo",
  "get-sum",
  "get-env",
  "get-tiny",
  "GET-ENV",
  "get-env ",
  " get-env",
  "get\u2011env",
  "get-env\u0000",
  "",
];
const PROMPT_NAMES = ["greet", "secret-plan", "SECRET-plan", "secret-"];
const BASE_URIS = [
  "demo://resource/static/a",
  "demo://resource/dynamic/text/1",
  "demo://resource/dynamic/blob/2",
];

/** Spellings of a URI that RFC 3986 normalisation maps back to it. */
const EQUIVALENT: ((uri: string) => string)[] = [
  (u) => u,
  (u) => u.replace(/^demo/, "DEMO"),
  (u) => u.replace("//resource/", "//RESOURCE/"),
  (u) => u.replace("//resource/", "//resource/./"),
  (u) => u.replace("//resource/", "//resource/x/../"),
  (u) => u.replace("//resource/", "//resource/static/%2E%2E/"),
  (u) => u.replace("/resource/", "/%72esource/"),
  (u) => u.replace(/(dynamic|static)/, (m) => `%${m.charCodeAt(0).toString(16)}${m.slice(1)}`),
  (u) => u.replace(/(dynamic|static)\//, "$1/./"),
  (u) => u.replace(/(dynamic|static)\//, "$1/y/z/../../"),
];
/** Spellings no single reading exists for: refused whenever a resource rule applies. */
const UNREADABLE: ((uri: string) => string)[] = [
  (u) => ` ${u}`,
  (u) => `${u}\n`,
  (u) => u.replace("dynamic", "dyn\tamic").replace("static", "sta\tic"),
  (u) => u.replace("/resource/", "/resource\\"),
  (u) => u.replace("resource", "re%zzsource"),
];

const resourceTarget = fc
  .tuple(
    fc.constantFrom(...BASE_URIS),
    fc.oneof(
      fc.constantFrom(...EQUIVALENT).map((f) => ({ f, readable: true })),
      fc.constantFrom(...UNREADABLE).map((f) => ({ f, readable: false })),
    ),
    fc.constantFrom<Target["method"]>("resources/read", "resources/subscribe"),
  )
  .map(
    ([base, { f, readable }, method]): Target => ({
      method,
      value: f(base),
      allowed: (id) => (readable ? ORACLE.resource(id, base) : id === "admin"),
    }),
  );

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.constantFrom(...TOOL_NAMES).map(toolTarget),
  fc.constantFrom(...PROMPT_NAMES).map(promptTarget),
  resourceTarget,
);
const identity = fc.constantFrom<Identity>("alice", "bob", "admin");

/** Safety for everything received since `mark`; liveness when `expectReached`. */
function judge(
  recorder: Recorder,
  mark: number,
  id: Identity,
  target: Target,
  result: string,
  liveness: boolean,
  what: string,
): void {
  const received = recorder.governedSince(mark);
  for (const message of received) {
    const bad = violates(id, message);
    assert.equal(
      bad,
      undefined,
      `${what}: the upstream received a denied request (${bad}) as ${id}: ${JSON.stringify(message)}`,
    );
  }
  if (!liveness) return;
  const allowed = target.allowed(id);
  const key = keyOf(target);
  const reached = received.some(
    (m) => m.method === target.method && ((m.params ?? {}) as Json)[key] === target.value,
  );
  if (allowed) assert.ok(reached, `${what}: an allowed call did not reach the upstream (${result})`);
  else {
    assert.equal(received.length, 0, `${what}: a denied call reached the upstream`);
    assert.ok(/PermissionDenied|403/.test(result), `${what}: refused as ${result}, not permission_denied`);
  }
}

describe("access: attacks on the rules, with a recording upstream as the oracle", function () {
  this.timeout(120_000);
  const recorder = new Recorder();
  let gateway: Gateway;
  let face: McpFace;
  let aliceFace: McpFace;

  before(async () => {
    await recorder.start();
    const logger = createLogger({ level: "error" });
    gateway = await startGateway({
      upstreams: new Map([["recorder", { url: recorder.url }]]),
      logger,
      auth: { ...config, maxConcurrentPerCaller: Number.POSITIVE_INFINITY },
    });
    // The face has the same rules for its HTTP callers, and reaches the gateway as admin.
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: {},
      auth: config,
      upstreamToken: TOKENS.admin,
      logger,
    });
    // A face without rules of its own, reaching the gateway as alice: the gateway's rules hold.
    aliceFace = await serveMcpFace({
      upstream: gateway.url,
      listen: {},
      upstreamToken: TOKENS.alice,
      logger,
    });
  });
  after(async () => {
    await aliceFace?.close();
    await face?.close();
    await gateway?.close();
    await recorder.close();
  });

  /** Runs `send`, then judges what reached the recorder. */
  async function attempt(
    id: Identity,
    t: Target,
    liveness: boolean,
    what: string,
    send: () => Promise<string>,
  ): Promise<string> {
    const mark = recorder.messages.length;
    const result = await send();
    judge(recorder, mark, id, t, result, liveness, what);
    return result;
  }

  describe("the issue's cases", () => {
    it("Exchange: alice's first message tools/call get-env is refused, nothing reaches the upstream", async () => {
      const result = await attempt("alice", toolTarget("get-env"), true, "exchange", () =>
        sendBinary(gateway, "grpc", "alice", "exchange", toolTarget("get-env"), "typed"),
      );
      assert.equal(result, "PermissionDenied");
      assert.ok(!recorder.ran.includes("tool get-env"));
    });

    it("Exchange: alice's resources/read of a denied URI is refused", async () => {
      const denied: Target = {
        method: "resources/read",
        value: "demo://resource/dynamic/text/1",
        allowed: () => false,
      };
      assert.equal(
        await attempt("alice", denied, true, "exchange", () =>
          sendBinary(gateway, "grpc", "alice", "exchange", denied, "typed"),
        ),
        "PermissionDenied",
      );
    });

    it("MCP face over Exchange: a face reaching the gateway as alice cannot call get-env", async () => {
      const client = new Client({ name: "attack", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(aliceFace.url ?? "")));
      try {
        const mark = recorder.messages.length;
        const denied = await client.callTool({ name: "get-env", arguments: {} }).then(
          (r) => JSON.stringify(r),
          (e: unknown) => String(e),
        );
        assert.match(denied, /may not call tool 'get-env'|-32003|permission/i);
        assert.equal(recorder.governedSince(mark).length, 0);
        const echo = await client.callTool({ name: "echo", arguments: { message: "hi" } });
        assert.match(JSON.stringify(echo), /ran echo/);
      } finally {
        await client.close();
      }
    });

    it("Call: bob's tools/call get-env with params as paramsJson is refused (not checked as tool '')", async () => {
      for (const encoding of ["paramsJson", "paramsJson-spaced"] as const) {
        const result = await attempt("bob", toolTarget("get-env"), true, encoding, () =>
          sendBinary(gateway, "grpc", "bob", "call", toolTarget("get-env"), encoding),
        );
        assert.equal(result, "PermissionDenied");
      }
    });

    it("MCP face: a tools/call body starting with a UTF-8 BOM is refused with 403, not served", async () => {
      const response = await facePost(face.url!, "alice", "2026", "bom", toolTarget("get-env"));
      assert.equal(response.status, 403);
      const allowed = await facePost(face.url!, "alice", "2026", "bom", toolTarget("echo"));
      assert.equal(allowed.status, 200);
      assert.ok(!recorder.ran.includes("tool get-env"));
    });

    it("URIs in canonical form: bob may not read DEMO://resource/dynamic/text/1 nor demo://resource/./dynamic/text/1", async () => {
      assert.equal(canonicalUri("DEMO://resource/dynamic/text/1"), "demo://resource/dynamic/text/1");
      for (const uri of ["DEMO://resource/dynamic/text/1", "demo://resource/./dynamic/text/1"]) {
        const t: Target = { method: "resources/read", value: uri, allowed: () => false };
        for (const protocol of PROTOCOLS) {
          assert.equal(
            await attempt("bob", t, true, uri, () =>
              sendBinary(gateway, protocol, "bob", "unary", t, "typed"),
            ),
            "PermissionDenied",
          );
        }
        assert.equal((await facePost(face.url!, "bob", "2026", "plain", t)).status, 403);
      }
    });

    it("additionalProperties shadowing: alice's CallTool echo carrying name get-env never runs get-env", async () => {
      for (const path of ["unary", "call", "exchange"] as const) {
        const result = await attempt("alice", toolTarget("get-env"), false, path, () =>
          sendBinary(gateway, "grpc", "alice", path, toolTarget("get-env"), "shadow-field"),
        );
        // The transcoder refuses a message whose extra entries shadow a field: the caller's error.
        if (path === "unary") assert.equal(result, "InvalidArgument", path);
        else assert.notEqual(result, "ok", path);
      }
      const result = await attempt("alice", toolTarget("get-env"), false, "method", () =>
        sendBinary(gateway, "connect", "alice", "call", toolTarget("get-env"), "shadow-method"),
      );
      assert.notEqual(result, "ok");
      assert.ok(!recorder.ran.includes("tool get-env"));
    });

    it("the decision fails closed on what it cannot read", () => {
      const denied = (method: string, params: unknown) => decide(config, "bob", method, params) !== undefined;
      assert.ok(denied("tools/call", {}));
      assert.ok(denied("tools/call", { name: 7 }));
      assert.ok(denied("tools/call", []));
      assert.ok(denied("Tools/Call", { name: "echo" }));
      assert.ok(denied("resources/read", { uri: "demo://resource/%zz" }));
      assert.ok(
        denied("subscriptions/listen", {
          notifications: { resourceSubscriptions: ["DEMO://resource/dynamic/x"] },
        }),
      );
      assert.ok(
        denied("completion/complete", {
          ref: { type: "ref/resource", uri: "demo://resource/dynamic/text/{id}" },
        }),
      );
      assert.ok(!denied("tools/call", { name: "echo" }));
      assert.ok(!denied("ping", undefined));
      assert.equal(decide(config, "admin", "tools/call", {}), undefined);
    });
  });

  describe("generated attacks", () => {
    const paths = fc.constantFrom<BinaryPath>("unary", "call", "exchange");
    const encodings = fc.constantFrom<Encoding>(
      "typed",
      "paramsJson",
      "paramsJson-spaced",
      "shadow-field",
      "shadow-method",
      "shadow-params",
    );

    it("binary face: every path, protocol and encoding", async () => {
      await fc.assert(
        fc.asyncProperty(
          identity,
          target,
          fc.constantFrom(...PROTOCOLS),
          paths,
          encodings,
          async (id, t, protocol, path, encoding) => {
            const enc = path === "unary" && encoding !== "shadow-field" ? "typed" : encoding;
            await attempt(
              id,
              t,
              !SHADOWS.has(enc),
              `${protocol} ${path} ${enc} ${t.method} ${JSON.stringify(t.value)}`,
              () => sendBinary(gateway, protocol, id, path, t, enc),
            );
          },
        ),
        { numRuns: 500 },
      );
    });

    it("MCP face over HTTP: both revisions, BOM, whitespace, duplicate keys, batches", async () => {
      await fc.assert(
        fc.asyncProperty(
          identity,
          target,
          fc.constantFrom<Revision>("2026", "2025"),
          fc.constantFrom<Spelling>("plain", "bom", "spaced", "pretty", "duplicate", "batch"),
          async (id, t, revision, spelling) => {
            // 2026-07-28 has no resources/subscribe (subscriptions/listen replaced it).
            if (revision === "2026" && t.method === "resources/subscribe") return;
            const result = await attempt(
              id,
              t,
              spelling !== "batch",
              `face ${revision} ${spelling} ${t.method} ${JSON.stringify(t.value)}`,
              async () => {
                const response = await facePost(face.url!, id, revision, spelling, t);
                await response.text();
                return response.status === 403 ? "403" : String(response.status);
              },
            );
            if (spelling === "batch") assert.notEqual(result, "200");
          },
        ),
        { numRuns: 250 },
      );
    });
  });
});

// ---- The MCP face over HTTP, spoken byte by byte.

type Revision = "2025" | "2026";
type Spelling = "plain" | "bom" | "spaced" | "pretty" | "duplicate" | "batch";
const sessions = new Map<string, string>();

async function sessionOf(url: string, id: Identity): Promise<string> {
  const key = `${url} ${id}`;
  const known = sessions.get(key);
  if (known !== undefined) return known;
  const headers = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    authorization: `Bearer ${TOKENS[id]}`,
  };
  const init = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: {
        protocolVersion: "2025-11-25",
        capabilities: {},
        clientInfo: { name: "attack", version: "1" },
      },
    }),
  });
  await init.text();
  const session = init.headers.get("mcp-session-id") ?? "";
  await (
    await fetch(url, {
      method: "POST",
      headers: { ...headers, "mcp-session-id": session, "mcp-protocol-version": "2025-11-25" },
      body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
    })
  ).text();
  sessions.set(key, session);
  return session;
}

let faceId = 1;
async function facePost(
  url: string,
  id: Identity,
  revision: Revision,
  spelling: Spelling,
  t: Target,
): Promise<Response> {
  const key = keyOf(t);
  const meta =
    revision === "2026" ? { _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } } : {};
  const request = { jsonrpc: "2.0", id: faceId++, method: t.method, params: { [key]: t.value, ...meta } };
  let body: string;
  switch (spelling) {
    case "bom":
      body = `\uFEFF${JSON.stringify(request)}`;
      break;
    case "spaced":
      body = ` \r\n\t${JSON.stringify(request)}\n `;
      break;
    case "pretty":
      body = JSON.stringify(
        { params: request.params, method: request.method, id: request.id, jsonrpc: "2.0" },
        null,
        3,
      );
      break;
    case "duplicate": {
      // The decoy first: a JSON parser keeps the last of two keys of one name.
      const params = JSON.stringify(request.params).slice(1);
      body = JSON.stringify(request).replace(
        /"params":\{.*\}\}$/,
        `"params":{${JSON.stringify(key)}:${JSON.stringify(DECOY[t.method])},${params}}`,
      );
      break;
    }
    case "batch":
      body = JSON.stringify([request]);
      break;
    default:
      body = JSON.stringify(request);
  }
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    authorization: `Bearer ${TOKENS[id]}`,
  };
  if (revision === "2026") {
    headers["mcp-protocol-version"] = "2026-07-28";
    headers["mcp-method"] = t.method;
    if (["tools/call", "prompts/get", "resources/read"].includes(t.method))
      headers["mcp-name"] = encodeHeaderValue(String(t.value));
  } else {
    headers["mcp-protocol-version"] = "2025-11-25";
    headers["mcp-session-id"] = await sessionOf(url, id);
  }
  return fetch(url, { method: "POST", headers, body: Buffer.from(body, "utf8") });
}
