/** `protomcp gateway`: wiring only; the gateway is `src/gateway`. */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadAuthConfig } from "../auth/index.js";
import { parseUpstream, readMcpServersFile, startGateway, type UpstreamConfig } from "../gateway/index.js";

const HELP = `usage: protomcp gateway (--upstream <stdio:COMMAND LINE | URL> | --config mcp.json) [--listen HOST:PORT]
                        [--tls-key key.pem --tls-cert cert.pem]
                        [--auth-token-env NAME [--auth-rules rules.json]] [--validate-arguments]

Serves mcp.v1.McpService (Connect, gRPC and gRPC-Web on one port, with gRPC reflection and health)
in front of MCP servers. --config reads an {"mcpServers": {...}} file; a call picks its server with
the 'mcp-upstream' header (default: the first). Default listen address: 127.0.0.1:0 (any free port);
the address is printed on stderr. --auth-token-env names an environment variable holding the
accepted tokens ("TOKEN" or "ID:TOKEN,ID:TOKEN"), sent as "Authorization: Bearer" or "X-Api-Key";
--auth-rules reads per-tool rules ({"rules": [{"identity": "ID", "allow": [...], "deny": [...]}]}).
--validate-arguments checks tools/call arguments against the tool's inputSchema before forwarding
(a mismatch is invalid_argument, with MCP error -32602 in the details).
Prometheus metrics are served at GET /metrics on the same port.
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
      "auth-token-env": { type: "string" },
      "auth-rules": { type: "string" },
      "validate-arguments": { type: "boolean", default: false },
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
  const tls =
    values["tls-key"] !== undefined && values["tls-cert"] !== undefined
      ? { tls: { key: readFileSync(values["tls-key"]), cert: readFileSync(values["tls-cert"]) } }
      : {};
  const tokenEnv = values["auth-token-env"];
  if (tokenEnv === undefined && values["auth-rules"] !== undefined) {
    process.stderr.write("protomcp gateway: --auth-rules needs --auth-token-env\n");
    return 2;
  }
  const auth =
    tokenEnv === undefined
      ? {}
      : {
          auth: loadAuthConfig({
            tokenEnv,
            ...(values["auth-rules"] === undefined ? {} : { rulesFile: values["auth-rules"] }),
          }),
        };
  const gateway = await startGateway({
    upstreams,
    host,
    port,
    ...tls,
    ...auth,
    validateArguments: values["validate-arguments"] === true,
  });
  process.stderr.write(
    `protomcp gateway: serving mcp.v1.McpService at ${gateway.url} (connect, grpc, grpc-web)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await gateway.close();
  return 0;
}
