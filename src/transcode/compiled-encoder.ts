/**
 * A compiled fast path for JSON → binary: one generated function per object plan, with its keys
 * matched byte by byte in straight-line code and the scanner's position kept in a local, instead
 * of the interpreter's look-ups per key (`JsonToBinary.encodeObject`). It takes the common shape
 * only (keys without escapes, unions decided by one candidate, no property the schema does not
 * define) and gives up (-1) on anything else; the caller then converts the whole message with the
 * interpreter, which also writes every error. It never reports an error of its own, and where it
 * succeeds it writes the interpreter's bytes (test/transcode/compiled.spec.ts holds it to that).
 * Each value it does not match inline (a string with escapes, a number, raw JSON) it hands to the
 * interpreter's own method for that value, so the two cannot disagree on one.
 */
import { writeBase64Field } from "./base64.js";
import { answeredMethod, hasAlternateResults, variantCandidates } from "./choose.js";
import { mcpRevisions } from "../schema/index.js";
import { idKeyAt } from "./ids.js";
import type { JsonToBinary } from "./json-to-binary.js";
import { MAX_DEPTH } from "./json-scanner.js";
import { type FieldPlan, Kind, type MessagePlan, methodAt } from "./plan.js";

/**
 * Converts the object at `p` (its `{`) of `plan`, `depth` deep (as the interpreter counts); returns
 * where the object ends, or -1 to give up. `watch`: the object is a result that may be an alternate.
 */
export type CompiledObject = (
  enc: JsonToBinary,
  b: Buffer,
  p: number,
  depth: number,
  watch: boolean,
) => number;

/** Bytes that end a plain run in a string: the quote, the backslash, control bytes, non-ASCII. */
const STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STOP[c] = 1;
STOP[0x22] = 1;
STOP[0x5c] = 1;
for (let c = 0x80; c < 0x100; c++) STOP[c] = 1;
const WHITESPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[c] = 1;
const INPUT_REQUIRED = new TextEncoder().encode('"input_required"');
const EMPTY_ARRAY = new Uint8Array([0x5b, 0x5d]);
const EMPTY_OBJECT = new Uint8Array([0x7b, 0x7d]);

/**
 * Whether `JsonRpcTranscoder` takes the compiled path (tests turn it off to compare the two), and
 * how many messages it handed back to the interpreter.
 */
export const compiledEncoding = { enabled: true, fallbacks: 0 };

/** What generated code calls: the interpreter's parts, and look-ups it cannot inline. */
const helpers = {
  STOP,
  MAX_DEPTH,
  EMPTY_ARRAY,
  EMPTY_OBJECT,
  ws(b: Buffer, p: number): number {
    while (WHITESPACE[b[p]!] === 1) p++;
    return p;
  },
  /**
   * Whether a `resultType` value may name an alternate result: it reads `"input_required"`, or it
   * has an escape (the interpreter then decides).
   */
  namesAlternate(b: Buffer, p: number): boolean {
    if (b[p] !== 0x22) return false;
    let i = p + 1;
    while (i < b.length && b[i] !== 0x22) if (b[i++] === 0x5c) return true;
    if (i + 1 - p !== INPUT_REQUIRED.length) return false;
    for (let k = 1; k < INPUT_REQUIRED.length - 1; k++) if (b[p + k] !== INPUT_REQUIRED[k]) return false;
    return true;
  },
  /** The member of `union` the object at `p` is, where the interpreter takes it without a trial. */
  variantOf(enc: JsonToBinary, union: MessagePlan, p: number, depth: number): FieldPlan | undefined {
    const b = enc.b;
    const discriminator = union.discriminatorBytes;
    if (discriminator !== undefined) {
      // The usual case: the discriminator is the first key, its constant written as itself.
      let k = p + 1;
      if (b[k]! <= 0x20) k = helpers.ws(b, k);
      if (b[k] === 0x22 && b[k + 1 + discriminator.length] === 0x22 && matches(b, k + 1, discriminator)) {
        let v = k + 2 + discriminator.length;
        if (b[v]! <= 0x20) v = helpers.ws(b, v);
        if (b[v] === 0x3a) {
          v++;
          if (b[v]! <= 0x20) v = helpers.ws(b, v);
          for (const [constJson, variant] of union.variantByConstJson)
            if (matches(b, v, constJson)) return variant;
        }
      }
    }
    enc.p = p;
    enc.depth = depth;
    const candidates = variantCandidates(enc, union);
    enc.p = p;
    return candidates.length === 1 ? candidates[0] : undefined;
  },
  /** The compiled function of a plan met at run time (a union's member, a typed `params`). */
  fnOf(plan: MessagePlan | undefined): CompiledObject | undefined {
    return plan?.kind === "object" ? compiledObject(plan) : undefined;
  },
  answeredMethod,
  hasAlternateResults,
  idKeyAt,
  methodAt,
  writeBase64Field,
};
type Helpers = typeof helpers;

