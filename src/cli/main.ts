/**
 * The `protomcp` command line: one file per command under `src/cli/`, loaded on demand so that
 * starting one command never pays for the others.
 */
interface Command {
  run(args: string[]): Promise<number>;
}

const commands: Record<string, { load: () => Promise<Command>; summary: string }> = {
  convert: {
    load: () => import("./convert.js"),
    summary: "convert MCP messages between JSON and protobuf (binary or text)",
  },
  gateway: {
    load: () => import("./gateway.js"),
    summary: "serve gRPC, Connect and gRPC-Web in front of MCP servers",
  },
  mcp: {
    load: () => import("./mcp.js"),
    summary: "serve MCP (stdio or Streamable HTTP) in front of a binary mcp.v1 endpoint",
  },
  tools: { load: () => import("./tools.js"), summary: "serve any gRPC service's methods as MCP tools" },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: protomcp <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun 'protomcp <command> --help' for a command's options.\n`;
}

/** Runs one command with its arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stderr.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`protomcp: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  // The long-running commands serve many callers: what nothing caught is logged and counted, not
  // fatal (a backstop: each such failure is also a gap to close where it happened).
  if (name !== "convert") {
    const { installLastResort } = await import("../observe/index.js");
    installLastResort();
  }
  return (await command.load()).run(rest);
}
