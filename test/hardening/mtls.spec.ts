/**
 * Mutual TLS on the binary face: certificates made at test time by `openssl` (a CA, the server,
 * clients "alice" and "mallory" signed by the CA, "eve" signed by another CA). The caller's identity
 * is its certificate's subject CN, and the per-tool rules of src/auth apply to it.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import type { AuthConfig } from "../../src/auth/index.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";

const fixture = fileURLToPath(new URL("./fixtures/faulty-server.mjs", import.meta.url));

/** PEM key and certificate. */
interface Pair {
  key: string;
  cert: string;
}

/** Makes a CA, and certificates signed by it, with openssl in `dir`. */
function certificates(dir: string) {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  const ca = (name: string) => {
    run(
      "req",
      "-x509",
      ...ec,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.crt`,
      "-days",
      "1",
      "-subj",
      `/CN=${name}`,
    );
    return name;
  };
  const signed = (name: string, by: string, extensions?: string): Pair => {
    run("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    const ext = extensions === undefined ? [] : ["-extfile", `${name}.ext`];
    if (extensions !== undefined) writeFileSync(join(dir, `${name}.ext`), extensions);
    run(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      `${by}.crt`,
      "-CAkey",
      `${by}.key`,
      "-CAcreateserial",
      "-out",
      `${name}.crt`,
      "-days",
      "1",
      ...ext,
    );
    return {
      key: readFileSync(join(dir, `${name}.key`), "utf8"),
      cert: readFileSync(join(dir, `${name}.crt`), "utf8"),
    };
  };
  ca("test-ca");
  ca("other-ca");
  return {
    ca: readFileSync(join(dir, "test-ca.crt"), "utf8"),
    server: signed(
      "localhost",
      "test-ca",
      "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
    ),
    alice: signed("alice", "test-ca", "extendedKeyUsage=clientAuth\n"),
    mallory: signed("mallory", "test-ca", "extendedKeyUsage=clientAuth\n"),
    eve: signed("eve", "other-ca", "extendedKeyUsage=clientAuth\n"),
  };
}

/** How a bare TLS connection (ALPN h2) as `as` ends: its error, a close, or "open" (3 s). */
function handshake(port: number, ca: string, as: Pair | undefined): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect({ port, host: "127.0.0.1", ca, ALPNProtocols: ["h2"], ...(as ?? {}) });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve("open");
    }, 3_000);
    // Under TLS 1.3 the client's handshake ends before the server judges its certificate: send
    // and read, so the server's alert arrives.
    socket.on("secureConnect", () => socket.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
    socket.on("data", () => {});
    socket.on("error", (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      // The alert's error may be reported just after the close.
      setTimeout(() => resolve("closed without an error"), 100);
    });
  });
}

describe("hardening: mutual TLS on the binary face", function () {
  this.timeout(60_000);
  let dir: string;
  let certs: ReturnType<typeof certificates>;
  const gateways: Gateway[] = [];

  const auth: AuthConfig = {
    credentials: [{ identity: "ci", token: "ci-token" }],
    trustClientCertificates: true,
    rules: [
      { identity: "alice", allow: ["echo", "cancellations"] },
      { identity: "mallory", deny: ["echo"] },
    ],
  };

  async function gateway(rejectUnauthorized: boolean): Promise<Gateway> {
    const started = await startGateway({
      upstreams: new Map([["faulty", { command: process.execPath, args: [fixture] }]]),
      logger: createLogger({ level: "error" }),
      tls: { ...certs.server, ca: certs.ca, requestCert: true, rejectUnauthorized },
      auth,
    });
    gateways.push(started);
    return started;
  }

  function client(g: Gateway, as?: Pair, token?: string) {
    return createClient(
      McpService,
      createGrpcTransport({
        baseUrl: g.url,
        nodeOptions: { ca: certs.ca, ...(as ?? {}) },
        ...(token === undefined
          ? {}
          : {
              interceptors: [
                (next) => (req) => {
                  req.header.set("authorization", `Bearer ${token}`);
                  return next(req);
                },
              ],
            }),
      }),
    );
  }

  const echo = (c: ReturnType<typeof client>) =>
    c
      .callTool({ name: "echo", arguments: '{"message":"hi"}' })
      .then((r) => (r.content[0]?.value.case === "textContent" ? r.content[0].value.value.text : "?"));
  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return "ok";
    } catch (error) {
      return Code[ConnectError.from(error).code];
    }
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "protomcp-mtls-"));
    certs = certificates(dir);
  });
  after(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("names the caller by its certificate's CN and applies that caller's rules", async () => {
    const g = await gateway(true);
    assert.equal(await echo(client(g, certs.alice)), "hi");
    assert.equal(await codeOf(echo(client(g, certs.mallory))), "PermissionDenied");
    // alice may only call what her rule allows.
    assert.equal(await codeOf(client(g, certs.alice).callTool({ name: "hang" })), "PermissionDenied");
    // A token still works beside the certificate, and wins over it.
    assert.equal(await echo(client(g, certs.mallory, "ci-token")), "hi");
    assert.equal(await codeOf(echo(client(g, certs.alice, "wrong-token"))), "Unauthenticated");
  });

  it("refuses, at the handshake, clients without a certificate from the CA", async () => {
    const g = await gateway(true);
    const calls = () =>
      [...g.metrics.render().matchAll(/^protomcp_gateway_calls_total\{.*\} (\d+)$/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
    const before = calls();
    for (const who of [undefined, certs.eve]) {
      const name = who === undefined ? "no certificate" : "eve";
      // How the alert surfaces in an RPC depends on timing (Internal, Canceled): any failure.
      await assert.rejects(echo(client(g, who)), name);
      const ended = await handshake(g.server.port, certs.ca, who);
      assert.match(
        ended,
        // No certificate: TLS alert 116. One from another CA: Node's check, after the TLS 1.3
        // handshake, hangs up without an alert.
        /alert certificate required|closed without an error/,
        `${name}: ${ended}`,
      );
    }
    assert.equal(calls(), before, "no refused client reached the call handlers");
    assert.equal(await echo(client(g, certs.alice)), "hi", "the gateway still serves");
  });

  it("with rejectUnauthorized false, an unverified certificate names no one", async () => {
    const g = await gateway(false);
    assert.equal(await codeOf(echo(client(g, certs.eve))), "Unauthenticated");
    assert.equal(await codeOf(echo(client(g))), "Unauthenticated");
    assert.equal(await echo(client(g, undefined, "ci-token")), "hi");
    assert.equal(await echo(client(g, certs.alice)), "hi");
  });
});