function matches(b: Buffer, at: number, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false;
  return true;
}

/** `key` as a test of the bytes at `ks`, for keys of known length. */
const isKey = (b: Buffer, ks: number, key: string): boolean => {
  for (let i = 0; i < key.length; i++) if (b[ks + i] !== key.charCodeAt(i)) return false;
  return true;
};

/** `JSONRPCMessage`'s members, by the rule that picks them. */
interface JsonRpcMembers {
  request: FieldPlan | undefined;
  notification: FieldPlan | undefined;
  result: FieldPlan | undefined;
  error: FieldPlan | undefined;
}
let membersOf: { message: MessagePlan; members: JsonRpcMembers } | undefined;

/**
 * The member of `JSONRPCMessage` the object at `p` is, decided as the interpreter decides it
 * (`requestByMethod`, then `jsonRpcVariant`), in one pass over its keys; undefined where the
 * interpreter would look further. `guessedRequest` says the request was guessed from its method.
 */
let guessedRequest = false;
function jsonRpcMember(enc: JsonToBinary, message: MessagePlan, p: number): FieldPlan | undefined {
  const b = enc.b;
  if (membersOf?.message !== message) {
    const v = message.variantsByName;
    membersOf = {
      message,
      members: {
        request: v.get("JSONRPCRequest"),
        notification: v.get("JSONRPCNotification"),
        result: v.get("JSONRPCResultResponse"),
        error: v.get("JSONRPCErrorResponse"),
      },
    };
  }
  const members = membersOf.members;
  const request = members.request;
  let onlyJsonrpc = true;
  let hasId = false;
  let hasMethod = false;
  guessedRequest = false;
  let i = p + 1;
  if (b[i]! <= 0x20) i = helpers.ws(b, i);
  if (b[i] === 0x7d) return undefined;
  for (;;) {
    if (b[i] !== 0x22) return undefined;
    const ks = i + 1;
    let ke = ks;
    while (STOP[b[ke]!] === 0) ke++;
    if (b[ke] !== 0x22) return undefined;
    i = ke + 1;
    if (b[i]! <= 0x20) i = helpers.ws(b, i);
    if (b[i] !== 0x3a) return undefined;
    i++;
    if (b[i]! <= 0x20) i = helpers.ws(b, i);
    const n = ke - ks;
    if (n === 6 && b[ks] === 0x6d && isKey(b, ks, "method")) {
      if (onlyJsonrpc && request !== undefined && b[i] === 0x22) {
        let e = i + 1;
        while (STOP[b[e]!] === 0) e++;
        if (b[e] === 0x22 && methodAt(request.message!, b, i + 1, e) !== undefined) {
          guessedRequest = true;
          return request;
        }
      }
      hasMethod = true;
    } else if (n === 2 && b[ks] === 0x69 && b[ks + 1] === 0x64) hasId = true;
    else if (n === 5 && isKey(b, ks, "error")) return members.error;
    else if (n === 6 && isKey(b, ks, "result")) return members.result;
    if (hasId && hasMethod) return request;
    if (!(n === 7 && isKey(b, ks, "jsonrpc"))) onlyJsonrpc = false;
    // Skip the value: plain strings and integers here, anything else as the look-ahead skips it.
    const c = b[i]!;
    if (c === 0x22) {
      let e = i + 1;
      while (STOP[b[e]!] === 0) e++;
      if (b[e] === 0x22) i = e + 1;
      else {
        enc.p = i;
        enc.skim();
        i = enc.p;
      }
    } else if (c >= 0x30 && c <= 0x39) {
      i++;
      while (b[i]! >= 0x30 && b[i]! <= 0x39) i++;
    } else {
      enc.p = i;
      enc.skim();
      i = enc.p;
    }
    if (b[i]! <= 0x20) i = helpers.ws(b, i);
    const next = b[i];
    i++;
    if (next === 0x7d) break;
    if (next !== 0x2c) return undefined;
    if (b[i]! <= 0x20) i = helpers.ws(b, i);
  }
  return hasMethod ? members.notification : undefined;
}

