/**
 * Compiles `mcp.v1` descriptors and their JSON options into plans: for each message, how each JSON
 * property maps to a field, precomputed once so the hot loops only look things up.
 */
import { type DescField, type DescMessage, getOption, hasOption, ScalarType } from "@bufbuild/protobuf";
import { json, json_message } from "../../gen/es/mcp/v1/options_pb.js";
import { findMessage, mcpRevisions } from "../schema/index.js";
import { keyHash } from "./json-scanner.js";
import {
  type FieldPlan,
  Kind,
  type MessageKind,
  type MessagePlan,
  WIRE_I64,
  WIRE_LEN,
  WIRE_VARINT,
} from "./plan-types.js";

const encoder = new TextEncoder();

function varintBytes(n: number): Uint8Array {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Uint8Array.from(out);
}

const plans = new Map<string, MessagePlan>();
const plansByName = new Map<string, MessagePlan>();

/** The plan of a message, by spec definition name (`Tool`) or descriptor. */
export function planFor(message: string | DescMessage): MessagePlan | undefined {
  if (typeof message === "string") {
    let plan = plansByName.get(message);
    if (plan === undefined) {
      const desc = findMessage(message);
      plan = desc === undefined ? undefined : planFor(desc);
      if (plan !== undefined) plansByName.set(message, plan);
    }
    return plan;
  }
  const desc = message;
  if (desc === undefined) return undefined;
  let plan = plans.get(desc.typeName);
  if (plan === undefined) {
    plan = emptyPlan(desc);
    plans.set(desc.typeName, plan);
    fillPlan(plan);
  }
  return plan;
}

function emptyPlan(desc: DescMessage): MessagePlan {
  const options = hasOption(desc, json_message) ? getOption(desc, json_message) : undefined;
  const kind: MessageKind = options?.raw
    ? "raw"
    : options?.scalarUnion
      ? "scalar-union"
      : options?.union
        ? "union"
        : "object";
  return {
    name: desc.typeName.replace(/^mcp\.v1\./, ""),
    kind,
    desc,
    fields: [],
    byNumber: [],
    byFirstByte: new Array<FieldPlan[] | undefined>(256).fill(undefined),
    oneofKey: undefined,
    envelope: ["JSONRPCRequest"].includes(desc.name)
      ? "request"
      : ["JSONRPCResultResponse", "JSONRPCErrorResponse"].includes(desc.name)
        ? "response"
        : undefined,
    oneofMembers: [],
    oneofByMethod: new Map(),
    methodsByFirstByte: [],
    readsIdAndMethod: false,
    oneofRaw: undefined,
    additional: undefined,
    texts: [],
    consts: [],
    requiredMask: { "2025-11-25": 0, "2026-07-28": 0 },
    requiredKeys: { "2025-11-25": [], "2026-07-28": [] },
    alwaysRequiredLists: [],
    variants: [],
    isJsonRpcMessage: desc.typeName === "mcp.v1.JSONRPCMessage",
    variantsByName: new Map(),
    hasTask: false,
    oneofKeyBytes: undefined,
    discriminator: undefined,
    discriminatorBytes: undefined,
    variantByConst: new Map(),
    variantByConstJson: [],
    decisive: new Map(),
    compiled: undefined,
    compiledDecoder: undefined,
  };
}

