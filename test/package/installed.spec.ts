/**
 * protomcp as a user gets it: `npm pack` (which builds dist/), then the tarball installed into an
 * empty app with `--ignore-scripts`, so without protomcp's devDependencies (no tsx, no TypeScript at
 * run time). The app (test/package/app) is strict TypeScript written against the exports map only,
 * compiled with tsc and run with plain `node`; the CLI runs from the app's `node_modules/.bin`.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const appFixture = fileURLToPath(new URL("./app", import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

/** The app's own dependencies, at the versions this checkout has (so that npm's cache serves them). */
const APP_DEPENDENCIES = [
  "@bufbuild/protobuf",
  "@connectrpc/connect",
  "@connectrpc/connect-node",
  "@modelcontextprotocol/sdk",
  "@grpc/grpc-js",
  "@types/node",
];

/** Runs a command to its end; its stdout, or a failure that shows what it printed. */
function run(command: string, args: string[], cwd: string, input?: Buffer | string): Buffer {
  const result = spawnSync(command, args, { cwd, input, maxBuffer: 64 << 20, timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status ?? result.signal}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}

/** Starts a long-running process; resolves with the first match of `pattern` in its output. */
function started(child: ChildProcess, pattern: RegExp, stream: "stdout" | "stderr"): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    child[stream]!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen)?.[1];
      if (match !== undefined) resolve(match);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code} before it was ready: ${seen}`)));
  });
}

/** Every module specifier the installed package's exports map offers, patterns expanded. */
function exportedSpecifiers(pkg: string): string[] {
  const exports = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).exports as Record<
    string,
    string | { default: string }
  >;
  const specifiers: string[] = [];
  for (const [key, target] of Object.entries(exports)) {
    const file = typeof target === "string" ? target : target.default;
    if (!file.endsWith(".js")) continue; // package.json and the .proto files are not modules
    if (!key.includes("*")) {
      specifiers.push(`protomcp${key.slice(1)}`);
      continue;
    }
    const [before, after] = file.split("*") as [string, string];
    for (const entry of readdirSync(join(pkg, before))) {
      if (entry.endsWith(after))
        specifiers.push(`protomcp${key.slice(1).replace("*", entry.slice(0, -after.length))}`);
    }
  }
  return specifiers;
}

describe("package: the packed tarball installed into a fresh app", function () {
  this.timeout(120_000);
  let dir: string;
  let app: string;
  let installed: string;
  let tarball: { filename: string; size: number; unpackedSize: number; entryCount: number };
  const children: ChildProcess[] = [];

  before(function () {
    this.timeout(600_000);
    dir = mkdtempSync(join(tmpdir(), "protomcp-package-"));
    [tarball] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], root).toString());
    app = join(dir, "app");
    cpSync(appFixture, app, { recursive: true });
    const dependencies: Record<string, string> = { protomcp: `file:${join(dir, tarball.filename)}` };
    for (const name of APP_DEPENDENCIES) {
      dependencies[name] =
        `^${JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version}`;
    }
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "app", private: true, type: "module", dependencies }, null, 2),
    );
    run(
      "npm",
      ["install", "--ignore-scripts", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"],
      app,
    );
    installed = join(app, "node_modules", "protomcp");
    // Compiled once, used by the tests below: the type check is a test of its own.
    spawnSync(process.execPath, [tsc, "-p", app], { cwd: app });
  });

  after(() => {
    for (const child of children) child.kill();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("ships dist/, proto/, bin/ and prebuilds/ and no sources, tests, bench, fixtures or examples", () => {
    process.stderr.write(
      `      tarball: ${tarball.size} bytes, ${tarball.entryCount} files, ${tarball.unpackedSize} bytes unpacked\n`,
    );
    const top = readdirSync(installed).sort();
    assert.deepEqual(top, [
      "LICENSE",
      "README.md",
      "bin",
      "dist",
      "docs",
      "package.json",
      "prebuilds",
      "proto",
    ]);
    assert.ok(existsSync(join(installed, "proto/mcp/v1/tools.proto")));
    assert.ok(existsSync(join(installed, "dist/src/server/worker-bootstrap.mjs")));
  });

  it("converts base64 with the shipped prebuild where one is expected, with Node's string base64 elsewhere", () => {
    const expected =
      `${process.platform}-${process.arch}` === "linux-x64" &&
      /^flags\s*:.* avx2( |$)/m.test(readFileSync("/proc/cpuinfo", "utf8"));
    assert.equal(
      existsSync(join(installed, "prebuilds/linux-x64/protomcp_base64.node")),
      process.platform === "linux",
    );
    const said = spawnSync(
      process.execPath,
      ["-e", 'await import("protomcp/transcode")', "--input-type=module"],
      {
        cwd: app,
        env: { ...process.env, DEBUG: "protomcp" },
      },
    ).stderr.toString();
    assert.match(
      said,
      expected ? /^protomcp:base64 addon, bytes to bytes/m : /^protomcp:base64 Node's string base64/m,
    );
  });

  it("installs none of protomcp's devDependencies (no tsx, no TypeScript, no test tools)", () => {
    for (const name of [
      "tsx",
      "typescript",
      "mocha",
      "fast-check",
      "tinybench",
      "@bufbuild/buf",
      "ts-proto",
    ]) {
      assert.ok(!existsSync(join(app, "node_modules", name)), `${name} was installed`);
    }
  });

  it("imports every exports subpath from a plain .mjs file", () => {
    const specifiers = exportedSpecifiers(installed);
    assert.ok(specifiers.length > 50, `only ${specifiers.length} specifiers`);
    const script = [
      "const counts = {};",
      ...specifiers.map(
        (s) => `counts[${JSON.stringify(s)}] = Object.keys(await import(${JSON.stringify(s)})).length;`,
      ),
      `counts["proto"] = (await import("node:fs")).existsSync(new URL(import.meta.resolve("protomcp/proto/mcp/v1/tools.proto"))) ? 1 : 0;`,
      "process.stdout.write(JSON.stringify(counts));",
    ].join("\n");
    writeFileSync(join(app, "imports.mjs"), script);
    const counts = JSON.parse(run(process.execPath, ["imports.mjs"], app).toString()) as Record<
      string,
      number
    >;
    for (const [specifier, count] of Object.entries(counts))
      assert.ok(count > 0, `${specifier} exports nothing`);
    assert.ok(counts.protomcp! >= 5 && counts["protomcp/testing"]! >= 2, JSON.stringify(counts));
  });

  it("keeps internal files out of reach", () => {
    const refused = spawnSync(process.execPath, ["-e", 'import("protomcp/dist/src/cli/main.js")'], {
      cwd: app,
    });
    assert.match(refused.stderr.toString(), /ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });

  it("type-checks a strict TypeScript app (moduleResolution nodenext) against the shipped .d.ts", () => {
    run(process.execPath, [tsc, "-p", app, "--noEmit"], app);
  });

  it("round-trips a message with `protomcp convert`", () => {
    const json = '{"type":"text","text":"héllo","_meta":{"k":[1,2]}}\n';
    const binary = run(
      "node_modules/.bin/protomcp",
      ["convert", "--type", "TextContent", "--from", "json", "--to", "binary"],
      app,
      json,
    );
    assert.ok(binary.length > 0 && binary.length < json.length);
    const back = run(
      "node_modules/.bin/protomcp",
      ["convert", "--type", "TextContent", "--from", "binary", "--to", "json"],
      app,
      binary,
    );
    assert.deepEqual(JSON.parse(back.toString()), JSON.parse(json));
  });

  it("puts `protomcp gateway` in front of server-everything, answering a Connect client", async () => {
    const gateway = spawn(
      "node_modules/.bin/protomcp",
      ["gateway", "--upstream", `stdio:${process.execPath} ${everything} stdio`, "--listen", "127.0.0.1:0"],
      { cwd: app, stdio: ["ignore", "ignore", "pipe"] },
    );
    children.push(gateway);
    const url = await started(gateway, /serving mcp\.v1\.McpService at (\S+)/, "stderr");
    const answer = JSON.parse(run(process.execPath, ["dist/gateway-client.js", url], app).toString());
    assert.deepEqual(answer.content, [{ type: "text", text: "Echo: from the app" }]);
  });

  it("serves a typed server (plain-JS worker handler included) to the official SDK client through `protomcp mcp`", async () => {
    const server = spawn(process.execPath, ["dist/server.js"], {
      cwd: app,
      stdio: ["pipe", "pipe", "inherit"],
    });
    children.push(server);
    const url = await started(server, /^(http\S+)\n/, "stdout");
    const answer = JSON.parse(run(process.execPath, ["dist/sdk-client.js", url], app).toString());
    assert.deepEqual(answer, {
      tools: ["add", "primes"],
      sum: { sum: 5 },
      primes: { count: 25, largest: 97 },
    });
  });

  it("answers `protomcp --help` with plain node (time shown against `node -e 0`, same run)", () => {
    const time = (args: string[]): number => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        run(process.execPath, args, app);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3]!;
    };
    const bare = time(["-e", "0"]);
    const help = time(["node_modules/protomcp/bin/protomcp.js", "--help"]);
    // Speed is reported, not asserted (see bench/); the figure goes into the test's output.
    process.stderr.write(
      `      --help: ${help.toFixed(0)} ms, node -e 0: ${bare.toFixed(0)} ms (medians of 7)\n`,
    );
    const usage = spawnSync("node_modules/.bin/protomcp", ["--help"], { cwd: app }).stderr.toString();
    for (const command of ["convert", "gateway", "mcp", "tools"])
      assert.match(usage, new RegExp(`^  ${command} `, "m"));
  });
});