/** The compiled function of `plan` (an object), made on first use with every plan it reaches. */
export function compiledObject(plan: MessagePlan): CompiledObject | undefined {
  if (plan.compiled === undefined) compileFrom(plan);
  return (plan.compiled as CompiledObject | null) ?? undefined;
}

/**
 * Converts a whole `JSONRPCMessage` at `p` by the compiled path; returns where it ends, or -1. The
 * member is chosen as the interpreter chooses it (`encodeUnion`), but only where that takes no trial.
 */
export function encodeJsonRpcCompiled(enc: JsonToBinary, message: MessagePlan, p: number): number {
  const b = enc.b;
  if (b[p] !== 0x7b) return -1;
  const variant = jsonRpcMember(enc, message, p);
  const guessed = guessedRequest;
  const fn = variant?.message?.kind === "object" ? compiledObject(variant.message) : undefined;
  if (variant === undefined || fn === undefined) return -1;
  const w = enc.w;
  w.raw(variant.tag);
  const start = w.beginLength(enc.end - p);
  enc.lastRequestId = undefined;
  const end = fn(enc, b, p, 1, false);
  // A guessed request stands only with an id, as in `encodeGuessedRequest`.
  if (end < 0 || (guessed && enc.lastRequestId === undefined)) return -1;
  w.endLength(start);
  return end;
}

function compileFrom(root: MessagePlan): void {
  // Every object plan reachable from the root, numbered; generated functions call each other by number.
  const order: MessagePlan[] = [];
  const index = new Map<MessagePlan, number>();
  const visit = (plan: MessagePlan | undefined): void => {
    if (plan === undefined || index.has(plan) || plan.compiled !== undefined) return;
    if (plan.kind === "object") {
      index.set(plan, order.length);
      order.push(plan);
    } else if (plan.kind !== "union") return;
    else index.set(plan, -1);
    for (const f of plan.fields) {
      visit(f.message);
      visit(f.map?.message);
    }
  };
  visit(root);
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    let i = constants.indexOf(value);
    if (i < 0) i = constants.push(value) - 1;
    return `K[${i}]`;
  };
  const body = order.map((plan, i) => objectFunction(plan, i, index, constant)).join("\n");
  const names = order.map((_, i) => `o${i}`).join(", ");
  let fns: CompiledObject[] | undefined;
  try {
    const factory = new Function(
      "K",
      "h",
      `"use strict";\nconst STOP = h.STOP, ws = h.ws;\n${body}\nreturn [${names}];`,
    ) as (k: unknown[], h: Helpers) => CompiledObject[];
    fns = factory(constants, helpers);
  } catch {
    // Code generation refused (a policy against eval): the interpreter does everything.
    fns = undefined;
  }
  // Unions are not compiled: their member is chosen at run time (`variantOf`, `fnOf`).
  for (const [plan, i] of index) if (i >= 0) plan.compiled = fns?.[i] ?? null;
}

