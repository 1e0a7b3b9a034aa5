import { type DescField, ScalarType } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import type { JsonSchema } from "./json-schema.js";

/** The extension number of `(buf.validate.field)` on `google.protobuf.FieldOptions`. */
const VALIDATE_FIELD = 1159;

/** Field numbers in `buf.validate.FieldRules` (protovalidate's validate.proto). */
const FieldRules = { required: 25, string: 14, bytes: 15, enum: 16, repeated: 18, map: 19 } as const;
/** `buf.validate.FieldRules` cases of 32-bit and floating numbers, whose JSON is a number. */
const numberRules = new Map<number, (r: BinaryReader) => number>([
  [1, (r) => r.float()],
  [2, (r) => r.double()],
  [3, (r) => r.int32()],
  [5, (r) => r.uint32()],
  [7, (r) => r.sint32()],
  [9, (r) => r.fixed32()],
  [11, (r) => r.sfixed32()],
]);
/** The 64-bit cases, whose JSON is a string: their bounds can only be told in words. */
const bigintRules = new Map<number, (r: BinaryReader) => bigint | string>([
  [4, (r) => r.int64()],
  [6, (r) => r.uint64()],
  [8, (r) => r.sint64()],
  [10, (r) => r.fixed64()],
  [12, (r) => r.sfixed64()],
]);

/** One occurrence of a field: its wire type and raw bytes (with the length prefix, if any). */
interface RawValue {
  wireType: WireType;
  raw: Uint8Array;
}
/** One rule message as its fields: number to the raw values, in order (later ones win). */
type RawFields = Map<number, RawValue[]>;

/**
 * The protovalidate rules on a field (`(buf.validate.field)`), as what an input schema can say:
 * `required`, and JSON Schema keywords for the value (`minLength`, `pattern`, `minimum`,
 * `exclusiveMaximum`, `enum`, `minItems`, `uniqueItems`, `minProperties`, ...). Bounds of 64-bit
 * integers, whose JSON is a string, become a description. CEL rules are not translated.
 *
 * The extension is read from the unknown fields of the field options, as `field-behavior.ts`
 * does, so that validate.proto need not be registered; repeated occurrences merge as protobuf
 * merges a message.
 */
export function validateRules(field: DescField): { required: boolean; value: JsonSchema; items: JsonSchema } {
  const result = { required: false, value: {} as JsonSchema, items: {} as JsonSchema };
  const chunks = (field.proto.options?.$unknown ?? [])
    .filter((u) => u.no === VALIDATE_FIELD && u.wireType === WireType.LengthDelimited)
    .map((u) => new BinaryReader(u.data).bytes());
  if (chunks.length === 0) {
    return result;
  }
  const rules = readFields(concat(chunks));
  result.required = last(rules, FieldRules.required, (r) => r.bool()) === true;
  const itemRules = field.fieldKind === "list" ? subMessage(rules, FieldRules.repeated) : undefined;
  // Rules of the elements of a repeated field sit in `repeated.items` (a FieldRules).
  const scalarRules = itemRules === undefined ? rules : subMessage(itemRules, 4);
  const target = itemRules === undefined ? result.value : result.items;
  if (scalarRules !== undefined) {
    applyScalarRules(scalarRules, field, target);
  }
  if (itemRules !== undefined) {
    setIf(
      result.value,
      "minItems",
      last(itemRules, 1, (r) => Number(r.uint64())),
    );
    setIf(
      result.value,
      "maxItems",
      last(itemRules, 2, (r) => Number(r.uint64())),
    );
    if (last(itemRules, 3, (r) => r.bool()) === true) result.value.uniqueItems = true;
  }
  const mapRules = subMessage(rules, FieldRules.map);
  if (mapRules !== undefined) {
    setIf(
      result.value,
      "minProperties",
      last(mapRules, 1, (r) => Number(r.uint64())),
    );
    setIf(
      result.value,
      "maxProperties",
      last(mapRules, 2, (r) => Number(r.uint64())),
    );
  }
  return result;
}

