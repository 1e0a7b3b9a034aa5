/**
 * The law, for every definition of both revisions (issue 25): no JSON object leaves the transcoder
 * with one key twice. Binary → JSON, an `additional_properties` entry under a key its message
 * defines, in any object of a generated value, is refused with `DuplicateKey` naming the key — unless
 * it is an empty list or map whose field is unset, or a property of the other revision, and then the
 * JSON written holds each key once. JSON → binary, a key repeated in any typed object is refused.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { type DescMessage, fromBinary, isFieldSet, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { findMessage, type McpRevision, mcpRevisions } from "../../src/schema/index.js";
import { binaryToJson, jsonToBinary, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";
import { formatPath } from "../../src/transcode/errors.js";
import { type FieldPlan, Kind, type MessagePlan, planFor } from "../../src/transcode/plan.js";
import { duplicateKeyIn } from "./duplicate-keys.js";
import { SchemaArbitraries } from "./schema-arbitrary.js";

const SCALAR_ALIASES = new Set(["Cursor", "ResultType"]);

/** JSON texts an attacker might put under a field's key: the typed value's shapes, and the empty ones. */
const SHADOWS = ['"get-env"', "[]", "{}", " [ ] ", "{ }", "1", "null", "true", '{"name":"get-env"}', '["x"]'];

type Message = Record<string, unknown>;

/** Every object message in `message` (itself included) that has an `additional_properties` field. */
function objectsOf(desc: DescMessage, message: Message, out: { message: Message; plan: MessagePlan }[]) {
  const plan = planFor(desc);
  if (plan?.kind === "object" && plan.additional !== undefined) out.push({ message, plan });
  for (const field of desc.fields) {
    let value: unknown;
    if (field.oneof !== undefined) {
      const o = message[field.oneof.localName] as { case?: string; value?: unknown } | undefined;
      if (o?.case !== field.localName) continue;
      value = o.value;
    } else value = message[field.localName];
    if (value === undefined) continue;
    if (field.fieldKind === "message") objectsOf(field.message, value as Message, out);
    else if (field.fieldKind === "list" && field.listKind === "message")
      for (const e of value as Message[]) objectsOf(field.message, e, out);
    else if (field.fieldKind === "map" && field.mapKind === "message")
      for (const e of Object.values(value as Record<string, Message>)) objectsOf(field.message, e, out);
  }
}

/** The JSON keys of a plan, each with its fields (a oneof's members share one). */
function keysOf(plan: MessagePlan): [string, FieldPlan[]][] {
  const keys = new Map<string, FieldPlan[]>();
  for (const f of plan.fields) if (!f.isAdditional) keys.set(f.key, [...(keys.get(f.key) ?? []), f]);
  return [...keys];
}

/** Whether the message sets a field written under `key` (an empty list or map is not written). */
function written(message: Message, fields: FieldPlan[]): boolean {
  return fields.some((f) => {
    if (!isFieldSet(message as never, f.desc)) return false;
    const value = message[f.desc.localName];
    if (f.desc.fieldKind === "list") return (value as unknown[]).length > 0;
    if (f.desc.fieldKind === "map") return Object.keys(value as object).length > 0;
    return true;
  });
}

/** Whether an additional entry may hold `text` under the key of `fields` (as the transcoder's rule says). */
function mayHold(fields: FieldPlan[], text: string, revision: McpRevision): boolean {
  const f = fields[0]!;
  if (fields.length > 1) return false; // a oneof's key (`params`, `result`)
  if (f.definedIn !== undefined && !f.definedIn.includes(revision)) return true;
  const compact = text.replace(/\s/g, "");
  if (f.repeated) return compact === "[]";
  if (f.map !== undefined) return compact === "{}";
  return false;
}

function assertRefused(run: () => unknown, key: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TranscodeError, String(error));
    assert.equal(error.code, TranscodeCode.DuplicateKey, error.message);
    assert.ok(error.path.endsWith(formatPath([key]).slice(1)), `${error.path} ends with ${key}`);
    assert.ok(error.message.includes(`'${key}'`), error.message);
    return true;
  });
}

/** The typed objects of a JSON value (not open values, not union members: those are definitions of their own). */
function typedObjects(
  value: unknown,
  plan: MessagePlan,
  revision: McpRevision,
  out: [Message, MessagePlan][],
) {
  if (plan.kind !== "object" || typeof value !== "object" || value === null || Array.isArray(value)) return;
  const object = value as Message;
  out.push([object, plan]);
  for (const [key, v] of Object.entries(object)) {
    const f =
      key === plan.oneofKey
        ? typeof object.method === "string"
          ? plan.oneofByMethod.get(object.method)
          : undefined
        : plan.fields.find((x) => !x.isAdditional && x.key === key);
    if (f === undefined || f.kind !== Kind.Message) continue;
    if (f.definedIn !== undefined && !f.definedIn.includes(revision)) continue;
    const message = f.map?.message ?? f.message;
    if (message === undefined) continue;
    const values = f.map !== undefined ? Object.values(v as object) : Array.isArray(v) ? v : [v];
    for (const e of values) typedObjects(e, message, revision, out);
  }
}

