/**
 * No state shared between callers: two official v1 SDK clients at once over Streamable HTTP, each
 * a session of the MCP face in front of one typed server. One's `logging/setLevel` does not
 * silence the other's logs, and one's `resources/subscribe` does not make the other hear updates.
 * Also the typed server alone: a 2026-07-28 request's level is its `_meta` log level.
 */
import * as assert from "node:assert/strict";
import { EmptySchema } from "@bufbuild/protobuf/wkt";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import {
  createMcpServer,
  type Listening,
  type McpFace,
  type McpServer,
  serveMcpFace,
} from "../../src/server/index.js";

const WATCHED = "test://watched";
const OTHER = "test://other";

/** Runs `trigger` every 50 ms until `done()` holds (a subscription's stream opens asynchronously). */
async function eventually(trigger: () => void, done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) {
    trigger();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(done(), "not within 5 s");
}

interface Caller {
  client: Client;
  logs: string[];
  updated: string[];
}

describe("server: no state shared between sessions of the MCP face", function () {
  this.timeout(20_000);
  let server: McpServer;
  let binary: Listening;
  let face: McpFace;
  const callers: Caller[] = [];

  before(async () => {
    server = createMcpServer({ name: "isolation", version: "1.0.0" });
    server.tool({
      name: "chatty",
      description: "Logs at info and at emergency.",
      input: EmptySchema,
      handler: async (_, ctx) => {
        await ctx.log("info", "an info line");
        await ctx.log("emergency", "an emergency line");
        return { content: [{ type: "text", text: "done" }] };
      },
    });
    server.resource({ uri: WATCHED, name: "watched", read: async () => "watched" });
    server.resource({ uri: OTHER, name: "other", read: async () => "other" });
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {} });
  });

  after(async () => {
    for (const { client } of callers) await client.close();
    await face?.close();
    await binary?.close();
  });

  async function connect(): Promise<Caller> {
    const client = new Client({ name: "isolation-test", version: "1.0.0" });
    const caller: Caller = { client, logs: [], updated: [] };
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      caller.logs.push(String(n.params.level));
    });
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      caller.updated.push(n.params.uri);
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(face.url ?? "")));
    callers.push(caller);
    return caller;
  }

  it("keeps logging/setLevel to the session that set it", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.client.setLoggingLevel("emergency");
    // Both call at once: A's level must not reach B's call, nor B's absence of one A's.
    await Promise.all([
      a.client.callTool({ name: "chatty", arguments: {} }),
      b.client.callTool({ name: "chatty", arguments: {} }),
    ]);
    assert.deepEqual(a.logs, ["emergency"]);
    assert.deepEqual(b.logs, ["info", "emergency"]);
    // And the other way round: B's debug does not undo A's emergency.
    await b.client.setLoggingLevel("debug");
    await Promise.all([
      a.client.callTool({ name: "chatty", arguments: {} }),
      b.client.callTool({ name: "chatty", arguments: {} }),
    ]);
    assert.deepEqual(a.logs, ["emergency", "emergency"]);
    assert.deepEqual(b.logs, ["info", "emergency", "info", "emergency"]);
    await assert.rejects(a.client.setLoggingLevel("loud" as never), /loud/);
  });

  it("sends a resource's updates only to the session that subscribed", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    assert.equal(server.resourceUpdated(WATCHED), false);
    await a.client.subscribeResource({ uri: WATCHED });
    await b.client.subscribeResource({ uri: OTHER });
    await eventually(
      () => {
        server.resourceUpdated(WATCHED);
        server.resourceUpdated(OTHER);
      },
      () => a.updated.includes(WATCHED) && b.updated.includes(OTHER),
    );
    // Let anything still in flight arrive before looking at what each heard.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(new Set(a.updated), new Set([WATCHED]), `A heard ${a.updated.join()}`);
    assert.deepEqual(new Set(b.updated), new Set([OTHER]), `B heard ${b.updated.join()}`);

    // A's unsubscribe ends A's subscription only: B still hears its own, and nobody hears WATCHED.
    await a.client.unsubscribeResource({ uri: WATCHED });
    await eventually(
      () => {},
      () => !server.resourceUpdated(WATCHED),
    );
    const heard = b.updated.length;
    await eventually(
      () => server.resourceUpdated(OTHER),
      () => b.updated.length > heard,
    );
    assert.ok(!a.updated.includes(OTHER));
  });
});

describe("server: a 2026-07-28 request's log level is its own", () => {
  it("sends a request's logs at or above its _meta level, none without one", async () => {
    const server = createMcpServer({ name: "levels", version: "1.0.0" });
    server.tool({
      name: "chatty",
      input: EmptySchema,
      handler: async (_, ctx) => {
        await ctx.log("info", "an info line");
        await ctx.log("emergency", "an emergency line");
        return { content: [] };
      },
    });
    const call = async (meta: Record<string, string>): Promise<string[]> => {
      const levels: string[] = [];
      await server.dispatch(
        "tools/call",
        {
          name: "chatty",
          arguments: {},
          _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28", ...meta },
        },
        {
          signal: new AbortController().signal,
          notify: async (_, params) => {
            levels.push(String(params.level));
          },
        },
      );
      return levels;
    };
    const [loud, quiet, none] = await Promise.all([
      call({ "io.modelcontextprotocol/logLevel": "info" }),
      call({ "io.modelcontextprotocol/logLevel": "emergency" }),
      call({}),
    ]);
    assert.deepEqual(loud, ["info", "emergency"]);
    assert.deepEqual(quiet, ["emergency"]);
    assert.deepEqual(none, []);
  });
});