function applyScalarRules(rules: RawFields, field: DescField, out: JsonSchema): void {
  const strings = subMessage(rules, FieldRules.string);
  if (strings !== undefined) {
    const exact = last(strings, 19, (r) => Number(r.uint64()));
    setIf(out, "minLength", exact ?? last(strings, 2, (r) => Number(r.uint64())));
    setIf(out, "maxLength", exact ?? last(strings, 3, (r) => Number(r.uint64())));
    setIf(
      out,
      "pattern",
      last(strings, 6, (r) => r.string()),
    );
    setIf(
      out,
      "const",
      last(strings, 1, (r) => r.string()),
    );
    const allowed = all(strings, 10, (r) => r.string(), false);
    if (allowed.length > 0) out.enum = allowed;
    if (last(strings, 12, (r) => r.bool()) === true) out.format = "email";
    if (last(strings, 22, (r) => r.bool()) === true) out.format = "uuid";
    const prefix = last(strings, 7, (r) => r.string());
    const suffix = last(strings, 8, (r) => r.string());
    if ((prefix !== undefined || suffix !== undefined) && out.pattern === undefined) {
      out.pattern = `^${escapeRegExp(prefix ?? "")}[\\s\\S]*${escapeRegExp(suffix ?? "")}$`;
    }
  }
  const enums = subMessage(rules, FieldRules.enum);
  if (enums !== undefined && field.enum !== undefined) {
    const desc = field.enum;
    const allowed = all(enums, 3, (r) => r.int32());
    const denied = all(enums, 4, (r) => r.int32());
    const exact = last(enums, 1, (r) => r.int32());
    out.enum = desc.values
      .filter((v) =>
        exact === undefined ? allowed.length === 0 || allowed.includes(v.number) : v.number === exact,
      )
      .filter((v) => !denied.includes(v.number))
      .map((v) => v.name);
  }
  for (const [no, read] of numberRules) {
    const numbers = subMessage(rules, no);
    if (numbers === undefined) continue;
    setIf(out, "const", last(numbers, 1, read));
    setIf(out, "exclusiveMaximum", last(numbers, 2, read));
    setIf(out, "maximum", last(numbers, 3, read));
    setIf(out, "exclusiveMinimum", last(numbers, 4, read));
    setIf(out, "minimum", last(numbers, 5, read));
    const allowed = all(numbers, 6, read);
    if (allowed.length > 0) out.enum = allowed;
  }
  for (const [no, read] of bigintRules) {
    const numbers = subMessage(rules, no);
    if (numbers === undefined) continue;
    const words = [
      ["equal to", last(numbers, 1, read)],
      ["greater than", last(numbers, 4, read)],
      ["at least", last(numbers, 5, read)],
      ["less than", last(numbers, 2, read)],
      ["at most", last(numbers, 3, read)],
    ].flatMap(([word, value]) => (value === undefined ? [] : [`${String(word)} ${String(value)}`]));
    if (words.length > 0) out.description = `Must be ${words.join(" and ")}.`;
  }
  if (field.scalar === ScalarType.BYTES) {
    // Byte lengths do not map onto base64 lengths exactly; leave them to the service.
    delete out.minLength;
    delete out.maxLength;
  }
}

function setIf<K extends keyof JsonSchema>(
  schema: JsonSchema,
  key: K,
  value: JsonSchema[K] | undefined,
): void {
  if (value !== undefined) schema[key] = value;
}

function readFields(bytes: Uint8Array): RawFields {
  const fields: RawFields = new Map();
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    const raw = reader.skip(wireType, no);
    fields.set(no, [...(fields.get(no) ?? []), { wireType, raw }]);
  }
  return fields;
}

/** A rule message field, its occurrences merged. */
function subMessage(fields: RawFields, no: number): RawFields | undefined {
  const raws = fields.get(no);
  return raws === undefined
    ? undefined
    : readFields(concat(raws.map(({ raw }) => new BinaryReader(raw).bytes())));
}

function last<T>(fields: RawFields, no: number, read: (r: BinaryReader) => T): T | undefined {
  const raws = fields.get(no);
  const value = raws?.[raws.length - 1];
  return value === undefined ? undefined : read(new BinaryReader(value.raw));
}

/**
 * All values of a repeated field. `packable` fields (numbers) may arrive as packed runs: one
 * length-delimited occurrence holding many values.
 */
function all<T>(fields: RawFields, no: number, read: (r: BinaryReader) => T, packable = true): T[] {
  const values: T[] = [];
  for (const { wireType, raw } of fields.get(no) ?? []) {
    if (!packable || wireType !== WireType.LengthDelimited) {
      values.push(read(new BinaryReader(raw)));
      continue;
    }
    const reader = new BinaryReader(new BinaryReader(raw).bytes());
    while (reader.pos < reader.len) values.push(read(reader));
  }
  return values;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
