// Builds the base64 addon (native/base64.c, Node-API only: one binary serves Node 20 to 26) and
// copies it to prebuilds/<platform>-<arch>/protomcp_base64.node, where the loader
// (src/transcode/native-base64.ts) looks for it, so that users need no compiler.
// It uses the node-gyp npm carries and the headers installed with this Node (or npm's `nodedir`),
// never a download. A failure leaves no binary (the transcoder then takes its JavaScript path):
// with --required it exits 1, otherwise it says so in one line and exits 0.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Where a prebuild can exist: the addon's kernels are x86-64, and it was measured only there. */
const PLATFORMS = ["linux-x64"];

const required = process.argv.includes("--required");
const nativeDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(nativeDir);
const platform = `${process.platform}-${process.arch}`;
const target = join(root, "prebuilds", platform, "protomcp_base64.node");

function log(line) {
  process.stderr.write(`protomcp: ${line}\n`);
}

function fail(why) {
  log(`base64 addon not built, the transcoder will use Node's string base64 (${why})`);
  process.exit(required ? 1 : 0);
}

/** npm tells its scripts where its node-gyp is; run by hand, it is looked for beside npm. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const besideNpm = join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules");
  const gyp = join(besideNpm, "node-gyp", "bin", "node-gyp.js");
  return existsSync(gyp) ? gyp : undefined;
}

/** The headers to build against: npm's `nodedir`, or those installed with this Node. */
function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : undefined;
}

// An old binary must not survive a failed build and be shipped in its place.
rmSync(target, { force: true });
if (!PLATFORMS.includes(platform)) fail(`no prebuild for ${platform}`);
const gyp = nodeGyp();
if (gyp === undefined) fail("node-gyp not found beside npm; run through npm or set npm_config_node_gyp");
const dir = nodeDir();
if (dir === undefined) fail("no Node headers beside this node; set npm_config_nodedir");

log(`building the base64 addon with ${gyp} against ${dir}`);
const result = spawnSync(process.execPath, [gyp, "rebuild", "--directory", nativeDir, `--nodedir=${dir}`], {
  stdio: ["ignore", "ignore", "pipe"],
  timeout: 180_000,
});
if (result.status !== 0) {
  if (result.error) fail(result.error.message);
  const lines = (result.stderr?.toString() ?? "").trim().split("\n");
  const errors = lines.filter((l) => /error/i.test(l)).slice(0, 2);
  fail((errors.length > 0 ? errors : lines.slice(-1)).join("; "));
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(nativeDir, "build", "Release", "protomcp_base64.node"), target);
log(`base64 addon built: ${relative(root, target)}`);