function fieldPlan(field: DescField, requiredBit: number): FieldPlan {
  const options = hasOption(field, json) ? getOption(field, json) : undefined;
  const key = options?.key || field.jsonName;
  let kind: Kind;
  let wireType = WIRE_LEN;
  let message: MessagePlan | undefined;
  let enumNames: string[] | undefined;
  let enumNumbers: Map<string, number> | undefined;
  const scalarKind = (scalar: ScalarType): Kind => {
    switch (scalar) {
      case ScalarType.STRING:
        return Kind.String;
      case ScalarType.BYTES:
        return Kind.Bytes;
      case ScalarType.DOUBLE:
        wireType = WIRE_I64;
        return Kind.Double;
      case ScalarType.BOOL:
        wireType = WIRE_VARINT;
        return Kind.Bool;
      default:
        wireType = WIRE_VARINT;
        return Kind.Int64;
    }
  };
  let map: FieldPlan | undefined;
  if (field.fieldKind === "map") {
    kind = Kind.Message;
    map = mapValuePlan(field, options?.rawValues === true);
  } else if (field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message")) {
    kind = Kind.Message;
    message = planFor(field.message!);
  } else if (field.fieldKind === "enum" || (field.fieldKind === "list" && field.listKind === "enum")) {
    kind = Kind.Enum;
    wireType = WIRE_VARINT;
    const e = field.enum!;
    const prefix = e.values[0]!.name.replace(/UNSPECIFIED$/, "");
    enumNames = [];
    enumNumbers = new Map();
    for (const v of e.values) {
      if (v.number === 0) continue;
      const name = v.name.slice(prefix.length).toLowerCase();
      enumNames[v.number] = name;
      enumNumbers.set(name, v.number);
    }
  } else {
    kind = scalarKind(field.scalar!);
  }
  if (options?.raw) kind = Kind.Raw;
  let constJson: Uint8Array | undefined;
  let constValue: string | number | undefined;
  if (options?.constant) {
    constJson = encoder.encode(options.constant);
    constValue = JSON.parse(options.constant) as string | number;
    kind = Kind.Const;
  }
  const keyBytes = encoder.encode(key);
  const tagValue = (field.number << 3) | wireType;
  const plan: FieldPlan = {
    key,
    keyBytes,
    keyHash: keyHash(keyBytes),
    keyJson: encoder.encode(`${JSON.stringify(key)}:`),
    number: field.number,
    kind,
    wireType,
    tag: varintBytes(tagValue),
    tagValue,
    repeated: field.fieldKind === "list",
    map,
    message,
    desc: field,
    enumNames,
    enumNumbers,
    constJson,
    constValue,
    requiredBit,
    keyBit: 0,
    keySlot: -1,
    methods: options?.methods ?? [],
    definedIn:
      options === undefined || options.revisions.length === 0
        ? undefined
        : options.revisions.map((r) => mcpRevisions[r - 1]!),
    isAdditional: options?.additional === true,
    text: undefined,
    textOf: undefined,
    alone: [],
  };
  plan.alone.push(plan);
  return plan;
}

/** A map's entries are messages of key (1) and value (2); the value gets a plan of its own. */
function mapValuePlan(field: DescField, rawValues: boolean): FieldPlan {
  if (field.fieldKind !== "map") throw new Error("not a map");
  let kind: Kind;
  let message: MessagePlan | undefined;
  if (field.mapKind === "message") {
    kind = Kind.Message;
    message = planFor(field.message);
  } else if (field.mapKind === "scalar" && field.scalar === ScalarType.STRING) {
    kind = rawValues ? Kind.Raw : Kind.String;
  } else {
    throw new Error(`cannot plan ${field.parent.typeName}.${field.name}: map values of this kind`);
  }
  const tagValue = (2 << 3) | WIRE_LEN;
  return {
    key: "",
    keyBytes: new Uint8Array(0),
    keyHash: 0,
    keyJson: new Uint8Array(0),
    number: 2,
    kind,
    wireType: WIRE_LEN,
    tag: varintBytes(tagValue),
    tagValue,
    repeated: false,
    map: undefined,
    message,
    desc: field,
    enumNames: undefined,
    enumNumbers: undefined,
    constJson: undefined,
    constValue: undefined,
    requiredBit: 0,
    keyBit: 0,
    keySlot: -1,
    methods: [],
    definedIn: undefined,
    isAdditional: false,
    text: undefined,
    textOf: undefined,
    alone: [],
  };
}

