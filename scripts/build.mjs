// `npm run build` (and `prepack`): dist/ from src/ and the generated TypeScript stubs, with tsc;
// then the files tsc does not emit (the worker threads' plain-JavaScript entry), and the base64
// addon's prebuild (native/build.mjs). A package must not ship without its prebuild, so `prepack`
// (`--pack`) requires it; a contributor's build without a compiler goes on with Node's string base64.
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = performance.now();
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
process.stderr.write("protomcp build: tsc -p tsconfig.build.json\n");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);
for (const asset of ["src/server/worker-bootstrap.mjs"]) cpSync(`${root}${asset}`, `${root}dist/${asset}`);
// Generated stubs read the same as the TypeScript they come from: their source maps (4.8 of the
// 6.5 MB of maps) would only double the package.
for (const entry of readdirSync(`${root}dist/gen`, { recursive: true })) {
  const path = `${root}dist/gen/${entry}`;
  if (path.endsWith(".js.map")) rmSync(path);
  else if (path.endsWith(".js"))
    writeFileSync(path, readFileSync(path, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\n?$/, "\n"));
}
const native = ["native/build.mjs", ...(process.argv.includes("--pack") ? ["--required"] : [])];
const built = spawnSync(process.execPath, native, { cwd: root, stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);
process.stderr.write(`protomcp build: dist/ and prebuilds/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
