/**
 * Generated code is reproducible: `proto/` is what scripts/proto makes from the spec, and `gen/` is
 * what `buf generate` makes from `proto/`. Either drifting fails here.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = join(prefix, name);
    return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

function assertSameTree(expected: string, actual: string): void {
  const want = filesUnder(expected).sort();
  assert.deepEqual(filesUnder(actual).sort(), want, `${actual} lists other files than ${expected}`);
  const differing = want.filter(
    (f) => !readFileSync(join(expected, f)).equals(readFileSync(join(actual, f))),
  );
  assert.deepEqual(differing, [], `regenerate: these differ from what the generator makes now`);
}

function hasCommand(command: string): boolean {
  try {
    execFileSync("which", [command], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const buf = (...args: string[]) =>
  execFileSync("npx", ["--no-install", "buf", ...args], { stdio: ["ignore", "pipe", "pipe"] });

describe("generated code", function () {
  this.timeout(120_000);
  let out: string;
  before(() => {
    out = mkdtempSync(join(tmpdir(), "protomcp-gen-"));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("proto/mcp/v1 is what scripts/proto generates from the spec", () => {
    execFileSync("npx", ["--no-install", "tsx", "scripts/proto/main.ts", "spec", join(out, "proto")], {
      stdio: "ignore",
    });
    const generated = filesUnder(join(out, "proto"));
    for (const file of generated) {
      assert.ok(
        readFileSync(join(out, "proto", file)).equals(readFileSync(join("proto/mcp/v1", file))),
        `proto/mcp/v1/${file} differs`,
      );
    }
    assert.ok(generated.length > 15);
  });

  it("buf lint is clean", () => {
    buf("lint");
  });

  it("gen/es and gen/ts-proto are what buf generate makes", () => {
    buf("generate", "-o", join(out, "ts"));
    assertSameTree(join(out, "ts", "gen", "es"), "gen/es");
    assertSameTree(join(out, "ts", "gen", "ts-proto"), "gen/ts-proto");
  });

  it("gen/python is what buf generate makes with protoc's plugins", function () {
    if (!hasCommand("protoc") || !hasCommand("grpc_python_plugin")) {
      // .ci/run installs them; a developer machine may not have them.
      if (process.env.CI === "true") assert.fail("protoc and grpc_python_plugin are missing on CI");
      this.skip();
    }
    buf("generate", "--template", "buf.gen.other.yaml", "-o", join(out, "other"));
    assertSameTree(join(out, "other", "gen", "python"), "gen/python");
  });

  it("gen/go is what buf generate makes with Debian's protoc-gen-go", function () {
    if (!hasCommand("protoc-gen-go") || !hasCommand("protoc-gen-go-grpc")) {
      if (process.env.CI === "true") assert.fail("protoc-gen-go and protoc-gen-go-grpc are missing on CI");
      this.skip();
    }
    buf("generate", "--template", "buf.gen.go.yaml", "-o", join(out, "go"));
    assertSameTree(join(out, "go", "gen", "go"), "gen/go");
  });
});
