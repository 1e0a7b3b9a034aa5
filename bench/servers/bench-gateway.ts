import { startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { repoRoot, tsxArgs } from "./spawn.js";

/** protomcp's gateway in front of the bench SDK server (`stdio-server.ts`) as its stdio child. */
export function startBenchGateway(): ReturnType<typeof startGateway> {
  return startGateway({
    upstreams: new Map([
      ["bench", { command: process.execPath, args: tsxArgs("./stdio-server.ts"), cwd: repoRoot }],
    ]),
    logger: createLogger({ level: "error" }),
  });
}
