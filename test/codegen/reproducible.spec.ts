import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { inventoryDir, root } from "./fixtures.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Folders with a buf.gen.yaml whose committed `gen/` must match a fresh generation. */
const generated = [
  inventoryDir,
  fileURLToPath(new URL("../../src/binary/grpc/", import.meta.url)),
  fileURLToPath(new URL("../../examples/demo/", import.meta.url)),
];

describe("committed generated code", () => {
  for (const dir of generated) {
    it(`${relative(root, dir)}/gen is byte-identical to a fresh \`buf generate\``, async function () {
      this.timeout(60_000);
      const out = mkdtempSync(join(tmpdir(), "protomcp-gen-"));
      try {
        // node_modules/.bin on PATH, as under npx, so that buf finds protoc-gen-es.
        const path = `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`;
        await run(require.resolve("@bufbuild/buf/bin/buf"), ["generate", "-o", out], {
          cwd: dir,
          env: { ...process.env, PATH: path },
        });
        const committed = join(dir, "gen");
        const fresh = join(out, "gen");
        const names = (d: string) =>
          listFiles(d)
            .map((f) => relative(d, f))
            .sort();
        assert.deepEqual(names(fresh), names(committed));
        for (const name of names(committed)) {
          assert.ok(
            readFileSync(join(fresh, name)).equals(readFileSync(join(committed, name))),
            `${name} differs from a fresh buf generate: run npx buf generate in ${relative(root, dir)}`,
          );
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  it("type-checks under the project's strict settings", async function () {
    this.timeout(120_000);
    const files = generated.flatMap((dir) => listFiles(join(dir, "gen"))).filter((f) => f.endsWith(".ts"));
    const flags = [
      "--noEmit",
      "--strict",
      "--target",
      "ES2022",
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--noUncheckedIndexedAccess",
      "--exactOptionalPropertyTypes",
      "--verbatimModuleSyntax",
      "--noUnusedLocals",
      "--skipLibCheck",
      "--types",
      "node",
    ];
    await run(process.execPath, [require.resolve("typescript/bin/tsc"), ...flags, ...files], { cwd: root });
  });
});
