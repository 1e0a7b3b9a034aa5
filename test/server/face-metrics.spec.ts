/**
 * Prometheus metrics on the MCP face: after real SDK client calls through the face in front of a
 * typed server, `GET /metrics` on the face's port shows requests by method and tool, errors by
 * JSON-RPC code, a latency histogram with one observation per request, and nothing in flight.
 */
import assert from "node:assert/strict";
import { EmptySchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EmptyResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { parseCredentials } from "../../src/auth/index.js";
import {
  createMcpServer,
  type Listening,
  type McpFace,
  type McpServer,
  serveMcpFace,
} from "../../src/server/index.js";

/** The value of the sample `name{labels}` in a scrape, or undefined when it is absent. */
function sample(scrape: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of scrape.split("\n")) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const have = (match[2] ?? "").split(",").filter((l) => l !== "");
    if (have.length === wanted.length && wanted.every((l) => have.includes(l))) return Number(match[3]);
  }
  return undefined;
}

describe("server: Prometheus metrics on the MCP face", function () {
  this.timeout(20_000);
  let server: McpServer;
  let binary: Listening;
  let face: McpFace;
  let client: Client;

  before(async () => {
    server = createMcpServer({ name: "metered", version: "1.0.0" });
    server.tool({
      name: "hello",
      input: EmptySchema,
      handler: async () => ({ content: [{ type: "text", text: "hello" }] }),
    });
    server.tool({
      name: "broken",
      input: EmptySchema,
      handler: async () => {
        throw new ConnectError("broken on purpose", Code.InvalidArgument);
      },
    });
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {}, metrics: true });
    client = new Client({ name: "metrics-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(face.url ?? "")));
  });
  after(async () => {
    await client?.close();
    await face?.close();
    await binary?.close();
  });

  const scrape = async (): Promise<string> => {
    const response = await fetch(new URL("/metrics", face.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it("counts requests by method and tool, errors by JSON-RPC code, and latency", async () => {
    await client.listTools();
    for (let i = 0; i < 3; i++) await client.callTool({ name: "hello", arguments: {} });
    await assert.rejects(client.callTool({ name: "broken", arguments: {} }), /broken on purpose/);
    await assert.rejects(client.request({ method: "no/such/method" }, EmptyResultSchema), /-32601/);

    const text = await scrape();
    const calls = { method: "tools/call", tool: "hello" };
    assert.equal(sample(text, "protomcp_face_requests_total", { ...calls, code: "OK" }), 3, text);
    assert.equal(sample(text, "protomcp_face_request_duration_seconds_count", calls), 3, text);
    assert.equal(sample(text, "protomcp_face_request_duration_seconds_bucket", { ...calls, le: "+Inf" }), 3);
    assert.ok((sample(text, "protomcp_face_request_duration_seconds_sum", calls) ?? 0) > 0, text);
    const list = { method: "tools/list", tool: "", code: "OK" };
    assert.equal(sample(text, "protomcp_face_requests_total", list), 1, text);
    assert.equal(
      sample(text, "protomcp_face_requests_total", { method: "initialize", tool: "", code: "OK" }),
      1,
    );

    const broken = { method: "tools/call", tool: "broken", code: "-32602" };
    assert.equal(sample(text, "protomcp_face_errors_total", broken), 1, text);
    assert.equal(sample(text, "protomcp_face_requests_total", broken), 1, text);
    // Unknown methods share one label: their names are made up by clients.
    const unknown = { method: "(unknown)", tool: "", code: "-32601" };
    assert.equal(sample(text, "protomcp_face_errors_total", unknown), 1, text);
    assert.equal(sample(text, "protomcp_face_errors_total", { ...calls, code: "OK" }), undefined);
    assert.equal(sample(text, "protomcp_face_requests_in_flight", { method: "tools/call" }), 0, text);
  });

  it("shows a request in flight while it runs", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.tool({
      name: "slow",
      input: EmptySchema,
      handler: async () => {
        await held;
        return { content: [] };
      },
    });
    const call = client.callTool({ name: "slow", arguments: {} });
    let flying: number | undefined;
    for (let i = 0; i < 100 && flying !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      flying = sample(await scrape(), "protomcp_face_requests_in_flight", { method: "tools/call" });
    }
    assert.equal(flying, 1);
    release();
    await call;
    assert.equal(sample(await scrape(), "protomcp_face_requests_in_flight", { method: "tools/call" }), 0);
  });

  it("counts refusals by the auth guard, refuses /metrics without a token, and 404s without metrics", async () => {
    const credentials = parseCredentials("admin:admin-token-0123456789");
    const guarded = await serveMcpFace({
      upstream: binary.url,
      listen: {},
      auth: { credentials },
      metrics: true,
    });
    const plain = await serveMcpFace({ upstream: binary.url, listen: {} });
    try {
      const refused = await fetch(guarded.url!, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
      assert.equal(refused.status, 401);
      const anonymous = await fetch(new URL("/metrics", guarded.url));
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get("www-authenticate") ?? "", /^Bearer/);
      await anonymous.text();
      const text = await (
        await fetch(new URL("/metrics", guarded.url), {
          headers: { authorization: "Bearer admin-token-0123456789" },
        })
      ).text();
      assert.equal(sample(text, "protomcp_face_http_refusals_total", { status: "401" }), 2, text);
      assert.equal((await fetch(new URL("/metrics", plain.url))).status, 404);
    } finally {
      await guarded.close();
      await plain.close();
    }
  });
});