/** Generated source of the function of object plan `plan`, named `o${i}`. */
function objectFunction(
  plan: MessagePlan,
  i: number,
  index: Map<MessagePlan, number>,
  constant: (value: unknown) => string,
): string {
  const P = constant(plan);
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  const reads = plan.readsIdAndMethod;
  out(`function o${i}(enc, b, p, depth, watch) {`);
  out("  const w = enc.w; const objectStart = p; let seen = 0;");
  if (reads) out("  let method; let id;");
  out("  p++; if (b[p] <= 0x20) p = ws(b, p);");
  out("  if (b[p] === 0x7d) p++; else for (;;) {");
  out("    if (b[p] !== 0x22) return -1;");
  out("    const ks = p + 1; let ke = ks; while (STOP[b[ke]] === 0) ke++;");
  out("    if (b[ke] !== 0x22) return -1;");
  out("    p = ke + 1; if (b[p] !== 0x3a) { p = ws(b, p); if (b[p] !== 0x3a) return -1; }");
  out("    p++; if (b[p] <= 0x20) p = ws(b, p);");
  out("    switch (ke - ks) {");
  const byLength = new Map<number, FieldPlan[]>();
  const oneof = new Set(plan.oneofMembers);
  for (const f of plan.fields) {
    if (f.isAdditional || oneof.has(f)) continue;
    const n = f.keyBytes.length;
    byLength.set(n, [...(byLength.get(n) ?? []), f]);
  }
  for (const [n, fields] of byLength) {
    out(`      case ${n}:`);
    for (const f of fields) {
      const test = [...f.keyBytes].map((c, k) => `b[ks + ${k}] === ${c}`).join(" && ");
      out(`        if (${test}) {`);
      fieldCode(plan, f, index, constant, out, reads);
      out("          break;");
      out("        }");
    }
    if (plan.oneofKeyBytes !== undefined && plan.oneofKeyBytes.length === n) oneofCode(plan, constant, out);
    out("        return -1;");
  }
  if (plan.oneofKeyBytes !== undefined && !byLength.has(plan.oneofKeyBytes.length)) {
    out(`      case ${plan.oneofKeyBytes.length}:`);
    oneofCode(plan, constant, out);
    out("        return -1;");
  }
  out("      default: return -1;");
  out("    }");
  out("    let c = b[p]; if (c <= 0x20) { p = ws(b, p); c = b[p]; }");
  out("    p++;");
  out("    if (c === 0x7d) break;");
  out("    if (c !== 0x2c) return -1;");
  out("    if (b[p] <= 0x20) p = ws(b, p);");
  out("  }");
  // The revision's required mask as a literal: one compare instead of two look-ups.
  const masks = mcpRevisions
    .map((r) => `enc.settings.revision === "${r}" ? ${plan.requiredMask[r]} : `)
    .join("");
  out(
    `  if (enc.requireFields) { const mask = ${masks}${P}.requiredMask[enc.settings.revision]; if ((seen & mask) !== mask) return -1; }`,
  );
  if (plan.envelope === "request")
    out(
      "  if (id !== undefined && method !== undefined) { enc.lastRequestId = id; enc.lastRequestMethod = method; }",
    );
  else if (plan.envelope === "response") out("  if (id !== undefined) enc.lastResponseId = id;");
  out("  return p;");
  out("}");
  return lines.join("\n");
}

/**
 * Generated code for the key of the plan's oneof: `params`, typed by the request's method, or
 * `result`, typed by the method of the request it answers, as `JsonToBinary.encodeObject` types them.
 */
