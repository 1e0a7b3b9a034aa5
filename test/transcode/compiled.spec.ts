/**
 * The compiled fast paths (src/transcode/compiled-encoder.ts, compiled-decoder.ts) against the
 * interpreter they stand in for: for every message, valid or not, the same outcome — the same bytes
 * and the same requests tracked, or the same error. They must also be taken for the common shapes,
 * or they would be dead weight.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { type McpRevision, mcpRevisions } from "../../src/schema/index.js";
import { compiledDecoding } from "../../src/transcode/compiled-decoder.js";
import { compiledEncoding } from "../../src/transcode/compiled-encoder.js";
import { JsonRpcTranscoder, TranscodeError } from "../../src/transcode/index.js";
import { SchemaArbitraries } from "./schema-arbitrary.js";

interface Captured {
  name: string;
  method: string;
  revision: McpRevision;
  json: string;
}

const captured = ["everything", "filesystem"].flatMap(
  (server) =>
    JSON.parse(
      readFileSync(new URL(`../../bench/fixtures/captured/${server}.json`, import.meta.url), "utf8"),
    ) as Captured[],
);

interface Settings {
  revision: McpRevision;
  requireFields: boolean;
  /** The request a response answers. */
  answers?: { id: string | number; method: string } | undefined;
}

/** What converting `text` gives: bytes and the requests left pending, or the error. */
function outcome(text: string | Buffer, settings: Settings, compiled: boolean): unknown {
  compiledEncoding.enabled = compiled;
  try {
    const t = new JsonRpcTranscoder({ revision: settings.revision, requireFields: settings.requireFields });
    if (settings.answers !== undefined) t.expect(settings.answers.id, settings.answers.method);
    const bytes = Buffer.from(t.toBinary(text)).toString("hex");
    return { bytes, pending: t.pendingCount };
  } catch (error) {
    if (!(error instanceof TranscodeError)) throw error;
    return { code: error.code, path: error.path, reason: error.reason, offset: error.offset };
  } finally {
    compiledEncoding.enabled = true;
  }
}

/** What decoding `bytes` gives: JSON text and the requests left pending, or the error. */
function decoded(bytes: Uint8Array, settings: Settings, compiled: boolean): unknown {
  compiledDecoding.enabled = compiled;
  try {
    const t = new JsonRpcTranscoder({ revision: settings.revision, requireFields: settings.requireFields });
    if (settings.answers !== undefined) t.expect(settings.answers.id, settings.answers.method);
    const json = Buffer.from(t.toJson(bytes)).toString("utf8");
    return { json, pending: t.pendingCount };
  } catch (error) {
    if (!(error instanceof TranscodeError)) throw error;
    return { code: error.code, path: error.path, reason: error.reason, offset: error.offset };
  } finally {
    compiledDecoding.enabled = true;
  }
}

function sameOutcome(text: string | Buffer, settings: Settings): void {
  const result = outcome(text, settings, true);
  assert.deepEqual(result, outcome(text, settings, false), String(text).slice(0, 300));
  // And back: the decoders agree on what the encoders made.
  if (typeof result === "object" && result !== null && "bytes" in result)
    sameDecoding(Buffer.from(result.bytes as string, "hex"), settings);
}

function sameDecoding(bytes: Uint8Array, settings: Settings): void {
  const hex = Buffer.from(bytes).toString("hex").slice(0, 300);
  assert.deepEqual(decoded(bytes, settings, true), decoded(bytes, settings, false), hex);
}

/** A captured message's settings: its revision and, for a response, the request it answers. */
function settingsOf(m: Captured, requireFields = true): Settings {
  const msg = JSON.parse(m.json) as { id?: string | number; method?: string };
  const answers =
    msg.method === undefined && msg.id !== undefined ? { id: msg.id, method: m.method } : undefined;
  return { revision: m.revision, requireFields, answers };
}

/** Requests' methods by their definitions, and results by the request they answer. */
function methods(defs: Record<string, { properties?: Record<string, { const?: string }> }>) {
  const messages: string[] = [];
  const results: [string, string][] = [];
  for (const [name, def] of Object.entries(defs)) {
    const method = def.properties?.method?.const;
    if (method === undefined || def.properties?.jsonrpc === undefined) continue;
    messages.push(name);
    const result = name.replace(/Request$/, "Result");
    if (result !== name && defs[result] !== undefined) results.push([result, method]);
  }
  return { messages, results };
}

