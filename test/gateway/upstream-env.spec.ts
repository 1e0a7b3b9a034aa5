/**
 * What of the gateway's environment a stdio upstream sees, asked of the upstream itself
 * (server-everything's `get-env` tool, through the gateway): by default only the official SDK's
 * small set plus the config's `env`; more only when asked (`pass`, `inherit`); and never the
 * gateway's own secrets (the `--auth-token-env` variable, any variable holding an accepted token),
 * not even when asked to inherit everything. The CLI's flags do the same.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { parseCredentials } from "../../src/auth/index.js";
import { type GatewayOptions, startGateway } from "../../src/gateway/index.js";
import { upstreamEnvironment } from "../../src/gateway/upstream-config.js";
import { createLogger } from "../../src/observe/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const TOKEN = "alice-secret-token-0123456789";
const SECRET_VARS = {
  PROTOMCP_TEST_TOKENS: `alice:${TOKEN}`,
  PROTOMCP_TEST_COPY: `copied ${TOKEN} here`,
  PROTOMCP_TEST_OTHER: "not secret, just not asked for",
  PROTOMCP_TEST_WANTED: "asked for by name",
};

/** The environment the upstream reports through a gateway started with `options`. */
async function upstreamEnv(options: Partial<GatewayOptions>): Promise<Record<string, string>> {
  const gateway = await startGateway({
    upstreams: new Map([
      [
        "everything",
        { command: process.execPath, args: [everything, "stdio"], env: { FROM_CONFIG: "config value" } },
      ],
    ]),
    auth: { credentials: parseCredentials(`alice:${TOKEN}`) },
    logger: createLogger({ level: "error" }),
    ...options,
  });
  try {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const result = await client.callTool(
      { name: "get-env", arguments: "{}" },
      { headers: { authorization: `Bearer ${TOKEN}` } },
    );
    const content = result.content[0]?.value;
    assert.equal(content?.case, "textContent");
    return JSON.parse(content.value.text ?? "") as Record<string, string>;
  } finally {
    await gateway.close();
  }
}

describe("the environment of stdio upstreams", function () {
  this.timeout(60_000);
  const saved = { ...process.env };
  before(() => Object.assign(process.env, SECRET_VARS));
  after(() => {
    for (const name of Object.keys(SECRET_VARS)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("is the SDK's default set plus the config's env, by default", async () => {
    const env = await upstreamEnv({});
    assert.equal(env.FROM_CONFIG, "config value");
    if (process.env.PATH !== undefined) assert.equal(env.PATH, process.env.PATH);
    const allowed = new Set(["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER", "FROM_CONFIG"]);
    // Whatever the upstream's runtime adds itself (Node sets none of these) is not inherited.
    const extra = Object.keys(env).filter((name) => !allowed.has(name));
    assert.deepEqual(extra, [], `inherited beyond the default set: ${extra.join(", ")}`);
    assert.ok(!JSON.stringify(env).includes(TOKEN), "the token reached the upstream");
  });

  it("passes a variable asked for by name, and no other", async () => {
    const env = await upstreamEnv({ upstreamEnv: { pass: ["PROTOMCP_TEST_WANTED"] } });
    assert.equal(env.PROTOMCP_TEST_WANTED, SECRET_VARS.PROTOMCP_TEST_WANTED);
    assert.equal(env.PROTOMCP_TEST_OTHER, undefined);
  });

  it("never passes the gateway's secrets, even when asked to inherit everything", async () => {
    const env = await upstreamEnv({
      upstreamEnv: { inherit: true, pass: ["PROTOMCP_TEST_TOKENS"], withhold: ["PROTOMCP_TEST_TOKENS"] },
    });
    assert.equal(env.PROTOMCP_TEST_OTHER, SECRET_VARS.PROTOMCP_TEST_OTHER, "inherit passes the rest");
    assert.equal(env.PROTOMCP_TEST_TOKENS, undefined);
    // Held under another name, an accepted token is still recognised and withheld.
    assert.equal(env.PROTOMCP_TEST_COPY, undefined);
    assert.ok(!JSON.stringify(env).includes(TOKEN), "the token reached the upstream");
  });

  it("computes the same from the policy alone", () => {
    const env = upstreamEnvironment(
      { command: "x", args: [], env: { SET: "1" } },
      { inherit: true, withhold: ["A"], withholdValues: ["s3cr3t-value"] },
      { A: "a", B: "b", C: "has s3cr3t-value in it", D: "() { shell function; }" },
    );
    assert.deepEqual(env, { B: "b", SET: "1" });
  });

  it("protomcp gateway --auth-token-env keeps the token variable from an --inherit-env upstream", async () => {
    const cli = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
    const child = spawn(
      process.execPath,
      [
        cli,
        "gateway",
        "--upstream",
        `stdio:${process.execPath} ${everything} stdio`,
        "--auth-token-env",
        "PROTOMCP_TEST_TOKENS",
        "--inherit-env",
        "--upstream-env",
        "PROTOMCP_TEST_WANTED",
      ],
      { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, PROTOMCP_LOG: "error" } },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /serving mcp\.v1\.McpService at (\S+)/.exec(stderr);
          if (match !== null) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`gateway exited (${code}): ${stderr}`)));
      });
      const client = createClient(McpService, createGrpcTransport({ baseUrl: url }));
      const result = await client.callTool(
        { name: "get-env", arguments: "{}" },
        { headers: { authorization: `Bearer ${TOKEN}` } },
      );
      const content = result.content[0]?.value;
      assert.equal(content?.case, "textContent");
      const text = content.value.text ?? "";
      const env = JSON.parse(text) as Record<string, string>;
      assert.equal(env.PROTOMCP_TEST_WANTED, SECRET_VARS.PROTOMCP_TEST_WANTED);
      assert.equal(env.PROTOMCP_TEST_OTHER, SECRET_VARS.PROTOMCP_TEST_OTHER);
      assert.equal(env.PROTOMCP_TEST_TOKENS, undefined);
      assert.ok(!text.includes(TOKEN), "the token reached the upstream");
    } finally {
      child.kill();
    }
  });
});