function oneofCode(plan: MessagePlan, constant: (value: unknown) => string, out: (s: string) => void): void {
  const P = constant(plan);
  const test = [...plan.oneofKeyBytes!].map((c, k) => `b[ks + ${k}] === ${c}`).join(" && ");
  out(`        if (${test}) {`);
  out("          enc.p = p; let alternates = false; let f;");
  if (plan.oneofKey === "params") out(`          f = enc.paramsMember(${P}, objectStart, method);`);
  else {
    out(`          const answered = h.answeredMethod(enc, objectStart, id);`);
    out(
      `          f = (answered === undefined ? undefined : ${P}.oneofByMethod.get(answered)) ?? ${P}.oneofRaw;`,
    );
    out(
      `          alternates = answered !== undefined && f !== ${P}.oneofRaw && h.hasAlternateResults(answered);`,
    );
  }
  out("          if (f === undefined) return -1;");
  out("          const fn = h.fnOf(f.message);");
  out("          if (fn !== undefined) {");
  out("            if (b[p] !== 0x7b || depth + 1 > h.MAX_DEPTH) return -1;");
  out("            w.raw(f.tag); const s = w.beginLength(enc.end - p);");
  out("            p = fn(enc, b, p, depth + 1, alternates); if (p < 0) return -1; w.endLength(s);");
  out("          } else if (alternates) return -1;");
  out(`          else { enc.depth = depth; enc.encodeField(f, ${P}); p = enc.p; }`);
  out("          seen |= f.requiredBit;");
  out("          break;");
  out("        }");
}

/** Generated code that converts the value at `p` of field `f` (of object `plan`) and moves `p` past it. */
function fieldCode(
  plan: MessagePlan,
  f: FieldPlan,
  index: Map<MessagePlan, number>,
  constant: (value: unknown) => string,
  out: (s: string) => void,
  reads: boolean,
): void {
  const F = constant(f);
  const P = constant(plan);
  out("          const valueStart = p;");
  if (f.key === "resultType") out("          if (watch && h.namesAlternate(b, p)) return -1;");
  if (f.repeated) {
    out("          if (b[p] !== 0x5b) return -1;");
    out("          p++; if (b[p] <= 0x20) p = ws(b, p);");
    out(
      `          if (b[p] === 0x5d) { p++; enc.p = p; enc.depth = depth; enc.writeAdditional(${P}, ks - 1, ke, h.EMPTY_ARRAY); p = enc.p; }`,
    );
    out("          else for (;;) {");
    valueCode(plan, f, index, constant, out);
    out("            let c = b[p]; if (c <= 0x20) { p = ws(b, p); c = b[p]; }");
    out("            p++;");
    out("            if (c === 0x5d) break;");
    out("            if (c !== 0x2c) return -1;");
    out("            if (b[p] <= 0x20) p = ws(b, p);");
    out("          }");
  } else if (f.map !== undefined && (f.map.kind === Kind.String || f.map.kind === Kind.Raw)) {
    // Entries `{1: key, 2: value}`, as `encodeMap` writes them.
    const V = constant(f.map);
    out("          if (b[p] !== 0x7b) return -1;");
    out("          p++; if (b[p] <= 0x20) p = ws(b, p);");
    out(
      `          if (b[p] === 0x7d) { p++; enc.p = p; enc.writeAdditional(${P}, ks - 1, ke, h.EMPTY_OBJECT); p = enc.p; }`,
    );
    out("          else for (;;) {");
    out("            if (b[p] !== 0x22) return -1;");
    out(`            w.raw(${F}.tag); const entry = w.beginLength(enc.end - p);`);
    stringCode([0x0a], "0x0a", out);
    out("            if (b[p] <= 0x20) p = ws(b, p);");
    out("            if (b[p] !== 0x3a) return -1;");
    out("            p++; if (b[p] <= 0x20) p = ws(b, p);");
    if (f.map.kind === Kind.String) {
      out("            if (b[p] !== 0x22) return -1;");
      stringCode([...f.map.tag], `${V}.tag`, out);
    } else out(`            enc.p = p; enc.depth = depth; enc.encodeField(${V}, ${P}); p = enc.p;`);
    out("            w.endLength(entry);");
    out("            let c = b[p]; if (c <= 0x20) { p = ws(b, p); c = b[p]; }");
    out("            p++;");
    out("            if (c === 0x7d) break;");
    out("            if (c !== 0x2c) return -1;");
    out("            if (b[p] <= 0x20) p = ws(b, p);");
    out("          }");
  } else if (f.map !== undefined) {
    out(`          enc.p = p; enc.depth = depth; enc.encodeMap(${F}, ${P}, ks - 1, ke); p = enc.p;`);
  } else valueCode(plan, f, index, constant, out);
  if (f.requiredBit !== 0) out(`          seen |= ${f.requiredBit};`);
  if (reads && f.key === "method")
    out(
      `          if (b[valueStart] === 0x22) method = h.methodAt(${P}, b, valueStart + 1, p - 1) ?? enc.textOf(valueStart, p);`,
    );
  if (reads && f.key === "id") out("          id = h.idKeyAt(b, valueStart, p);");
}

