/**
 * `protomcp mcp`: serves MCP (stdio or Streamable HTTP) in front of a binary `mcp.v1` endpoint.
 * Wiring only; the work is done by `src/server/mcp-face.ts`. Logs go to stderr.
 */
import { parseArgs } from "node:util";
import { type AuthConfig, loadAuthConfig } from "../auth/index.js";
import { serveMcpFace } from "../server/index.js";

const usage = `usage: protomcp mcp --upstream URL (--stdio | --listen HOST:PORT)

Serves MCP in front of a binary mcp.v1 endpoint (gRPC over HTTP/2: h2c for http://, TLS for
https://), in any language: protomcp's typed servers, grpcio, grpc-go, ...

options:
  --upstream URL          the mcp.v1 endpoint, e.g. http://127.0.0.1:50051
  --stdio                 serve MCP on stdin/stdout
  --listen HOST:PORT      serve MCP over Streamable HTTP at http://HOST:PORT/mcp
  --allow-host NAME       accept this name in Host/Origin (default: loopback names); repeatable
  --forward-header NAME   pass this header of the MCP HTTP request on to each RPC; repeatable
  --auth-token-env NAME   HTTP clients need a token from env NAME ("TOKEN" or "ID:TOKEN,...")
  --auth-rules FILE       per-tool rules: {"rules": [{"identity": "ID", "allow": [..], "deny": [..]}]}
  --upstream-token-env NAME  send the token in env NAME to the upstream as a bearer token
  --max-message-bytes N   refuse (-32602) a request larger than N bytes in protobuf before sending
                          it upstream (default 16777216, the gateway's own limit)
  --body-timeout-ms N     with --listen: answer 408 (-32600) to a POST whose body goes N ms
                          without a byte (default 5000)
  --metrics               serve Prometheus metrics at http://HOST:PORT/metrics (with --listen;
                          with --auth-token-env, only to clients with a valid token)
`;

function fail(message: string, code: number): number {
  process.stderr.write(`protomcp mcp: ${message}`);
  return code;
}

/** Parses `HOST:PORT` (`[::1]:8080` for IPv6). */
function parseAddress(text: string): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { host: match[1].replace(/^\[|\]$/g, ""), port: Number(match[2]) };
}

/** Runs `protomcp mcp` and resolves to the exit code once the server stops. */
export async function run(args: string[]): Promise<number> {
  let values: {
    upstream?: string;
    stdio?: boolean;
    listen?: string;
    help?: boolean;
    "allow-host"?: string[];
    "forward-header"?: string[];
    "auth-token-env"?: string;
    "auth-rules"?: string;
    "upstream-token-env"?: string;
    metrics?: boolean;
    "max-message-bytes"?: string;
    "body-timeout-ms"?: string;
  };
  try {
    values = parseArgs({
      args,
      options: {
        upstream: { type: "string" },
        stdio: { type: "boolean" },
        listen: { type: "string" },
        "allow-host": { type: "string", multiple: true },
        "forward-header": { type: "string", multiple: true },
        "auth-token-env": { type: "string" },
        "auth-rules": { type: "string" },
        "upstream-token-env": { type: "string" },
        metrics: { type: "boolean" },
        "max-message-bytes": { type: "string" },
        "body-timeout-ms": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
  if (values.help === true) {
    process.stderr.write(usage);
    return 0;
  }
  if (values.upstream === undefined || (values.stdio === true) === (values.listen !== undefined)) {
    return fail(`want --upstream and exactly one of --stdio and --listen\n\n${usage}`, 2);
  }
  let upstream: URL;
  try {
    upstream = new URL(values.upstream);
  } catch {
    return fail(`not a URL: '${values.upstream}'\n`, 2);
  }
  if (values.metrics === true && values.listen === undefined) {
    return fail("--metrics needs --listen: metrics are served on the HTTP port\n", 2);
  }
  const address = values.listen === undefined ? undefined : parseAddress(values.listen);
  if (values.listen !== undefined && address === undefined) {
    return fail(`want --listen HOST:PORT, got '${values.listen}'\n`, 2);
  }
  const numbers: { maxMessageBytes?: number; bodyTimeoutMs?: number } = {};
  for (const [flag, option] of [
    ["max-message-bytes", "maxMessageBytes"],
    ["body-timeout-ms", "bodyTimeoutMs"],
  ] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 1)
      return fail(`--${flag} must be an integer >= 1, not '${text}'\n`, 2);
    numbers[option] = n;
  }
  let auth: AuthConfig | undefined;
  let upstreamToken: string | undefined;
  try {
    const tokenEnv = values["auth-token-env"];
    if (tokenEnv !== undefined) {
      const rules = values["auth-rules"];
      auth = loadAuthConfig({ tokenEnv, ...(rules === undefined ? {} : { rulesFile: rules }) });
    }
    const upstreamEnv = values["upstream-token-env"];
    if (upstreamEnv !== undefined) {
      upstreamToken = process.env[upstreamEnv];
      if (upstreamToken === undefined || upstreamToken === "") throw new Error(`${upstreamEnv} is unset`);
    }
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n`, 2);
  }
  const face = await serveMcpFace({
    upstream,
    ...(address === undefined ? { stdio: true } : { listen: address }),
    ...(values["allow-host"] === undefined ? {} : { allowedHosts: values["allow-host"] }),
    ...(values["forward-header"] === undefined ? {} : { forwardHeaders: values["forward-header"] }),
    ...(auth === undefined ? {} : { auth }),
    ...(upstreamToken === undefined ? {} : { upstreamToken }),
    ...(values.metrics === true ? { metrics: true } : {}),
    ...numbers,
  });
  if (face.url !== undefined)
    process.stderr.write(`protomcp mcp: serving MCP at ${face.url} for ${upstream.href}\n`);
  const signalled = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await Promise.race([face.closed, signalled]);
  await face.close();
  return 0;
}
