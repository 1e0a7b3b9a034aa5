/**
 * Scale-out: two `protomcp gateway` replicas behind Debian's nginx (`grpc_pass` to an upstream
 * group, passive health checks and `grpc_next_upstream` as docs/deployment.md shows). gRPC
 * callers loop through nginx; one replica is killed (SIGKILL) mid-run; calls go on through the
 * other. Only calls in flight on the killed replica may fail (each caller has one call in flight,
 * so at most one per caller), and only at the moment of the kill. nginx runs as a child with its config, pid, logs
 * and temp files in a temp dir. Without nginx the test skips, except in CI, where it fails.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type GatewayProcess, spawnGateway } from "./gateway-process.js";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => {
  try {
    execFileSync(path, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});
const fixture = fileURLToPath(new URL("./fixtures/faulty-server.mjs", import.meta.url));
const CALLERS = 8;
const RUN_MS = 6_000;
const KILL_AT_MS = 2_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The nginx config of docs/deployment.md, on loopback ports, everything under `dir`. */
function nginxConfig(dir: string, listen: number, replicas: number[]): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;

    upstream protomcp_grpc {
${replicas.map((port) => `        server 127.0.0.1:${port} max_fails=1 fail_timeout=30s;`).join("\n")}
        keepalive 32;
    }
    server {
        listen 127.0.0.1:${listen} http2;
        client_max_body_size 16m;
        # nginx ends a client connection after keepalive_requests (default 1000) requests with
        # GOAWAY, and gRPC calls racing it fail (REFUSED_STREAM): let connections live long.
        keepalive_requests 1000000;
        grpc_read_timeout 1h;
        grpc_send_timeout 1h;
        grpc_connect_timeout 2s;
        location / {
            grpc_pass grpc://protomcp_grpc;
            # nginx streams gRPC request bodies to the replica, so it can move a call to another
            # replica only while the first never got it (refused or reset connection): that covers
            # every call after a replica dies, not the ones in flight on it.
            grpc_next_upstream error timeout;
        }
    }
}
`;
}

describe("hardening: scale-out behind nginx", function () {
  this.timeout(90_000);
  let dir: string;
  let nginx: ChildProcess | undefined;
  const replicas: GatewayProcess[] = [];
  let url: string;

  before(async function () {
    if (NGINX === undefined) {
      if (process.env.CI) throw new Error("nginx is not installed (apt-get install nginx-light)");
      process.stderr.write("scale-out: skipped, nginx is not installed (apt-get install nginx-light)\n");
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), "protomcp-nginx-"));
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      replicas.push(
        await spawnGateway([
          "--upstream",
          `stdio:${process.execPath} ${fixture}`,
          "--listen",
          `127.0.0.1:${port}`,
        ]),
      );
    }
    const listen = await freePort();
    writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, listen, ports));
    nginx = spawn(NGINX!, ["-c", join(dir, "nginx.conf"), "-p", dir, "-e", join(dir, "error.log")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    nginx.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    url = `http://127.0.0.1:${listen}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = net
          .connect(listen, "127.0.0.1", () => resolve(true))
          .on("error", () => resolve(false));
        socket.unref();
        setTimeout(() => socket.destroy(), 100);
      });
      if (connected) break;
      if (nginx.exitCode !== null || Date.now() > deadline) {
        throw new Error(`nginx did not start: ${stderr}${readFileSync(join(dir, "error.log"), "utf8")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  after(async () => {
    nginx?.kill("SIGTERM");
    await Promise.all(replicas.map((r) => r.kill("SIGTERM")));
    if (dir !== undefined && !process.env.KEEP_NGINX) rmSync(dir, { recursive: true, force: true });
    // KEEP_NGINX=1 keeps the config and error.log for a look after a failure.
    if (process.env.KEEP_NGINX) process.stderr.write(`scale-out: kept ${dir}\n`);
  });

  it("keeps serving through nginx when one of two replicas is killed mid-run", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: url }));
    // Both replicas are healthy and reachable through the proxy before the run.
    for (const replica of replicas) {
      const direct = await fetch(`${replica.url}/metrics`);
      assert.equal(direct.status, 200);
      await direct.text();
    }
    await client.ping({});

    const counts = {
      reads: 0,
      calls: 0,
      readErrors: [] as string[],
      callErrors: [] as string[],
      afterKill: 0,
    };
    let killed = false;
    let killedAt = 0;
    /** When each failed call ended, in ms after the kill. */
    const failedAt: number[] = [];
    /** Failed calls by caller: each has one call in flight, so at most one can die with a replica. */
    const failuresOf: number[] = [];
    const started = Date.now();
    const killer = setTimeout(() => {
      killed = true;
      killedAt = Date.now();
      void replicas[0]!.kill("SIGKILL");
    }, KILL_AT_MS);
    const caller = async (n: number) => {
      for (let i = 0; Date.now() - started < RUN_MS; i++) {
        const read = i % 2 === 1;
        try {
          if (read) await client.listTools({});
          else {
            const result = await client.callTool({
              name: "echo",
              arguments: JSON.stringify({ message: `c${n}-${i}` }),
            });
            const text =
              result.content[0]?.value.case === "textContent" ? result.content[0].value.value.text : "";
            assert.equal(text, `c${n}-${i}`);
          }
          if (read) counts.reads++;
          else counts.calls++;
          if (killed) counts.afterKill++;
        } catch (error) {
          const e = ConnectError.from(error);
          (read ? counts.readErrors : counts.callErrors).push(`${Code[e.code]}: ${e.rawMessage}`);
          failedAt.push(killed ? Date.now() - killedAt : -1);
          failuresOf[n] = (failuresOf[n] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, (_, n) => caller(n)));
    clearTimeout(killer);
    process.stderr.write(
      `scale-out: ${counts.reads} reads, ${counts.calls} tool calls through nginx, ${counts.afterKill} after the kill; ` +
        `errors: reads ${counts.readErrors.length}, tool calls ${counts.callErrors.length}, ` +
        `at ${JSON.stringify(failedAt)} ms after the kill ` +
        `${JSON.stringify({ reads: counts.readErrors.slice(0, 3), calls: counts.callErrors.slice(0, 3) })}\n`,
    );
    assert.ok(killed && replicas[0]!.child.signalCode === "SIGKILL", "replica 0 was killed mid-run");
    assert.ok(counts.afterKill > CALLERS * 10, `only ${counts.afterKill} calls succeeded after the kill`);
    assert.ok(
      failuresOf.every((count) => count <= 1),
      `a caller lost more than its call in flight: ${JSON.stringify(failuresOf)}`,
    );
    assert.ok(
      failedAt.every((ms) => ms >= 0 && ms < 1_000),
      `calls failed other than at the kill: ${JSON.stringify(failedAt)}`,
    );
    // The survivor served the rest, and the proxy still answers.
    const metrics = await (await fetch(`${replicas[1]!.url}/metrics`)).text();
    assert.match(metrics, /protomcp_gateway_calls_total\{[^}]*method="CallTool"[^}]*\} [1-9]/);
    await client.ping({});
  });
});
