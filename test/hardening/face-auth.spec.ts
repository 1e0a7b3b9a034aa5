/**
 * Per-resource rules on the MCP face's relayed notifications: the upstream's `SubscriptionsListen`
 * stream is one for all sessions, so an update of a resource one caller subscribed to must not
 * reach a session whose caller may not use that resource. Also `resources/unsubscribe` is refused
 * like `resources/subscribe`, on the MCP face (403) and in the binary face's rule check.
 */
import assert from "node:assert/strict";
import { create } from "@bufbuild/protobuf";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { UnsubscribeRequestParamsSchema } from "../../gen/es/mcp/v1/resources_pb.js";
import { type AuthConfig, parseCredentials, refusedIn } from "../../src/auth/index.js";
import {
  createMcpServer,
  type Listening,
  type McpFace,
  type McpServer,
  serveMcpFace,
} from "../../src/server/index.js";

const PUBLIC = "test://public/notes";
const SECRET = "test://secret/keys";
const ADMIN = "admin-token-0123456789";
const READER = "reader-token-9876543210";
const config: AuthConfig = {
  credentials: parseCredentials(`admin:${ADMIN},reader:${READER}`),
  rules: [{ identity: "reader", denyResources: ["test://secret/*"] }],
};

/** The SDK's error for an HTTP 403 with the face's JSON-RPC refusal (-32003) in its body. */
const forbidden = (error: unknown) =>
  (error as { code?: unknown }).code === 403 && /-32003/.test(String(error));

describe("auth: resource updates relayed by the MCP face follow the caller's rules", function () {
  this.timeout(20_000);
  let server: McpServer;
  let binary: Listening;
  let face: McpFace;
  const clients: Client[] = [];

  before(async () => {
    server = createMcpServer({ name: "two-resources", version: "1.0.0" });
    server.resource({ uri: PUBLIC, name: "notes", read: async () => "notes" });
    server.resource({ uri: SECRET, name: "keys", read: async () => "keys" });
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {}, auth: config });
  });
  after(async () => {
    for (const client of clients) await client.close();
    await face?.close();
    await binary?.close();
  });

  /** An SDK client of the face with `token`, and the URIs of the resource updates it hears. */
  async function connect(token: string): Promise<{ client: Client; updated: string[] }> {
    const client = new Client({ name: "face-auth-test", version: "1.0.0" });
    const updated: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      updated.push(n.params.uri);
    });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(face.url ?? ""), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    clients.push(client);
    return { client, updated };
  }

  it("drops updates of a denied resource for the reader while the admin hears both", async () => {
    const reader = await connect(READER);
    const admin = await connect(ADMIN);
    await assert.rejects(reader.client.subscribeResource({ uri: SECRET }), forbidden);
    await reader.client.subscribeResource({ uri: PUBLIC });
    // The admin's subscription makes the upstream announce the secret to every listener.
    await admin.client.subscribeResource({ uri: SECRET });
    await admin.client.subscribeResource({ uri: PUBLIC });

    // The relay starts after the handshake, so trigger until both sessions hear the public one.
    // Updates come in order on one stream: the secret one is sent first each time.
    for (let i = 0; i < 100; i++) {
      if (reader.updated.includes(PUBLIC) && admin.updated.includes(PUBLIC)) break;
      assert.equal(server.resourceUpdated(SECRET), true);
      assert.equal(server.resourceUpdated(PUBLIC), true);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(admin.updated.includes(SECRET), `admin heard ${admin.updated.join()}`);
    assert.ok(admin.updated.includes(PUBLIC), `admin heard ${admin.updated.join()}`);
    assert.ok(reader.updated.includes(PUBLIC), `reader heard ${reader.updated.join()}`);
    assert.deepEqual(
      reader.updated.filter((uri) => uri !== PUBLIC),
      [],
      "the reader heard an update of a resource it may not use",
    );
  });

  it("refuses resources/unsubscribe of a denied resource with 403 on the MCP face", async () => {
    const reader = await connect(READER);
    await assert.rejects(reader.client.unsubscribeResource({ uri: SECRET }), forbidden);
    await reader.client.unsubscribeResource({ uri: PUBLIC });
  });

  it("names an Unsubscribe of a denied resource as refused for the binary face's interceptor", () => {
    const refused = refusedIn(config, "reader", create(UnsubscribeRequestParamsSchema, { uri: SECRET }));
    assert.deepEqual(refused, { kind: "resource", name: SECRET });
    assert.equal(
      refusedIn(config, "admin", create(UnsubscribeRequestParamsSchema, { uri: SECRET })),
      undefined,
    );
  });
});