describe("transcode: the compiled path gives the interpreter's outcome", () => {
  it("takes every captured message, with the same bytes", () => {
    for (const m of captured) {
      const msg = JSON.parse(m.json) as { id?: string | number; method?: string };
      const answers =
        msg.method === undefined && msg.id !== undefined ? { id: msg.id, method: m.method } : undefined;
      const settings = { revision: m.revision, requireFields: true, answers };
      const before = compiledEncoding.fallbacks;
      sameOutcome(m.json, settings);
      assert.equal(compiledEncoding.fallbacks, before, `${m.name} took the compiled path`);
      sameOutcome(m.json, { ...settings, requireFields: false });
    }
  });

  it("takes notifications written method first (as the SDK writes them); with an id, the interpreter decides", () => {
    const examples = new URL("../../spec/2026-07-28/examples/", import.meta.url);
    const names = ["ProgressNotification", "LoggingMessageNotification", "CancelledNotification"];
    let seen = 0;
    for (const name of names) {
      for (const file of readdirSync(new URL(`${name}/`, examples))) {
        const { method, params } = JSON.parse(readFileSync(new URL(`${name}/${file}`, examples), "utf8"));
        for (const revision of mcpRevisions) {
          const settings = { revision, requireFields: true };
          const before = compiledEncoding.fallbacks;
          sameOutcome(JSON.stringify({ method, params, jsonrpc: "2.0" }), settings);
          assert.equal(compiledEncoding.fallbacks, before, `${name}/${file} took the compiled path`);
          // A notification's method with an id: whatever the interpreter makes of it.
          sameOutcome(JSON.stringify({ method, params, jsonrpc: "2.0", id: 7 }), settings);
          sameOutcome(JSON.stringify({ method, jsonrpc: "2.0", id: "x", params }), settings);
          seen++;
        }
      }
    }
    assert.ok(seen >= names.length * mcpRevisions.length);
  });

  it("decodes every captured message by the compiled path, with the same text", () => {
    for (const m of captured) {
      const settings = settingsOf(m);
      const t = new JsonRpcTranscoder({ revision: m.revision });
      if (settings.answers !== undefined) t.expect(settings.answers.id, settings.answers.method);
      const bytes = t.toBinary(m.json);
      const before = compiledDecoding.fallbacks;
      sameDecoding(bytes, settings);
      assert.equal(compiledDecoding.fallbacks, before, `${m.name} took the compiled path`);
      sameDecoding(bytes, { ...settings, requireFields: false });
    }
  });

  it("decodes what typed producers write (their field order, constants left out) as the interpreter does", () => {
    for (const m of captured) {
      const settings = settingsOf(m);
      const t = new JsonRpcTranscoder({ revision: m.revision });
      if (settings.answers !== undefined) t.expect(settings.answers.id, settings.answers.method);
      const message = fromBinary(JSONRPCMessageSchema, t.toBinary(m.json));
      sameDecoding(toBinary(JSONRPCMessageSchema, message), settings);
      const envelope = message.value.value;
      if (envelope !== undefined) envelope.jsonrpc = undefined;
      sameDecoding(toBinary(JSONRPCMessageSchema, message), settings);
      sameDecoding(toBinary(JSONRPCMessageSchema, message), { ...settings, requireFields: false });
    }
  });

  it("decodes every one-byte damage of captured messages as the interpreter does", () => {
    const damage = [0x00, 0x01, 0x02, 0x0a, 0x12, 0x22, 0x7f, 0x80, 0xff];
    for (const m of captured.filter((c) => c.json.length < 1500)) {
      const settings = settingsOf(m);
      const t = new JsonRpcTranscoder({ revision: m.revision });
      if (settings.answers !== undefined) t.expect(settings.answers.id, settings.answers.method);
      const bytes = Buffer.from(t.toBinary(m.json));
      for (let i = 0; i < bytes.length; i++) {
        sameDecoding(bytes.subarray(0, i), settings);
        sameDecoding(Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]), settings);
        for (const d of damage) {
          const copy = Buffer.from(bytes);
          copy[i] = d;
          sameDecoding(copy, settings);
        }
      }
    }
  });

  it("gives the same outcome for every one-byte damage of captured messages", () => {
    const damage = ['"', "\\", "}", "]", ",", ":", "1", " ", "{", "x", "\u00e9"];
    for (const m of captured.filter((c) => c.json.length < 1500)) {
      const msg = JSON.parse(m.json) as { id?: string | number; method?: string };
      const answers =
        msg.method === undefined && msg.id !== undefined ? { id: msg.id, method: m.method } : undefined;
      const settings = { revision: m.revision, requireFields: true, answers };
      const bytes = Buffer.from(m.json);
      for (let i = 0; i < bytes.length; i++) {
        sameOutcome(bytes.subarray(0, i), settings);
        sameOutcome(Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]), settings);
        for (const d of damage)
          sameOutcome(Buffer.concat([bytes.subarray(0, i), Buffer.from(d), bytes.subarray(i + 1)]), settings);
      }
    }
  });

  for (const revision of mcpRevisions) {
    const defs = JSON.parse(
      readFileSync(new URL(`../../spec/${revision}/schema.json`, import.meta.url), "utf8"),
    ).$defs;
    const { messages, results } = methods(defs);
    for (const [unknownProperties, requireFields] of [
      [false, true],
      [true, true],
      [false, false],
    ] as const) {
      const variant = `${revision}${unknownProperties ? ", with unknown properties" : ""}${requireFields ? "" : ", permissive"}`;
      const arbitraries = new SchemaArbitraries(defs, unknownProperties);

      it(`gives the same outcome for generated requests and notifications (${variant})`, () => {
        for (const name of messages) {
          fc.assert(
            fc.property(arbitraries.forDefinition(name), (value) =>
              sameOutcome(JSON.stringify(value), { revision, requireFields }),
            ),
            { numRuns: 20 },
          );
        }
      });

      it(`gives the same outcome for generated responses, typed by their request (${variant})`, () => {
        const alternates = ["InputRequiredResult", "CreateTaskResult"].filter((n) => defs[n] !== undefined);
        const cases = [...results, ...alternates.map((n) => [n, "tools/call"] as [string, string])];
        const id = fc.oneof(fc.nat(), fc.string({ maxLength: 6 }));
        for (const [name, method] of cases) {
          const envelope = fc.record({
            jsonrpc: fc.constant("2.0"),
            id,
            result: arbitraries.forDefinition(name),
          });
          const ordered = envelope.chain((e) =>
            fc
              .shuffledSubarray(Object.keys(e), { minLength: 3, maxLength: 3 })
              .map((keys) => Object.fromEntries(keys.map((k) => [k, e[k as keyof typeof e]]))),
          );
          fc.assert(
            fc.property(ordered, (value) =>
              sameOutcome(JSON.stringify(value), {
                revision,
                requireFields,
                answers: { id: value.id as string | number, method },
              }),
            ),
            { numRuns: 20 },
          );
        }
      });
    }
  }
});
