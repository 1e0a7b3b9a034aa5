#!/usr/bin/env node
// The `protomcp` command: the compiled CLI in dist/ (`npm run build` makes it; `npm pack` ships it).
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`protomcp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
