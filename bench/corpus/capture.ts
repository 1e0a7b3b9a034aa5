/**
 * Captures real MCP traffic for the corpus. Run once; the output under
 * `bench/fixtures/captured/` is committed.
 *
 *   npx tsx bench/corpus/capture.ts
 *
 * It drives the official SDK client over stdio against server-everything and
 * server-filesystem (on a temp dir it fills with a few files) and writes each
 * request and its response as full JSON-RPC envelopes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { Fixture, FixtureKind } from "./fixture.js";
import { type RecordedMessage, RecordingTransport } from "./recording-transport.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(repoRoot, "bench/fixtures/captured");

/** A 1x1 PNG, so that the filesystem server has a real image to read. */
const PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function serverEntry(pkg: string): string {
  return join(repoRoot, "node_modules/@modelcontextprotocol", pkg, "dist/index.js");
}

function packageVersion(pkg: string): string {
  const path = join(repoRoot, "node_modules", pkg, "package.json");
  return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
}

async function connect(args: string[]): Promise<{ client: Client; recorder: RecordingTransport }> {
  const stdio = new StdioClientTransport({ command: process.execPath, args, stderr: "ignore" });
  const recorder = new RecordingTransport(stdio);
  const client = new Client({ name: "protomcp-bench-capture", version: "0.1.0" });
  await client.connect(recorder);
  return { client, recorder };
}

/** Pairs the request with `id` and its response into two fixtures. */
function exchange(
  messages: readonly RecordedMessage[],
  id: number,
  name: string,
  revision: string,
): Fixture[] {
  const parsed = messages.map((m) => ({ m, v: JSON.parse(m.json) as Record<string, unknown> }));
  const request = parsed.find(({ m, v }) => m.direction === "sent" && v.id === id && "method" in v);
  const response = parsed.find(({ m, v }) => m.direction === "received" && v.id === id && !("method" in v));
  if (!request || !response) throw new Error(`cannot find exchange ${id} (${name})`);
  const method = String(request.v.method);
  const kind: FixtureKind = "error" in response.v ? "error" : "result";
  return [
    { name: `${name}-request`, kind: "request", method, revision, origin: "captured", json: request.m.json },
    { name, kind, method, revision, origin: "captured", json: response.m.json },
  ];
}

/** Runs `steps` one by one, remembering which request id each one used. */
async function session(
  prefix: string,
  args: string[],
  steps: ReadonlyArray<readonly [string, (client: Client) => Promise<unknown>]>,
): Promise<Fixture[]> {
  const { client, recorder } = await connect(args);
  const revision = recorder.messages.length > 0 ? negotiatedRevision(recorder.messages) : "unknown";
  const fixtures: Fixture[] = [];
  for (const [name, step] of steps) {
    const before = recorder.messages.length;
    await step(client);
    const sent = recorder.messages.slice(before).find((m) => m.direction === "sent");
    const id = sent ? (JSON.parse(sent.json) as { id?: number }).id : undefined;
    if (id === undefined) throw new Error(`cannot capture ${name}: no request was sent`);
    fixtures.push(...exchange(recorder.messages, id, `${prefix}-${name}`, revision));
  }
  await client.close();
  return fixtures;
}

function negotiatedRevision(messages: readonly RecordedMessage[]): string {
  for (const m of messages) {
    const v = JSON.parse(m.json) as { result?: { protocolVersion?: string } };
    if (m.direction === "received" && v.result?.protocolVersion) return v.result.protocolVersion;
  }
  return "unknown";
}

async function captureEverything(): Promise<Fixture[]> {
  let firstResource = "";
  return session(
    "everything",
    [serverEntry("server-everything"), "stdio"],
    [
      ["tools-list", (c) => c.listTools()],
      ["tools-call-echo", (c) => c.callTool({ name: "echo", arguments: { message: "hello, protomcp" } })],
      ["tools-call-sum", (c) => c.callTool({ name: "get-sum", arguments: { a: 2, b: 40 } })],
      ["tools-call-image", (c) => c.callTool({ name: "get-tiny-image", arguments: {} })],
      [
        "tools-call-structured",
        (c) => c.callTool({ name: "get-structured-content", arguments: { location: "New York" } }),
      ],
      [
        "resources-list",
        async (c) => {
          const list = await c.listResources();
          firstResource = list.resources[0]?.uri ?? "";
          return list;
        },
      ],
      ["resources-read", (c) => c.readResource({ uri: firstResource })],
      ["prompts-list", (c) => c.listPrompts()],
      [
        "prompts-get",
        (c) => c.getPrompt({ name: "args-prompt", arguments: { city: "Lisbon", state: "PT" } }),
      ],
    ],
  );
}

async function captureFilesystem(): Promise<Fixture[]> {
  const dir = mkdtempSync(join(tmpdir(), "protomcp-capture-"));
  try {
    writeFileSync(join(dir, "README.md"), "# Sample\n\nA small tree for the protomcp benchmark corpus.\n");
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/main.ts"), 'export const greeting = "hello";\n'.repeat(40));
    writeFileSync(join(dir, "pixel.png"), Buffer.from(PIXEL_PNG, "base64"));
    const fixtures = await session(
      "filesystem",
      [serverEntry("server-filesystem"), dir],
      [
        ["tools-list", (c) => c.listTools()],
        [
          "tools-call-read-text",
          (c) => c.callTool({ name: "read_text_file", arguments: { path: join(dir, "src/main.ts") } }),
        ],
        [
          "tools-call-read-media",
          (c) => c.callTool({ name: "read_media_file", arguments: { path: join(dir, "pixel.png") } }),
        ],
        ["tools-call-list-dir", (c) => c.callTool({ name: "list_directory", arguments: { path: dir } })],
      ],
    );
    // The temp dir name is random; make the committed text stable.
    return fixtures.map((f) => ({ ...f, json: f.json.split(dir).join("/tmp/protomcp-capture") }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const groups = { everything: await captureEverything(), filesystem: await captureFilesystem() };
  for (const [server, fixtures] of Object.entries(groups)) {
    const file = join(outDir, `${server}.json`);
    writeFileSync(file, `${JSON.stringify(fixtures, null, 2)}\n`);
    process.stderr.write(`wrote ${fixtures.length} fixtures to ${file}\n`);
  }
  const versions = [
    "@modelcontextprotocol/sdk",
    "@modelcontextprotocol/server-everything",
    "@modelcontextprotocol/server-filesystem",
  ]
    .map((p) => `${p}@${packageVersion(p)}`)
    .join(", ");
  process.stderr.write(`captured with node ${process.version}, ${versions}\n`);
}

await main();
