/**
 * `/metrics` on the gateway: behind the same authentication as calls when auth is on, or on an
 * address of its own (`metricsListen`); and bounded: label values come only from configured
 * upstream names and tools an upstream listed, so calls with made-up tool names and made-up
 * `mcp-upstream` values add a bounded number of series, however many there are.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { parseCredentials } from "../../src/auth/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger, MetricsRegistry, OTHER_LABEL } from "../../src/observe/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const TOKEN = "metrics-reader-token-0123456789";
const upstreams = () => new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]);

describe("gateway /metrics: authentication and bounded labels", function () {
  this.timeout(60_000);
  let gateway: Gateway;

  before(async () => {
    gateway = await startGateway({
      upstreams: upstreams(),
      auth: { credentials: parseCredentials(`reader:${TOKEN}`) },
      logger: createLogger({ level: "error" }),
    });
  });
  after(() => gateway?.close());

  it("refuses an unauthenticated GET /metrics with 401, and serves a valid token", async () => {
    const anonymous = await fetch(`${gateway.url}/metrics`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get("www-authenticate") ?? "", /^Bearer/);
    assert.doesNotMatch(await anonymous.text(), /protomcp_gateway/);
    const wrong = await fetch(`${gateway.url}/metrics`, {
      headers: { authorization: "Bearer wrong-token-000" },
    });
    assert.equal(wrong.status, 401);
    await wrong.text();
    const head = await fetch(`${gateway.url}/metrics`, { method: "HEAD" });
    assert.equal(head.status, 401);
    const ok = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    await ok.text();
    const key = await fetch(`${gateway.url}/metrics`, { headers: { "x-api-key": TOKEN } });
    assert.equal(key.status, 200);
    await key.text();
  });

  it("adds a bounded number of series for 50 calls with made-up tools and upstreams", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const headers = { authorization: `Bearer ${TOKEN}` };
    // A listed tool keeps its own label.
    await client.listTools({}, { headers });
    await client.callTool({ name: "echo", arguments: '{"message":"hi"}' }, { headers });
    const before = gateway.metrics.seriesCount;
    const anonymous = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    for (let i = 0; i < 50; i++) {
      const name = `made-up-tool-${i}-${"x".repeat(i)}`;
      await client.callTool({ name, arguments: "{}" }, { headers }).catch(() => {});
      await client
        .callTool(
          { name, arguments: "{}" },
          { headers: { ...headers, "mcp-upstream": `made-up-upstream-${i}` } },
        )
        .catch(() => {});
      await anonymous
        .callTool({ name, arguments: "{}" }, { headers: { "mcp-upstream": `anon-upstream-${i}` } })
        .catch(() => {});
    }
    const added = gateway.metrics.seriesCount - before;
    // (other) tool on the real upstream, (other) tool on an (other) upstream, each with a few codes
    // across the calls, errors, latency and in-flight families: a handful, not one per call.
    assert.ok(added <= 12, `50 calls with made-up names added ${added} series`);
    const scrape = gateway.metrics.render();
    assert.doesNotMatch(scrape, /made-up|anon-upstream/);
    assert.match(scrape, /tool="echo"/);
    assert.match(scrape, new RegExp(`upstream="${OTHER_LABEL.replace(/[()]/g, "\\$&")}"`));
  });

  it("serves /metrics only on metricsListen when given, not on the gateway's port", async () => {
    const apart = await startGateway({
      upstreams: upstreams(),
      metricsListen: { host: "127.0.0.1", port: 0 },
      logger: createLogger({ level: "error" }),
    });
    try {
      assert.notEqual(apart.metricsUrl, `${apart.url}/metrics`);
      assert.equal((await fetch(`${apart.url}/metrics`)).status, 404);
      const scrape = await fetch(apart.metricsUrl);
      assert.equal(scrape.status, 200);
      assert.match(scrape.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
      await scrape.text();
    } finally {
      await apart.close();
    }
  });

  it("caps the series of one family, folding the rest into (other)", () => {
    const registry = new MetricsRegistry({ maxSeriesPerFamily: 5 });
    for (let i = 0; i < 100; i++) registry.inc("t_total", "t", { tool: `t${i}`, code: "OK" });
    assert.equal(registry.seriesCount, 6);
    assert.match(registry.render(), /t_total\{code="\(other\)",tool="\(other\)"\} 95/);
  });
});
