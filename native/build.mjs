// `npm install` builds the optional base64 addon (native/base64.cc) with the node-gyp npm carries,
// against the local Node headers (npm's `nodedir`). A machine without a compiler or headers keeps
// the transcoder's JavaScript path: the failure is reported on stderr and the install goes on.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

if (process.env.PROTOMCP_NATIVE === "0") {
  process.stderr.write("protomcp: PROTOMCP_NATIVE=0, base64 addon not built\n");
  process.exit(0);
}

/** npm tells its scripts where its node-gyp is; run by hand, it is looked for beside npm. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  try {
    return createRequire(import.meta.url).resolve("node-gyp/bin/node-gyp.js");
  } catch {
    const npm = join(dirname(process.execPath), "..", "lib", "node_modules", "npm");
    const besideNpm = join(npm, "node_modules", "node-gyp", "bin", "node-gyp.js");
    return existsSync(besideNpm) ? besideNpm : undefined;
  }
}

/** The headers to build against: npm's `nodedir`, or those installed with this node, never a download. */
function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : undefined;
}

const gyp = nodeGyp();
const dir = nodeDir();
const result =
  gyp === undefined
    ? { status: 1, error: new Error("node-gyp not found") }
    : spawnSync(process.execPath, [gyp, "rebuild", ...(dir === undefined ? [] : [`--nodedir=${dir}`])], {
        stdio: ["ignore", "ignore", "pipe"],
        timeout: 120_000,
      });
if (result.status !== 0) {
  const why = result.error?.message ?? result.stderr?.toString().trim().split("\n").slice(-3).join("\n");
  process.stderr.write(`protomcp: base64 addon not built, using the JavaScript path (${why})\n`);
}
