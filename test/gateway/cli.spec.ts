/**
 * `protomcp gateway` as a process: mutual TLS from `--tls-client-ca` (certificates made at test
 * time by `openssl`: a CA, the server, clients "alice" and "mallory"), the caller's certificate CN
 * feeding `--auth-rules`; and the limit flags reaching the gateway.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";

const bin = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
const faulty = fileURLToPath(new URL("../hardening/fixtures/faulty-server.mjs", import.meta.url));
const upstream = `stdio:${process.execPath} ${faulty}`;

interface Pair {
  key: string;
  cert: string;
}

/** A CA in `dir`, and key/certificate files of `names` signed by it ("localhost" is the server). */
function makeCertificates(dir: string, names: string[]): Record<string, Pair> {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  run("req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=test-ca");
  const pairs: Record<string, Pair> = {};
  for (const name of names) {
    const ext =
      name === "localhost"
        ? "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
        : "extendedKeyUsage=clientAuth\n";
    writeFileSync(join(dir, `${name}.ext`), ext);
    run("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    run(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.crt`,
      "-days",
      "1",
      "-extfile",
      `${name}.ext`,
    );
    pairs[name] = { key: join(dir, `${name}.key`), cert: join(dir, `${name}.crt`) };
  }
  return pairs;
}

/** Starts the CLI; resolves with the URL it prints, or rejects with its stderr if it exits. */
function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, "gateway", "--upstream", upstream, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /serving mcp\.v1\.McpService at (\S+)/.exec(stderr)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`gateway exited ${code}: ${stderr}`)));
  });
}

/** The CLI's exit status and stderr, for arguments it refuses. */
function refused(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, "gateway", "--upstream", upstream, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return Code[ConnectError.from(error).code];
  }
}

describe("cli: protomcp gateway", function () {
  this.timeout(60_000);
  let dir: string;
  let pairs: Record<string, Pair>;
  const children: ChildProcess[] = [];
  const echo = (url: string, options: { ca?: string; as?: Pair; token?: string } = {}) =>
    createClient(
      McpService,
      createGrpcTransport({
        baseUrl: url,
        nodeOptions: {
          ...(options.ca === undefined ? {} : { ca: options.ca }),
          ...(options.as === undefined
            ? {}
            : { key: readFileSync(options.as.key), cert: readFileSync(options.as.cert) }),
        },
        interceptors:
          options.token === undefined
            ? []
            : [
                (next) => (req) => {
                  req.header.set("authorization", `Bearer ${options.token}`);
                  return next(req);
                },
              ],
      }),
    )
      .callTool({ name: "echo", arguments: '{"message":"hi"}' })
      .then((r) => (r.content[0]?.value.case === "textContent" ? r.content[0].value.value.text : "?"));

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "protomcp-gateway-cli-"));
    pairs = makeCertificates(dir, ["localhost", "alice", "mallory"]);
    writeFileSync(
      join(dir, "rules.json"),
      JSON.stringify({
        rules: [
          { identity: "alice", allow: ["echo"] },
          { identity: "mallory", deny: ["echo"] },
        ],
      }),
    );
  });
  after(() => {
    for (const child of children) child.kill();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("--tls-client-ca: the certificate's CN is the caller for --auth-rules; no certificate, no call", async () => {
    const { child, url } = await startCli([
      ...["--tls-key", pairs.localhost!.key, "--tls-cert", pairs.localhost!.cert],
      ...["--tls-client-ca", join(dir, "ca.crt"), "--auth-rules", join(dir, "rules.json")],
    ]);
    children.push(child);
    assert.match(url, /^https:/);
    const ca = readFileSync(join(dir, "ca.crt"), "utf8");
    assert.equal(await echo(url, { ca, as: pairs.alice! }), "hi");
    assert.equal(await codeOf(echo(url, { ca, as: pairs.mallory! })), "PermissionDenied");
    // Without --auth-token-env a certificate is required: the handshake refuses a caller without one.
    assert.notEqual(await codeOf(echo(url, { ca })), "ok");
  });

  it("--tls-client-ca with --auth-token-env: a certificate or a token names the caller", async () => {
    const { child, url } = await startCli(
      [
        ...["--tls-key", pairs.localhost!.key, "--tls-cert", pairs.localhost!.cert],
        ...["--tls-client-ca", join(dir, "ca.crt"), "--auth-rules", join(dir, "rules.json")],
        ...["--auth-token-env", "GATEWAY_CLI_TOKENS"],
      ],
      { GATEWAY_CLI_TOKENS: "mallory:mallory-token,ci:ci-token" },
    );
    children.push(child);
    const ca = readFileSync(join(dir, "ca.crt"), "utf8");
    assert.equal(await echo(url, { ca, as: pairs.alice! }), "hi");
    assert.equal(await echo(url, { ca, token: "ci-token" }), "hi");
    assert.equal(await codeOf(echo(url, { ca, token: "mallory-token" })), "PermissionDenied");
    assert.equal(await codeOf(echo(url, { ca })), "Unauthenticated");
    assert.equal(await codeOf(echo(url, { ca, token: "wrong" })), "Unauthenticated");
  });

  it("--max-concurrent-per-upstream and --max-waiting-per-upstream reach the gateway", async () => {
    const { child, url } = await startCli([
      "--max-concurrent-per-upstream",
      "1",
      "--max-waiting-per-upstream",
      "0",
    ]);
    children.push(child);
    const client = createClient(McpService, createGrpcTransport({ baseUrl: url }));
    const abort = new AbortController();
    const hanging = codeOf(client.callTool({ name: "hang" }, { signal: abort.signal }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await codeOf(echo(url)), "ResourceExhausted");
    abort.abort();
    assert.equal(await hanging, "Canceled");
    assert.equal(await echo(url), "hi");
  });

  it("refuses bad limit values and --tls-client-ca without a server certificate", async () => {
    const bad = await refused(["--max-concurrent-per-upstream", "0"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-concurrent-per-upstream must be an integer >= 1, not '0'/);
    const noCert = await refused(["--tls-client-ca", join(dir, "ca.crt")]);
    assert.equal(noCert.code, 2);
    assert.match(noCert.stderr, /--tls-client-ca needs --tls-key and --tls-cert/);
  });
});
