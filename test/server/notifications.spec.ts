import * as assert from "node:assert/strict";
import { EmptySchema } from "@bufbuild/protobuf/wkt";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { createConformanceServer } from "../../examples/conformance/server.js";
import { type Listening, type McpFace, type McpServer, serveMcpFace } from "../../src/server/index.js";

/** Runs `trigger` every 50 ms until `received()` holds (the relay starts after the handshake). */
async function eventually(trigger: () => void, received: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !received(); i++) {
    trigger();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(received(), "no notification arrived within 5 s");
}

describe("server: notifications relayed by the MCP face from SubscriptionsListen", function () {
  this.timeout(20_000);
  let server: McpServer;
  let binary: Listening;
  let face: McpFace;
  let client: Client;

  before(async () => {
    server = createConformanceServer();
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {} });
    client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(face.url ?? "")));
  });

  after(async () => {
    await client?.close();
    await face?.close();
    await binary?.close();
  });

  it("tells the client when a tool is added at run time, and lists it", async () => {
    let changed = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changed++;
    });
    await eventually(
      () =>
        server.tool({
          name: "late_tool",
          description: "Added after the client connected.",
          input: EmptySchema,
          handler: async () => ({ content: [{ type: "text", text: "late" }] }),
        }),
      () => changed > 0,
    );
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === "late_tool"));
    const result = await client.callTool({ name: "late_tool", arguments: {} });
    assert.deepEqual(result.content, [{ type: "text", text: "late" }]);
  });

  it("sends resources/updated for a subscribed resource only", async () => {
    const updated: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      updated.push(n.params.uri);
    });
    assert.equal(server.resourceUpdated("test://watched-resource"), false);
    await client.subscribeResource({ uri: "test://watched-resource" });
    await eventually(
      () => server.resourceUpdated("test://watched-resource"),
      () => updated.length > 0,
    );
    assert.equal(updated[0], "test://watched-resource");
    await client.unsubscribeResource({ uri: "test://watched-resource" });
    // The session stops hearing at once; the server stops counting a listener when the session's
    // stream for that resource has closed.
    await eventually(
      () => {},
      () => !server.resourceUpdated("test://watched-resource"),
    );
  });

  it("reads a templated resource and completes prompt arguments", async () => {
    const { contents } = await client.readResource({ uri: "test://template/42/data" });
    const first = contents[0];
    assert.ok(first !== undefined && "text" in first);
    assert.match(first.text, /"id":"42"/);
    const { completion } = await client.complete({
      ref: { type: "ref/prompt", name: "test_prompt_with_arguments" },
      argument: { name: "arg1", value: "par" },
    });
    assert.deepEqual(completion.values, ["paris", "park", "party"]);
  });
});
