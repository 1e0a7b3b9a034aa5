/**
 * The `protomcp` command line: one file per command under `src/cli/`, loaded on demand so that
 * starting one command never pays for the others.
 */
const commands: Record<string, { file: string; summary: string }> = {
  convert: {
    file: "./convert.ts",
    summary: "convert MCP messages between JSON and protobuf (binary or text)",
  },
  gateway: { file: "./gateway.ts", summary: "serve gRPC, Connect and gRPC-Web in front of MCP servers" },
  mcp: {
    file: "./mcp.ts",
    summary: "serve MCP (stdio or Streamable HTTP) in front of a binary mcp.v1 endpoint",
  },
  tools: { file: "./tools.ts", summary: "serve any gRPC service's methods as MCP tools" },
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
  const module = (await import(new URL(command.file, import.meta.url).href)) as {
    run(args: string[]): Promise<number>;
  };
  return module.run(rest);
}