/** Generated code for the string at `p` (its quote checked), as `writeString(tag)` writes it. */
function stringCode(tag: number[], tagExpression: string, out: (s: string) => void): void {
  const write = tag.map((t) => `buf[o++] = ${t};`).join(" ");
  out("            { let e = p + 1; while (STOP[b[e]] === 0) e++;");
  out("              if (b[e] === 0x22) {");
  out(`                w.ensure(${tag.length}); { const buf = w.buf; let o = w.pos; ${write} w.pos = o; }`);
  out("                w.varint(e - p - 1); w.copy(b, p + 1, e); p = e + 1;");
  out(`              } else { enc.p = p; enc.writeString(${tagExpression}); p = enc.p; } }`);
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

/** Generated code for one value (one element of a list) of field `f`. */
function valueCode(
  plan: MessagePlan,
  f: FieldPlan,
  index: Map<MessagePlan, number>,
  constant: (value: unknown) => string,
  out: (s: string) => void,
): void {
  const F = constant(f);
  const P = constant(plan);
  const tag = [...f.tag].map((t) => `buf[o++] = ${t};`).join(" ");
  const delegate = `{ enc.p = p; enc.depth = depth; enc.encodeField(${F}, ${P}); p = enc.p; }`;
  switch (f.kind) {
    case Kind.Const: {
      const json = f.constJson!;
      const test = [...json].map((c, k) => `b[p + ${k}] === ${c}`).join(" && ");
      const content = [...json.subarray(1, json.length - 1)];
      // The constant's tag, length and UTF-8 content, written in one go.
      const bytes = [...f.tag, content.length, ...content].map((c) => `buf[o++] = ${c};`).join(" ");
      if (json[0] !== 0x22 || content.length >= 0x80) {
        out(`            ${delegate}`);
        return;
      }
      out(
        `            if (${test}) { w.ensure(${f.tag.length + 1 + content.length}); const buf = w.buf; let o = w.pos; ${bytes} w.pos = o; p += ${json.length}; }`,
      );
      out(`            else ${delegate}`);
      return;
    }
    case Kind.String:
      out("            if (b[p] !== 0x22) return -1;");
      stringCode([...f.tag], `${F}.tag`, out);
      return;
    case Kind.Enum: {
      // Each name as its JSON text; anything else (an escape, an unknown name) as the interpreter does.
      const names = [...f.enumNumbers!].map(([name, n]) => {
        const json = [...new TextEncoder().encode(JSON.stringify(name))];
        const test = json.map((c, k) => `b[p + ${k}] === ${c}`).join(" && ");
        const bytes = [...f.tag, ...varint(n)].map((c) => `buf[o++] = ${c};`).join(" ");
        return `if (${test}) { w.ensure(${f.tag.length + 5}); const buf = w.buf; let o = w.pos; ${bytes} w.pos = o; p += ${json.length}; }`;
      });
      out(`            ${names.join(" else ")} else ${delegate}`);
      return;
    }
    case Kind.Bool: {
      const t = [...f.tag, 1].map((c) => `buf[o++] = ${c};`).join(" ");
      const fa = [...f.tag, 0].map((c) => `buf[o++] = ${c};`).join(" ");
      out(
        `            if (b[p] === 0x74 && b[p + 1] === 0x72 && b[p + 2] === 0x75 && b[p + 3] === 0x65) { w.ensure(${f.tag.length + 1}); const buf = w.buf; let o = w.pos; ${t} w.pos = o; p += 4; }`,
      );
      out(
        `            else if (b[p] === 0x66 && b[p + 1] === 0x61 && b[p + 2] === 0x6c && b[p + 3] === 0x73 && b[p + 4] === 0x65) { w.ensure(${f.tag.length + 1}); const buf = w.buf; let o = w.pos; ${fa} w.pos = o; p += 5; }`,
      );
      out(`            else ${delegate}`);
      return;
    }
    case Kind.Int64:
      // A small non-negative integer inline; anything else as the interpreter writes it.
      out("            { const c = b[p];");
      out("              if (c >= 0x31 && c <= 0x39) {");
      out(
        "                let e = p; let n = 0; while (b[e] >= 0x30 && b[e] <= 0x39) n = n * 10 + (b[e++] - 0x30);",
      );
      out("                const d = b[e];");
      out(
        `                if (e - p < 10 && d !== 0x2e && d !== 0x65 && d !== 0x45) { w.raw(${F}.tag); w.varint(n); p = e; }`,
      );
      out(`                else ${delegate}`);
      out(`              } else ${delegate} }`);
      return;
    case Kind.Bytes:
      out("            if (b[p] !== 0x22) return -1;");
      out(`            enc.p = p; h.writeBase64Field(enc, ${F}.tag); p = enc.p;`);
      return;
    case Kind.Message: {
      const message = f.message!;
      if (message.kind === "object") {
        // A plan compiled in an earlier batch is called through its function, found at run time.
        const fn = index.has(message) ? `o${index.get(message)}` : `h.fnOf(${constant(message)})`;
        out("            if (b[p] !== 0x7b || depth + 1 > h.MAX_DEPTH) return -1;");
        out(`            { w.ensure(${f.tag.length}); const buf = w.buf; let o = w.pos; ${tag} w.pos = o; }`);
        out(
          `            { const s = w.beginLength(enc.end - p); p = ${fn}(enc, b, p, depth + 1, false); if (p < 0) return -1; w.endLength(s); }`,
        );
        return;
      }
      if (message.kind === "union") {
        out("            if (b[p] !== 0x7b || depth + 2 >= h.MAX_DEPTH) return -1;");
        out(
          `            { const v = h.variantOf(enc, ${constant(message)}, p, depth + 1); const fn = h.fnOf(v?.message);`,
        );
        out("              if (fn === undefined) return -1;");
        out(
          `              w.raw(${F}.tag); const s = w.beginLength(enc.end - p); w.raw(v.tag); const s2 = w.beginLength(enc.end - p);`,
        );
        out(
          "              p = fn(enc, b, p, depth + 2, false); if (p < 0) return -1; w.endLength(s2); w.endLength(s); }",
        );
        return;
      }
      if (message.kind === "scalar-union") {
        // A request id: a small non-negative integer or a plain string inline, anything else as
        // the interpreter writes it (field 2 varint or field 1 string, in a message of its own).
        out("            { const c = b[p];");
        out("              if (c >= 0x30 && c <= 0x39) {");
        out(
          "                let e = p; let n = 0; if (c === 0x30) e++; else while (b[e] >= 0x30 && b[e] <= 0x39) n = n * 10 + (b[e++] - 0x30);",
        );
        out("                const d = b[e];");
        out(
          `                if (e - p < 10 && d !== 0x2e && d !== 0x65 && d !== 0x45) { w.raw(${F}.tag); const s = w.beginLength(16); w.byte(0x10); w.varint(n); w.endLength(s); p = e; }`,
        );
        out(`                else ${delegate}`);
        out("              } else if (c === 0x22) {");
        out("                let e = p + 1; while (STOP[b[e]] === 0) e++;");
        out(
          `                if (b[e] === 0x22 && e - p < 120) { w.raw(${F}.tag); w.byte(e - p + 1); w.byte(0x0a); w.byte(e - p - 1); w.copy(b, p + 1, e); p = e + 1; }`,
        );
        out(`                else ${delegate}`);
        out(`              } else ${delegate} }`);
        return;
      }
      out(`            ${delegate}`);
      return;
    }
    default:
      out(`            ${delegate}`);
  }
}
