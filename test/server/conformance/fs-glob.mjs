// node:fs plus `globSync`, which @modelcontextprotocol/conformance imports and Node 20 lacks
// (it arrived in Node 22). Only the `tier-check` command uses it, with `**/checks.json`.
import fs from "node:fs";
import path from "node:path";

export * from "node:fs";
export default fs;

/** Enough of Node 22's `fs.globSync` for `**\/NAME` patterns (relative paths, like Node's). */
export function globSync(pattern, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const name = path.basename(pattern);
  return fs
    .readdirSync(cwd, { recursive: true })
    .map(String)
    .filter((entry) => path.basename(entry) === name);
}
