/**
 * `protomcp tools`: serves the methods of any gRPC/Connect service as MCP tools. Wiring only; the
 * work is done by `src/codegen/`.
 */
import { parseArgs } from "node:util";
import type { FileRegistry } from "@bufbuild/protobuf";
import { type AuthConfig, loadAuthConfig } from "../auth/index.js";
import { CodegenError } from "../codegen/codegen-error.js";
import { buildProtos } from "../codegen/descriptors/build-protos.js";
import type { ToolNaming } from "../codegen/json-schema/tool-name.js";
import { serveTools } from "../codegen/serve/index.js";
import { createServiceTransport, type ServiceProtocol } from "../codegen/tools/service-transport.js";
import { createToolSet } from "../codegen/tools/tool-set.js";

const usage = `usage: protomcp tools --target URL (--stdio | --listen HOST:PORT) [options]

Serves each method of a gRPC/Connect service as an MCP tool.

options:
  --proto PATH            a .proto file or a directory (buf module) to compile with buf; repeatable.
                          Without it, the target's gRPC server reflection is asked.
  --service NAME          expose only this service (simple or full name); repeatable
  --method NAME           expose only this method (Method, Service.Method or full); repeatable
  --prefix P              prepend P to every tool name
  --naming N              qualified (default), service or method
  --target URL            the service's base URL, e.g. http://127.0.0.1:8080
  --protocol P            grpc (default), connect or grpcweb
  --header 'K: V'         send this header with every call; repeatable
  --forward-header NAME   pass this header of the MCP HTTP request on to the service; repeatable
  --timeout MS            the deadline of each call (default 30000, 0 for none)
  --stdio                 serve MCP on stdin/stdout
  --listen HOST:PORT      serve MCP over Streamable HTTP at http://HOST:PORT/mcp
  --allow-host NAME       accept this name in Host/Origin (default: loopback names); repeatable
  --auth-token-env NAME   HTTP clients need a token from env NAME ("TOKEN" or "ID:TOKEN,...")
  --auth-rules FILE       per-tool rules: {"rules": [{"identity": "ID", "allow": [..], "deny": [..]}]}
`;

/** Runs `protomcp tools` and resolves to the exit code once the server stops. */
export async function run(args: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
  if (values.help === true) {
    process.stderr.write(usage);
    return 0;
  }
  if (values.target === undefined || (values.stdio === true) === (values.listen !== undefined)) {
    return fail(`want --target and exactly one of --stdio and --listen\n\n${usage}`, 2);
  }
  try {
    const protocol = (values.protocol ?? "grpc") as ServiceProtocol;
    const transport = createServiceTransport({ target: values.target, protocol });
    const headers = parseHeaders(values.header ?? []);
    const registry = await loadRegistry(values.proto ?? [], values.target, protocol);
    const toolSet = createToolSet(registry, {
      transport,
      headers,
      services: values.service ?? [],
      methods: values.method ?? [],
      registry,
      ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
      ...(values.naming === undefined ? {} : { naming: values.naming as ToolNaming }),
      ...(values.timeout === undefined ? {} : { timeoutMs: Number(values.timeout) }),
    });
    if (toolSet.tools.length === 0) {
      return fail("no methods to serve: check --proto, --service and --method", 1);
    }
    const auth = authConfig(values["auth-token-env"], values["auth-rules"]);
    const served = await serveTools(
      toolSet,
      values.stdio === true
        ? { stdio: true }
        : {
            listen: values.listen ?? "",
            forwardHeaders: values["forward-header"] ?? [],
            ...(values["allow-host"] === undefined ? {} : { allowedHosts: values["allow-host"] }),
            ...(auth === undefined ? {} : { auth }),
          },
    );
    log(
      `serving ${toolSet.tools.length} tools for ${values.target}: ${toolSet.tools.map((t) => t.name).join(", ")}`,
    );
    if (served.url !== undefined) {
      log(`listening on ${served.url}`);
    }
    const stop = (): void => void served.close();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    await served.closed;
    return 0;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), 1);
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      proto: { type: "string", multiple: true },
      service: { type: "string", multiple: true },
      method: { type: "string", multiple: true },
      prefix: { type: "string" },
      naming: { type: "string" },
      target: { type: "string" },
      protocol: { type: "string" },
      header: { type: "string", multiple: true },
      "forward-header": { type: "string", multiple: true },
      timeout: { type: "string" },
      stdio: { type: "boolean" },
      listen: { type: "string" },
      "allow-host": { type: "string", multiple: true },
      "auth-token-env": { type: "string" },
      "auth-rules": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function loadRegistry(
  protos: string[],
  target: string,
  protocol: ServiceProtocol,
): Promise<FileRegistry> {
  if (protos.length > 0) {
    return buildProtos(protos);
  }
  // Reflection is loaded on demand: most users pass --proto.
  const { reflectRegistry } = await import("../codegen/reflection/reflect-registry.js");
  log(`no --proto given: asking ${target} for its services by server reflection`);
  return reflectRegistry({ target, protocol });
}

/** Access control as `protomcp mcp` takes it: tokens from an environment variable, rules from a file. */
function authConfig(tokenEnv: string | undefined, rulesFile: string | undefined): AuthConfig | undefined {
  if (tokenEnv === undefined) {
    if (rulesFile !== undefined) {
      throw new CodegenError("invalid_argument", "cannot use --auth-rules without --auth-token-env");
    }
    return undefined;
  }
  return loadAuthConfig({ tokenEnv, ...(rulesFile === undefined ? {} : { rulesFile }) });
}

function parseHeaders(lines: string[]): Headers {
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) {
      throw new CodegenError("invalid_argument", `cannot use --header "${line}": want 'name: value'`);
    }
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

function log(line: string): void {
  process.stderr.write(`protomcp tools: ${line}\n`);
}

function fail(message: string, code: number): number {
  log(message);
  return code;
}