/** The JSON-RPC member a JSONRPCMessage value converts as (a result is typed only by its request). */
function envelopeOf(value: unknown): MessagePlan {
  const object = value as Message;
  const name =
    "result" in object
      ? "JSONRPCResultResponse"
      : "error" in object
        ? "JSONRPCErrorResponse"
        : "id" in object
          ? "JSONRPCRequest"
          : "JSONRPCNotification";
  return planFor(name)!;
}

/** `value` as JSON text, with `"key":dup` written again in `target` after `key`'s first place. */
function withDuplicate(value: unknown, target: Message, key: string, dup: string, after: number): string {
  const text = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(text).join(",")}]`;
    if (typeof v !== "object" || v === null) return JSON.stringify(v);
    const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${text(x)}`);
    if (v === target) {
      const first = Object.keys(v).indexOf(key);
      const at = first < 0 ? entries.length : first + 1 + (after % (entries.length - first));
      if (first < 0) entries.push(`${JSON.stringify(key)}:${dup}`);
      entries.splice(at, 0, `${JSON.stringify(key)}:${dup}`);
    }
    return `{${entries.join(",")}}`;
  };
  return text(value);
}

for (const revision of mcpRevisions) {
  const defs = JSON.parse(
    readFileSync(new URL(`../../spec/${revision}/schema.json`, import.meta.url), "utf8"),
  ).$defs;
  const arbitraries = new SchemaArbitraries(defs, true);
  for (const requireFields of [true, false]) {
    const options = { revision, requireFields } as const;
    describe(`transcode: no duplicate keys, generated ${revision} values${requireFields ? "" : ", permissive"}`, () => {
      for (const name of Object.keys(defs).sort()) {
        if (SCALAR_ALIASES.has(name) || defs[name].enum !== undefined) continue;
        /**
         * The definition, and the JSON-RPC message where it is one (the compiled paths): a request,
         * notification or response that converts as one strictly (permissive, anything converts, its
         * keys unknown properties whose values are JSON text).
         */
        const typesOf = (text: string): string[] => {
          if (!/(Request|Notification|Response)$/.test(name)) return [name];
          try {
            jsonToBinary("JSONRPCMessage", text, { revision, requireFields: true });
            return [name, "JSONRPCMessage"];
          } catch {
            return [name];
          }
        };

        it(`${name}: binary → JSON, additional_properties never shadows a defined key`, () => {
          fc.assert(
            fc.property(
              arbitraries.forDefinition(name),
              fc.nat(),
              fc.nat(),
              fc.constantFrom(...SHADOWS),
              (value, which, whichKey, shadow) => {
                const text = JSON.stringify(value);
                for (const type of typesOf(text)) {
                  const desc = findMessage(type)!;
                  const message = fromBinary(desc, jsonToBinary(type, text, options)) as unknown as Message;
                  const objects: { message: Message; plan: MessagePlan }[] = [];
                  objectsOf(desc, message, objects);
                  if (objects.length === 0) continue;
                  const target = objects[which % objects.length]!;
                  const keys = keysOf(target.plan);
                  if (keys.length === 0) continue; // a map in all but name (InputResponses)
                  const [key, fields] = keys[whichKey % keys.length]!;
                  const additional = target.plan.additional!.desc.localName;
                  target.message[additional] = {
                    ...(target.message[additional] as object),
                    [key]: shadow,
                  };
                  const bytes = toBinary(desc, message as never);
                  const run = () => Buffer.from(binaryToJson(type, bytes, options)).toString();
                  if (!mayHold(fields, shadow, revision) || written(target.message, fields))
                    assertRefused(run, key);
                  else assert.equal(duplicateKeyIn(run()), undefined);
                }
              },
            ),
            { numRuns: 20 },
          );
        });

        it(`${name}: JSON → binary, a key twice in a typed object is refused`, () => {
          fc.assert(
            fc.property(
              arbitraries.forDefinition(name),
              fc.nat(),
              fc.nat(),
              fc.nat(),
              fc.boolean(),
              (value, which, whichKey, after, same) => {
                const text = JSON.stringify(value);
                for (const type of typesOf(text)) {
                  const objects: [Message, MessagePlan][] = [];
                  typedObjects(value, type === name ? planFor(name)! : envelopeOf(value), revision, objects);
                  if (objects.length === 0) continue;
                  const [target, plan] = objects[which % objects.length]!;
                  const keys = Object.keys(target);
                  // An empty object gets a key it does not define, twice.
                  if (keys.length === 0 && plan.additional === undefined) continue;
                  const key = keys.length > 0 ? keys[whichKey % keys.length]! : "x-unknown";
                  const dup = keys.length > 0 && same ? JSON.stringify(target[key]) : '"get-env"';
                  const input = withDuplicate(value, target, key, dup, after);
                  assert.equal(duplicateKeyIn(input) !== undefined, true);
                  assertRefused(() => jsonToBinary(type, input, options), key);
                }
              },
            ),
            { numRuns: 20 },
          );
        });
      }
    });
  }
}
