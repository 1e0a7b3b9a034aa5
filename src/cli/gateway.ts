/** `protomcp gateway`: wiring only; the gateway is `src/gateway`. */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type AuthConfig, loadAuthConfig, parseRules } from "../auth/index.js";
import { parseUpstream, readMcpServersFile, startGateway, type UpstreamConfig } from "../gateway/index.js";

const HELP = `usage: protomcp gateway (--upstream <stdio:COMMAND LINE | URL> | --config mcp.json) [--listen HOST:PORT]
                        [--tls-key key.pem --tls-cert cert.pem [--tls-client-ca ca.pem]]
                        [--auth-token-env NAME] [--auth-rules rules.json] [--validate-arguments]
                        [--max-concurrent-per-upstream N] [--max-waiting-per-upstream N]
                        [--max-stream-queue-messages N] [--max-stream-queue-bytes N] [--body-timeout-ms N]
                        [--upstream-env NAME]... [--inherit-env] [--metrics-listen HOST:PORT]

Serves mcp.v1.McpService (Connect, gRPC and gRPC-Web on one port, with gRPC reflection and health)
in front of MCP servers. --config reads an {"mcpServers": {...}} file; a call picks its server with
the 'mcp-upstream' header (default: the first). Default listen address: 127.0.0.1:0 (any free port);
the address is printed on stderr. --auth-token-env names an environment variable holding the
accepted tokens ("TOKEN" or "ID:TOKEN,ID:TOKEN"), sent as "Authorization: Bearer" or "X-Api-Key";
--tls-client-ca turns on mutual TLS: a client certificate signed by that CA names the caller by
its subject CN, for --auth-rules. Without --auth-token-env every caller must present one (checked at
the handshake); with it, a caller may present either a certificate or a token.
--auth-rules reads per-tool rules ({"rules": [{"identity": "ID", "allow": [...], "deny": [...]}]}).
--validate-arguments checks tools/call arguments against the tool's inputSchema before forwarding
(a mismatch is invalid_argument, with MCP error -32602 in the details).
Limits: --max-concurrent-per-upstream calls in flight to one upstream (default 64), and
--max-waiting-per-upstream more waiting their turn (default 64; beyond that resource_exhausted).
A stream holds at most --max-stream-queue-messages (default 8192) or --max-stream-queue-bytes
(default 16777216) unread by its caller; past that the upstream request is cancelled and the stream
ends with resource_exhausted. A unary call whose request body goes --body-timeout-ms (default 5000)
without a byte fails with deadline_exceeded.
stdio upstreams start with only HOME, LOGNAME, PATH, SHELL, TERM and USER of this environment
(as the official SDK's stdio transport) plus the "env" of their mcpServers entry; --upstream-env NAME
(repeatable) passes another variable, --inherit-env all of them. The --auth-token-env variable and
any variable holding an accepted token or the TLS key are never passed.
Prometheus metrics are served at GET /metrics on the same port (with auth on, only to callers with
a valid token or certificate), or with --metrics-listen on that address alone (plain HTTP, no auth).
Label values are only configured upstream names and tool names an upstream listed; others are
counted as "(other)".
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      upstream: { type: "string", multiple: true },
      config: { type: "string" },
      listen: { type: "string", default: "127.0.0.1:0" },
      "tls-key": { type: "string" },
      "tls-cert": { type: "string" },
      "tls-client-ca": { type: "string" },
      "auth-token-env": { type: "string" },
      "auth-rules": { type: "string" },
      "validate-arguments": { type: "boolean", default: false },
      "max-concurrent-per-upstream": { type: "string" },
      "max-waiting-per-upstream": { type: "string" },
      "max-stream-queue-messages": { type: "string" },
      "max-stream-queue-bytes": { type: "string" },
      "body-timeout-ms": { type: "string" },
      "upstream-env": { type: "string", multiple: true },
      "inherit-env": { type: "boolean", default: false },
      "metrics-listen": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const upstreams = new Map<string, UpstreamConfig>();
  if (values.config !== undefined)
    for (const [k, v] of readMcpServersFile(values.config)) upstreams.set(k, v);
  for (const [i, spec] of (values.upstream ?? []).entries()) {
    upstreams.set(i === 0 && upstreams.size === 0 ? "default" : `upstream${i}`, parseUpstream(spec));
  }
  if (upstreams.size === 0) {
    process.stderr.write(`protomcp gateway: give --upstream or --config\n\n${HELP}`);
    return 2;
  }
  const at = values.listen!.lastIndexOf(":");
  const host = values.listen!.slice(0, at).replace(/^\[|\]$/g, "") || "127.0.0.1";
  const port = Number(values.listen!.slice(at + 1));
  const clientCa = values["tls-client-ca"];
  if (clientCa !== undefined && (values["tls-key"] === undefined || values["tls-cert"] === undefined)) {
    process.stderr.write("protomcp gateway: --tls-client-ca needs --tls-key and --tls-cert\n");
    return 2;
  }
  const tokenEnv = values["auth-token-env"];
  const passEnv = values["upstream-env"] ?? [];
  if (tokenEnv !== undefined && passEnv.includes(tokenEnv)) {
    process.stderr.write(
      `protomcp gateway: --upstream-env ${tokenEnv}: the gateway's tokens never go to upstreams\n`,
    );
    return 2;
  }
  let metricsListen: { host: string; port: number } | undefined;
  if (values["metrics-listen"] !== undefined) {
    const text = values["metrics-listen"];
    const match = /^(\[[^\]]+\]|[^:]*):(\d+)$/.exec(text);
    if (match === null) {
      process.stderr.write(`protomcp gateway: want --metrics-listen HOST:PORT, got '${text}'\n`);
      return 2;
    }
    metricsListen = { host: match[1]!.replace(/^\[|\]$/g, "") || "127.0.0.1", port: Number(match[2]) };
  }
  if (tokenEnv === undefined && clientCa === undefined && values["auth-rules"] !== undefined) {
    process.stderr.write("protomcp gateway: --auth-rules needs --auth-token-env or --tls-client-ca\n");
    return 2;
  }
  const limits: Record<string, number> = {};
  for (const [flag, option] of [
    ["max-concurrent-per-upstream", "maxConcurrentPerUpstream"],
    ["max-waiting-per-upstream", "maxWaitingPerUpstream"],
    ["max-stream-queue-messages", "maxStreamQueueMessages"],
    ["max-stream-queue-bytes", "maxStreamQueueBytes"],
    ["body-timeout-ms", "bodyTimeoutMs"],
  ] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    const n = Number(text);
    // Zero waiting is meaningful (refuse at once); zero of anything else would refuse everything.
    const least = flag === "max-waiting-per-upstream" ? 0 : 1;
    if (!Number.isSafeInteger(n) || n < least) {
      process.stderr.write(`protomcp gateway: --${flag} must be an integer >= ${least}, not '${text}'\n`);
      return 2;
    }
    limits[option] = n;
  }
  const tls =
    values["tls-key"] !== undefined && values["tls-cert"] !== undefined
      ? {
          tls: {
            key: readFileSync(values["tls-key"]),
            cert: readFileSync(values["tls-cert"]),
            // Mutual TLS: with tokens also accepted, a caller without a certificate gets as far as
            // the auth check (which wants a token); without, the handshake refuses it.
            ...(clientCa === undefined
              ? {}
              : {
                  ca: readFileSync(clientCa),
                  requestCert: true,
                  rejectUnauthorized: tokenEnv === undefined,
                }),
          },
        }
      : {};
  let auth: { auth?: AuthConfig } = {};
  if (tokenEnv !== undefined) {
    const loaded = loadAuthConfig({
      tokenEnv,
      ...(values["auth-rules"] === undefined ? {} : { rulesFile: values["auth-rules"] }),
    });
    auth = { auth: clientCa === undefined ? loaded : { ...loaded, trustClientCertificates: true } };
  } else if (clientCa !== undefined) {
    const rulesFile = values["auth-rules"];
    auth = {
      auth: {
        credentials: [],
        trustClientCertificates: true,
        ...(rulesFile === undefined
          ? {}
          : { rules: parseRules(JSON.parse(readFileSync(rulesFile, "utf8"))) }),
      },
    };
  }
  const gateway = await startGateway({
    upstreams,
    host,
    port,
    ...tls,
    ...auth,
    ...limits,
    validateArguments: values["validate-arguments"] === true,
    upstreamEnv: {
      inherit: values["inherit-env"] === true,
      pass: passEnv,
      withhold: tokenEnv === undefined ? [] : [tokenEnv],
    },
    ...(metricsListen === undefined ? {} : { metricsListen }),
  });
  process.stderr.write(
    `protomcp gateway: serving mcp.v1.McpService at ${gateway.url} (connect, grpc, grpc-web)\n`,
  );
  if (metricsListen !== undefined)
    process.stderr.write(`protomcp gateway: metrics at ${gateway.metricsUrl}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await gateway.close();
  return 0;
}