function fillPlan(plan: MessagePlan): void {
  let bit = 1;
  let slots = 0;
  let oneofSlot = -1;
  for (const field of plan.desc.fields) {
    const options = hasOption(field, json) ? getOption(field, json) : undefined;
    const required = options?.required ?? [];
    // `additional_properties` (2047) and text alternatives (1000 + n) stay out of `byNumber`: an
    // array indexed that far past its other fields turns into a dictionary, and every field look-up
    // into a hash look-up.
    const far = options?.additional === true || options?.base64Text === true;
    if (!far) {
      while (plan.byNumber.length <= field.number) plan.byNumber.push(undefined);
    }
    const f = fieldPlan(field, required.length > 0 ? bit : 0);
    if (required.length > 0) bit *= 2;
    plan.fields.push(f);
    if (!far) plan.byNumber[f.number] = f;
    if (f.isAdditional) {
      plan.additional = f;
      continue;
    }
    if (options?.base64Text === true) {
      // The text alternative of a bytes field declared before it: one JSON key, one required property.
      const bytes = plan.fields.find((x) => x.kind === Kind.Bytes && x.key === f.key && x.text === undefined);
      if (bytes === undefined)
        throw new Error(`cannot plan ${plan.name}.${f.key}: base64_text without its bytes field`);
      bytes.text = f;
      f.textOf = bytes;
      f.keySlot = bytes.keySlot;
      f.keyBit = bytes.keyBit;
      f.requiredBit = bytes.requiredBit;
      plan.texts.push(f);
      continue;
    }
    // One slot per JSON key: the members of a oneof are one key (`params`, `result`).
    const inOneof = field.oneof !== undefined && plan.kind === "object";
    f.keySlot = inOneof && oneofSlot >= 0 ? oneofSlot : slots++;
    if (inOneof) oneofSlot = f.keySlot;
    f.keyBit = f.keySlot < 31 ? 2 ** f.keySlot : 0;
    for (const r of required) {
      const revision = mcpRevisions[r - 1]!;
      plan.requiredMask[revision] |= f.requiredBit;
      plan.requiredKeys[revision].push(f);
    }
    if (f.repeated && required.length === mcpRevisions.length) plan.alwaysRequiredLists.push(f);
    if (f.kind === Kind.Const) plan.consts.push(f);
    if (f.key === "task") plan.hasTask = true;
    if (field.oneof !== undefined && plan.kind === "object") {
      plan.oneofKey = f.key;
      plan.oneofKeyBytes = f.keyBytes;
      plan.oneofMembers.push(f);
      for (const m of f.methods) {
        plan.oneofByMethod.set(m, f);
        const bytes = encoder.encode(m);
        const same = plan.methodsByFirstByte[bytes[0]!];
        if (same === undefined) plan.methodsByFirstByte[bytes[0]!] = [{ bytes, method: m }];
        else same.push({ bytes, method: m });
      }
      if (f.kind === Kind.Raw) plan.oneofRaw = f;
      continue;
    }
    const first = f.keyBytes[0]!;
    const same = plan.byFirstByte[first];
    if (same === undefined) plan.byFirstByte[first] = [f];
    else same.push(f);
  }
  plan.readsIdAndMethod = plan.envelope !== undefined || plan.oneofKey === "params";
  if (plan.kind === "union") fillUnion(plan);
}

function fillUnion(plan: MessagePlan): void {
  plan.variants = plan.fields;
  for (const v of plan.variants) if (v.message !== undefined) plan.variantsByName.set(v.message.name, v);
  const keyCount = new Map<string, number>();
  for (const v of plan.variants) {
    for (const f of v.message?.fields ?? [])
      if (!f.isAdditional && f.textOf === undefined) keyCount.set(f.key, (keyCount.get(f.key) ?? 0) + 1);
  }
  for (const v of plan.variants) {
    for (const f of v.message?.fields ?? []) {
      if (f.isAdditional || f.textOf !== undefined || keyCount.get(f.key) !== 1) continue;
      const same = plan.decisive.get(f.keyHash) ?? [];
      same.push({ key: f.keyBytes, variant: v });
      plan.decisive.set(f.keyHash, same);
    }
  }
  // A discriminator is a key every variant holds as a distinct constant (`type`, `method`, `mode`).
  const candidates = plan.variants[0]?.message?.consts.map((c) => c.key) ?? [];
  for (const key of candidates) {
    const byValue = new Map<string, FieldPlan>();
    for (const v of plan.variants) {
      const c = v.message?.consts.find((x) => x.key === key);
      if (c === undefined || typeof c.constValue !== "string" || byValue.has(c.constValue)) break;
      byValue.set(c.constValue, v);
    }
    if (byValue.size === plan.variants.length) {
      plan.discriminator = key;
      plan.variantByConstJson = [...byValue].map(([value, v]) => [encoder.encode(JSON.stringify(value)), v]);
      plan.discriminatorBytes = encoder.encode(key);
      plan.variantByConst = byValue;
      break;
    }
  }
}
