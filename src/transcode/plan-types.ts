/**
 * What a plan is (per message, how each JSON property maps to a field) and the look-ups the hot
 * loops make in one: by key bytes, by method bytes, by field number, and the required check.
 */
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import type { McpRevision } from "../schema/index.js";

export enum Kind {
  String,
  Bytes,
  Int64,
  Double,
  Bool,
  Enum,
  Message,
  Raw,
  Const,
}

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;

export interface FieldPlan {
  /** The JSON property. */
  key: string;
  keyBytes: Uint8Array;
  keyHash: number;
  /** `"key":` as UTF-8, ready to write. */
  keyJson: Uint8Array;
  number: number;
  kind: Kind;
  /** The element's wire type (for repeated fields, of one element). */
  wireType: number;
  /** The tag as varint bytes, ready to write. */
  tag: Uint8Array;
  tagValue: number;
  repeated: boolean;
  map: FieldPlan | undefined;
  message: MessagePlan | undefined;
  desc: DescField;
  enumNames: string[] | undefined;
  enumNumbers: Map<string, number> | undefined;
  /** For a constant property: the constant's JSON text and value. */
  constJson: Uint8Array | undefined;
  constValue: string | number | undefined;
  /** Bit in the message's required masks. */
  requiredBit: number;
  /**
   * Bit of the field's JSON key among its message's keys (the members of a oneof share their key's),
   * for the check that no key is written twice; 0 past the 31st key, whose fields are tracked by
   * `keySlot` in a Set (no message has that many).
   */
  keyBit: number;
  keySlot: number;
  methods: string[];
  /**
   * The revisions that define the property, when not all of its message's do: in the others it
   * is a property the spec does not define there, kept as an additional one when the field cannot
   * hold its value.
   */
  definedIn: McpRevision[] | undefined;
  isAdditional: boolean;
  /**
   * Of a base64 `bytes` field: its text alternative (`(json).base64_text`), which carries the same
   * JSON property when its text is not canonical base64.
   */
  text: FieldPlan | undefined;
  /**
   * Of a text alternative: its `bytes` field, whose key, key bit and required bit it shares. It is
   * never looked up by key (JSON's key is the bytes field's), only by number.
   */
  textOf: FieldPlan | undefined;
  /** This field alone in a list: a union's answer when it is the only candidate, made once. */
  alone: FieldPlan[];
}

export type MessageKind = "object" | "union" | "raw" | "scalar-union";

export interface MessagePlan {
  name: string;
  kind: MessageKind;
  desc: DescMessage;
  fields: FieldPlan[];
  byNumber: (FieldPlan | undefined)[];
  /**
   * Fields by the first byte of their key (keys are never empty): the key scan then needs no hash,
   * and a look-up is an array index and a compare with the one or two keys that share the byte.
   */
  byFirstByte: (FieldPlan[] | undefined)[];
  /** For oneofs typed by method: the JSON property (`params`, `result`) and its members. */
  oneofKey: string | undefined;
  /** The JSON-RPC envelope this message is, if any: its id is tracked to type responses. */
  envelope: "request" | "response" | undefined;
  oneofMembers: FieldPlan[];
  oneofByMethod: Map<string, FieldPlan>;
  /** The methods of `oneofByMethod` by the first byte of their UTF-8, to find one with no string made. */
  methodsByFirstByte: ({ bytes: Uint8Array; method: string }[] | undefined)[];
  /** Whether converting reads the object's `id` and `method` (JSON-RPC envelopes, typed params). */
  readsIdAndMethod: boolean;
  oneofRaw: FieldPlan | undefined;
  additional: FieldPlan | undefined;
  /** Text alternatives of base64 fields (numbered past `byNumber`, as `additional` is). */
  texts: FieldPlan[];
  consts: FieldPlan[];
  /** Required properties per revision, as bit masks over `requiredBit`, and their names. */
  requiredMask: Record<McpRevision, number>;
  requiredKeys: Record<McpRevision, FieldPlan[]>;
  /** Repeated fields required in every revision: written as `[]` when a typed producer left them empty. */
  alwaysRequiredLists: FieldPlan[];
  // Unions
  variants: FieldPlan[];
  /** `JSONRPCMessage`, whose member JSON-RPC's own rule decides (no discriminator constant). */
  isJsonRpcMessage: boolean;
  /** Variants by their message's name. */
  variantsByName: Map<string, FieldPlan>;
  /** Whether the message defines a `task` property (a result that may instead be a CreateTaskResult). */
  hasTask: boolean;
  /** The JSON property of `oneofKey` as bytes. */
  oneofKeyBytes: Uint8Array | undefined;
  discriminator: string | undefined;
  variantByConst: Map<string, FieldPlan>;
  /** The same, by the constant's JSON text as bytes. */
  variantByConstJson: [Uint8Array, FieldPlan][];
  /** Keys that only one variant defines: seeing one decides the variant. By key hash, then bytes. */
  decisive: Map<number, { key: Uint8Array; variant: FieldPlan }[]>;
  discriminatorBytes: Uint8Array | undefined;
  /**
   * The compiled encoder of an object plan (`compiled-encoder.ts`, which alone reads it): undefined until
   * made, null where it cannot be.
   */
  compiled: unknown;
  /** The same for the compiled decoder (`compiled-decoder.ts`). */
  compiledDecoder: unknown;
}

