/**
 * Access control on both faces, in front of the real server-everything: the gateway's interceptor
 * (Unauthenticated / PermissionDenied, no upstream reached) and the MCP face's HTTP guard (401 / 403
 * with a JSON-RPC error body), tokens never in the logs; per-resource rules, and lists that show
 * each caller only the tools and resources its rules let it use.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  type AuthConfig,
  authenticate,
  loadAuthConfig,
  mayCallTool,
  mayUseResource,
  parseCredentials,
  parseRules,
} from "../../src/auth/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

const ARCHITECTURE = "demo://resource/static/document/architecture.md";
const FEATURES = "demo://resource/static/document/features.md";
const BLOB = "demo://resource/dynamic/blob/1";
const TEXT = "demo://resource/dynamic/text/1";
const ADMIN = "admin-token-0123456789";
const READER = "reader-token-9876543210";
const config: AuthConfig = {
  credentials: parseCredentials(`admin:${ADMIN},reader:${READER}`),
  rules: [
    { identity: "reader", allow: ["echo", "get-*"] },
    { identity: "*", deny: ["trigger-long-running-operation"] },
    { identity: "reader", denyResources: [ARCHITECTURE, "demo://resource/dynamic/blob/*"] },
  ],
};

function bearer(token: string): Interceptor {
  return (next) => (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
}

async function code(promise: Promise<unknown>): Promise<Code | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return ConnectError.from(error).code;
  }
}

describe("auth: tokens and rules", () => {
  it("authenticates by constant-time digest and applies allow/deny by identity", () => {
    assert.equal(authenticate(config, ADMIN), "admin");
    assert.equal(authenticate(config, READER), "reader");
    assert.equal(authenticate(config, "nope"), undefined);
    assert.equal(authenticate(config, undefined), undefined);
    assert.equal(mayCallTool(config, "admin", "anything"), true);
    assert.equal(mayCallTool(config, "admin", "trigger-long-running-operation"), false);
    assert.equal(mayCallTool(config, "reader", "echo"), true);
    assert.equal(mayCallTool(config, "reader", "get-sum"), true);
    assert.equal(mayCallTool(config, "reader", "toggle-logging"), false);
    assert.equal(mayUseResource(config, "reader", ARCHITECTURE), false);
    assert.equal(mayUseResource(config, "reader", BLOB), false);
    assert.equal(mayUseResource(config, "reader", FEATURES), true);
    assert.equal(mayUseResource(config, "admin", ARCHITECTURE), true);
    const only = { credentials: [], rules: [{ identity: "*", allowResources: ["file:///pub/*"] }] };
    assert.equal(mayUseResource(only, "x", "file:///pub/a/b.txt"), true);
    assert.equal(mayUseResource(only, "x", "file:///etc/passwd"), false);
    assert.equal(mayCallTool(only, "x", "any-tool"), true);
  });

  it("reads credentials from an environment variable and refuses an empty one", () => {
    assert.deepEqual(loadAuthConfig({ tokenEnv: "T" }, { T: "abc" }).credentials, [
      { identity: "default", token: "abc" },
    ]);
    assert.throws(() => loadAuthConfig({ tokenEnv: "T" }, {}), /T is unset/);
    assert.throws(() => parseRules({ rules: [{ allow: ["x"] }] }), /identity/);
    assert.deepEqual(parseRules({ rules: [{ identity: "a", denyResources: ["file:///*"] }] }), [
      { identity: "a", denyResources: ["file:///*"] },
    ]);
    assert.throws(() => parseRules([{ identity: "a", allowResources: "x" }]), /allowResources/);
  });
});

describe("auth: on the gateway and the MCP face (server-everything)", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  let face: McpFace;
  const lines: string[] = [];
  const logger = createLogger({ level: "warn", sink: (line) => lines.push(line) });

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger,
      auth: config,
    });
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: { port: 0 },
      auth: config,
      upstreamToken: ADMIN,
      logger,
    });
  });
  after(async () => {
    await face?.close();
    await gateway?.close();
  });

  const client = (...interceptors: Interceptor[]) =>
    createClient(McpService, createGrpcTransport({ baseUrl: gateway.url, interceptors }));

  it("refuses calls without a valid token with Unauthenticated, before any upstream", async () => {
    const upstream = gateway.upstreams.get("everything")!;
    const request = upstream.request.bind(upstream);
    let reached = 0;
    upstream.request = ((...args: Parameters<typeof request>) => {
      reached++;
      return request(...args);
    }) as typeof upstream.request;
    try {
      assert.equal(await code(client().listTools({})), Code.Unauthenticated);
      assert.equal(await code(client(bearer("wrong")).listTools({})), Code.Unauthenticated);
      const connect = createClient(
        McpService,
        createConnectTransport({ baseUrl: gateway.url, httpVersion: "1.1" }),
      );
      assert.equal(await code(connect.callTool({ name: "echo" })), Code.Unauthenticated);
      const stream = client().call({ method: "tools/call" });
      assert.equal(
        await code(
          (async () => {
            for await (const _ of stream);
          })(),
        ),
        Code.Unauthenticated,
      );
      assert.equal(reached, 0);
      const tools = await client(bearer(ADMIN)).listTools({});
      assert.ok(tools.tools.length);
      assert.equal(reached, 1);
    } finally {
      upstream.request = request;
    }
    assert.ok(lines.some((l) => l.includes("not authenticated")));
    assert.ok(!lines.some((l) => l.includes(ADMIN) || l.includes("wrong")));
  });

  it("applies per-tool rules with PermissionDenied on CallTool and on the Call stream", async () => {
    const reader = client(bearer(READER));
    const echo = await reader.callTool({ name: "echo", arguments: '{"message":"hi"}' });
    assert.ok(echo.content.length);
    assert.equal(await code(reader.callTool({ name: "toggle-simulated-logging" })), Code.PermissionDenied);
    const stream = reader.call({
      id: { value: { case: "number", value: 1n } },
      method: "tools/call",
      params: { case: "callToolRequestParams", value: { name: "toggle-simulated-logging" } },
    });
    assert.equal(
      await code(
        (async () => {
          for await (const _ of stream);
        })(),
      ),
      Code.PermissionDenied,
    );
    assert.ok(lines.some((l) => l.includes("tool not allowed") && l.includes('"caller":"reader"')));
    assert.ok(!lines.some((l) => l.includes(READER)));
  });

  it("answers the MCP face with 401 and 403 and JSON-RPC error bodies", async () => {
    const post = (body: unknown, token?: string) =>
      fetch(face.url!, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": "2026-07-28",
          "mcp-method": "tools/call",
          "mcp-name": String((body as { params?: { name?: unknown } }).params?.name ?? ""),
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
      });
    const call = (name: string) => ({
      jsonrpc: "2.0",
      id: 7,
      method: "tools/call",
      params: { name, arguments: {}, _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } },
    });
    const none = await post(call("echo"));
    assert.equal(none.status, 401);
    assert.match(none.headers.get("www-authenticate") ?? "", /Bearer/);
    const body = (await none.json()) as { error: { code: number; message: string } };
    assert.equal(body.error.code, -32001);
    const denied = await post(call("toggle-simulated-logging"), READER);
    assert.equal(denied.status, 403);
    assert.deepEqual(((await denied.json()) as { id: unknown }).id, 7);
    const allowed = await post(
      { ...call("echo"), params: { ...call("echo").params, arguments: { message: "hi" } } },
      READER,
    );
    assert.equal(allowed.status, 200, await allowed.clone().text());
    assert.match(await allowed.text(), /Echo: hi/);
    const batch = await post([call("echo"), call("trigger-long-running-operation")], ADMIN);
    assert.equal(batch.status, 403);
  });
});

describe("auth: per-resource rules and filtered lists (server-everything)", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  let face: McpFace;
  const lines: string[] = [];
  const logger = createLogger({ level: "warn", sink: (line) => lines.push(line) });

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger,
      auth: config,
    });
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: { port: 0 },
      auth: config,
      upstreamToken: ADMIN,
      logger,
    });
  });
  after(async () => {
    await face?.close();
    await gateway?.close();
  });

  const client = (token: string) =>
    createClient(McpService, createGrpcTransport({ baseUrl: gateway.url, interceptors: [bearer(token)] }));

  /** Counts the upstream requests `run` causes. */
  async function upstreamCalls(run: () => Promise<void>): Promise<number> {
    const upstream = gateway.upstreams.get("everything")!;
    const request = upstream.request.bind(upstream);
    let reached = 0;
    upstream.request = ((...args: Parameters<typeof request>) => {
      reached++;
      return request(...args);
    }) as typeof upstream.request;
    try {
      await run();
    } finally {
      upstream.request = request;
    }
    return reached;
  }

  const drain = async (stream: AsyncIterable<unknown>) => {
    for await (const _ of stream);
  };

  it("gateway: lists leave out refused tools, resources and templates; admin sees the rest", async () => {
    const reader = client(READER);
    const tools = (await reader.listTools({})).tools.map((t) => t.name ?? "");
    assert.ok(tools.includes("echo") && tools.includes("get-sum"), tools.join());
    assert.ok(
      tools.every((t) => t === "echo" || t.startsWith("get-")),
      tools.join(),
    );
    const adminTools = (await client(ADMIN).listTools({})).tools.map((t) => t.name ?? "");
    assert.ok(adminTools.includes("toggle-simulated-logging"), adminTools.join());
    assert.ok(!adminTools.includes("trigger-long-running-operation"), adminTools.join());

    const resources = (await reader.listResources({})).resources.map((r) => r.uri);
    assert.ok(resources.includes(FEATURES) && !resources.includes(ARCHITECTURE), resources.join());
    const adminResources = (await client(ADMIN).listResources({})).resources.map((r) => r.uri);
    assert.ok(adminResources.includes(ARCHITECTURE), adminResources.join());

    const templates = (await reader.listResourceTemplates({})).resourceTemplates.map((t) => t.uriTemplate);
    assert.deepEqual(templates, ["demo://resource/dynamic/text/{resourceId}"]);
    const adminTemplates = (await client(ADMIN).listResourceTemplates({})).resourceTemplates;
    assert.equal(adminTemplates.length, 2);
  });

  it("gateway: a list on the Call stream is filtered the same way", async () => {
    const replies = [];
    for await (const reply of client(READER).call({
      id: { value: { case: "number", value: 1n } },
      method: "tools/list",
    }))
      replies.push(reply);
    const last = replies.at(-1)?.value;
    assert.equal(last?.case, "jsonrpcResultResponse");
    const result = last.value.result;
    assert.equal(result.case, "listToolsResult");
    const names = result.value.tools.map((t) => t.name ?? "");
    assert.ok(names.includes("echo") && !names.includes("toggle-simulated-logging"), names.join());
  });

  it("gateway: refuses a denied resource with PermissionDenied on ReadResource, Subscribe and Call, no upstream", async () => {
    const reader = client(READER);
    const reached = await upstreamCalls(async () => {
      assert.equal(await code(reader.readResource({ uri: ARCHITECTURE })), Code.PermissionDenied);
      assert.equal(await code(reader.readResource({ uri: BLOB })), Code.PermissionDenied);
      assert.equal(await code(reader.subscribe({ uri: ARCHITECTURE })), Code.PermissionDenied);
      const stream = reader.call({
        id: { value: { case: "number", value: 2n } },
        method: "resources/read",
        params: { case: "readResourceRequestParams", value: { uri: ARCHITECTURE } },
      });
      assert.equal(await code(drain(stream)), Code.PermissionDenied);
    });
    assert.equal(reached, 0);
    assert.ok(lines.some((l) => l.includes("resource not allowed") && l.includes('"caller":"reader"')));
    const features = await reader.readResource({ uri: FEATURES });
    assert.ok(features.contents.length);
    const text = await reader.readResource({ uri: TEXT });
    assert.ok(text.contents.length);
    const admin = await client(ADMIN).readResource({ uri: ARCHITECTURE });
    assert.ok(admin.contents.length);
  });

  it("gateway: SubscriptionsListen drops resource updates about resources the caller may not use", async () => {
    const admin = client(ADMIN);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), 15_000);
    /** The URIs of the resource updates a caller hears until it has heard `until`. */
    const updates = async (token: string, until: (uris: string[]) => boolean) => {
      const uris: string[] = [];
      for await (const note of client(token).subscriptionsListen({}, { signal: stop.signal })) {
        if (note.params.case === "resourceUpdatedNotificationParams") uris.push(note.params.value.uri ?? "");
        if (until(uris)) break;
      }
      return uris;
    };
    const heardByReader = updates(READER, (uris) => uris.includes(FEATURES));
    const heardByAdmin = updates(ADMIN, (uris) => uris.includes(FEATURES) && uris.includes(ARCHITECTURE));
    await new Promise((resolve) => setTimeout(resolve, 300)); // Both listeners attached upstream.
    // The upstream sends them in subscription order: the denied one first, on the same pipe.
    await admin.subscribe({ uri: ARCHITECTURE });
    await admin.subscribe({ uri: FEATURES });
    await admin.callTool({ name: "toggle-subscriber-updates", arguments: "{}" });
    try {
      const [reader, adminHeard] = await Promise.all([heardByReader, heardByAdmin]);
      assert.ok(reader.includes(FEATURES) && !reader.includes(ARCHITECTURE), reader.join());
      assert.ok(adminHeard.includes(ARCHITECTURE), adminHeard.join());
    } finally {
      clearTimeout(timer);
      await admin.callTool({ name: "toggle-subscriber-updates", arguments: "{}" });
      await admin.unsubscribe({ uri: ARCHITECTURE });
      await admin.unsubscribe({ uri: FEATURES });
    }
  });

  /** The SDK's error for an HTTP 403 with the face's JSON-RPC refusal (-32003) in its body. */
  const forbidden = (error: unknown) =>
    (error as { code?: unknown }).code === 403 && /-32003/.test(String(error));

  async function sdkClient(token: string): Promise<Client> {
    const sdk = new Client({ name: "auth-test", version: "1.0.0" });
    await sdk.connect(
      new StreamableHTTPClientTransport(new URL(face.url!), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    return sdk;
  }

  it("MCP face (SDK client): lists are filtered and denied tools and resources are refused with 403", async () => {
    const reader = await sdkClient(READER);
    const admin = await sdkClient(ADMIN);
    try {
      const tools = (await reader.listTools()).tools.map((t) => t.name);
      assert.ok(tools.includes("echo"), tools.join());
      assert.ok(
        tools.every((t) => t === "echo" || t.startsWith("get-")),
        tools.join(),
      );
      await assert.rejects(reader.callTool({ name: "toggle-simulated-logging", arguments: {} }), forbidden);
      const resources = (await reader.listResources()).resources.map((r) => r.uri);
      assert.ok(resources.includes(FEATURES) && !resources.includes(ARCHITECTURE), resources.join());
      const templates = (await reader.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
      assert.deepEqual(templates, ["demo://resource/dynamic/text/{resourceId}"]);
      const reached = await upstreamCalls(async () => {
        await assert.rejects(reader.readResource({ uri: ARCHITECTURE }), forbidden);
        await assert.rejects(reader.readResource({ uri: BLOB }), forbidden);
      });
      assert.equal(reached, 0);
      assert.ok((await reader.readResource({ uri: FEATURES })).contents.length);

      const adminTools = (await admin.listTools()).tools.map((t) => t.name);
      assert.ok(adminTools.includes("toggle-simulated-logging"), adminTools.join());
      const adminResources = (await admin.listResources()).resources.map((r) => r.uri);
      assert.ok(adminResources.includes(ARCHITECTURE), adminResources.join());
      assert.equal((await admin.listResourceTemplates()).resourceTemplates.length, 2);
      assert.ok((await admin.readResource({ uri: ARCHITECTURE })).contents.length);
    } finally {
      await reader.close();
      await admin.close();
    }
  });

  it("MCP face: a refused resources/read gets 403 with a JSON-RPC error carrying the request id", async () => {
    const response = await fetch(face.url!, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": "resources/read",
        authorization: `Bearer ${READER}`,
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 9,
        method: "resources/read",
        params: { uri: ARCHITECTURE },
      }),
    });
    assert.equal(response.status, 403);
    const body = (await response.json()) as { id: unknown; error: { code: number; message: string } };
    assert.equal(body.id, 9);
    assert.equal(body.error.code, -32003);
    assert.match(body.error.message, /resource/);
  });
});
