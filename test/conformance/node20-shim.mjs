// `node --import ./node20-shim.mjs .../conformance/dist/index.js`: runs the conformance CLI on
// Node 20, which lacks `fs.globSync` (Node 22). Inside @modelcontextprotocol/conformance, `fs`
// resolves to node:fs plus a `globSync` good enough for the `**/NAME` patterns it uses (only its
// `tier-check` command does). On Node 22 the hook is not installed.
import fs from "node:fs";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

const FS_WITH_GLOB = `data:text/javascript,${encodeURIComponent(`
import fs from "node:fs";
import path from "node:path";
export * from "node:fs";
export default fs;
export function globSync(pattern, options = {}) {
  const name = path.basename(pattern);
  return fs.readdirSync(options.cwd ?? process.cwd(), { recursive: true })
    .map(String).filter((entry) => path.basename(entry) === name);
}
`)}`;

// The hooks run on their own thread, where this module is loaded again: register only once.
if (isMainThread && typeof fs.globSync !== "function") register(import.meta.url);

/** Module hook: `fs` / `node:fs` imported from the conformance package resolves to FS_WITH_GLOB. */
export async function resolve(specifier, context, next) {
  if ((specifier === "fs" || specifier === "node:fs") && context.parentURL?.includes("/conformance/dist/")) {
    return { url: FS_WITH_GLOB, shortCircuit: true };
  }
  return next(specifier, context);
}