/** Finds the field of an object plan for the key in `b[start, end)` (its raw bytes, no escapes). */
export function fieldByKey(
  plan: MessagePlan,
  b: Uint8Array,
  start: number,
  end: number,
): FieldPlan | undefined {
  if (start === end) return undefined;
  const candidates = plan.byFirstByte[b[start]!];
  if (candidates === undefined) return undefined;
  const n = end - start;
  outer: for (let c = 0; c < candidates.length; c++) {
    const f = candidates[c]!;
    const k = f.keyBytes;
    if (k.length !== n) continue;
    for (let i = 1; i < n; i++) if (k[i] !== b[start + i]) continue outer;
    return f;
  }
  return undefined;
}

/**
 * The method of `plan.oneofByMethod` whose UTF-8 is `b[start, end)` (a string's raw content, no
 * escapes), as the plan's own string: no string is made for a known method.
 */
export function methodAt(plan: MessagePlan, b: Uint8Array, start: number, end: number): string | undefined {
  if (start === end) return undefined;
  const candidates = plan.methodsByFirstByte[b[start]!];
  if (candidates === undefined) return undefined;
  const n = end - start;
  outer: for (let c = 0; c < candidates.length; c++) {
    const { bytes, method } = candidates[c]!;
    if (bytes.length !== n) continue;
    for (let i = 1; i < n; i++) if (bytes[i] !== b[start + i]) continue outer;
    return method;
  }
  return undefined;
}

/** The field numbered `no` of `plan`, the additional properties' and text alternatives' included. */
export function fieldByNumber(plan: MessagePlan, no: number): FieldPlan | undefined {
  const byNumber = plan.byNumber;
  if (no < byNumber.length) return byNumber[no];
  const additional = plan.additional;
  if (additional !== undefined && additional.number === no) return additional;
  const texts = plan.texts;
  for (let i = 0; i < texts.length; i++) if (texts[i]!.number === no) return texts[i];
  return undefined;
}

/**
 * Says which properties the revision requires of `plan` that `seen` (a mask over `requiredBit`)
 * lacks, as an error reason; undefined when none.
 */
export function missingRequired(plan: MessagePlan, revision: McpRevision, seen: number): string | undefined {
  const mask = plan.requiredMask[revision];
  if ((seen & mask) === mask) return undefined;
  const missing = plan.requiredKeys[revision]
    .filter((f) => (seen & f.requiredBit) === 0)
    .map((f) => `'${f.key}'`);
  return `cannot convert ${plan.name}: missing required ${missing.join(", ")} (MCP ${revision})`;
}
