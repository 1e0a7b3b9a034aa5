/**
 * Access control on both faces, in front of the real server-everything: the gateway's interceptor
 * (Unauthenticated / PermissionDenied, no upstream reached) and the MCP face's HTTP guard (401 / 403
 * with a JSON-RPC error body), tokens never in the logs.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  type AuthConfig,
  authenticate,
  loadAuthConfig,
  mayCallTool,
  parseCredentials,
  parseRules,
} from "../../src/auth/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

const ADMIN = "admin-token-0123456789";
const READER = "reader-token-9876543210";
const config: AuthConfig = {
  credentials: parseCredentials(`admin:${ADMIN},reader:${READER}`),
  rules: [
    { identity: "reader", allow: ["echo", "get-*"] },
    { identity: "*", deny: ["trigger-long-running-operation"] },
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
  });

  it("reads credentials from an environment variable and refuses an empty one", () => {
    assert.deepEqual(loadAuthConfig({ tokenEnv: "T" }, { T: "abc" }).credentials, [
      { identity: "default", token: "abc" },
    ]);
    assert.throws(() => loadAuthConfig({ tokenEnv: "T" }, {}), /T is unset/);
    assert.throws(() => parseRules({ rules: [{ allow: ["x"] }] }), /identity/);
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
