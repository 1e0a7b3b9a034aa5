/**
 * The compiled fast path for binary → JSON, as `compiled-encoder.ts` is for the other way: one
 * generated function per object plan, with a `switch` on each tag and every key's JSON written
 * from literal bytes, instead of `BinaryToJson.decodeObject`'s look-ups per field. It takes the
 * common shape only (canonical tags, one member per union, lists written whole) and gives up (-1)
 * on anything else; the caller then decodes the whole message with the interpreter, which also
 * writes every error. Values it does not write inline go to the interpreter's own methods.
 */
import { mcpRevisions } from "../schema/index.js";
import type { BinaryToJson } from "./binary-to-json.js";
import { idKeyAt } from "./ids.js";
import { MAX_DEPTH } from "./json-scanner.js";
import { type FieldPlan, fieldByKey, Kind, type MessagePlan, methodAt, WIRE_LEN } from "./plan.js";

/**
 * Decodes the object of `plan` in `b[p, end)`, `depth` deep (as the interpreter counts); returns
 * `end`, or -1 to give up.
 */
export type CompiledDecoder = (dec: BinaryToJson, b: Buffer, p: number, end: number, depth: number) => number;

/** Whether `JsonRpcTranscoder` takes the compiled path, and how many messages it handed back. */
export const compiledDecoding = { enabled: true, fallbacks: 0 };

const EMPTY_LIST = new TextEncoder().encode("[]");

/** What generated code calls: the interpreter's parts, and look-ups it cannot inline. */
const helpers = {
  MAX_DEPTH,
  /** The decoder of a plan met at run time (a union's member). */
  fnOf(plan: MessagePlan | undefined): CompiledDecoder | undefined {
    return plan?.kind === "object" ? compiledDecoder(plan) : undefined;
  },
  /** The member of a union numbered `no`, if it is a message of its own. */
  memberOf(union: MessagePlan, no: number): FieldPlan | undefined {
    return no < union.byNumber.length ? union.byNumber[no] : undefined;
  },
  /** An additional entry, as `decodeObject` writes it; returns the required bit of a key it defines. */
  additional(dec: BinaryToJson, plan: MessagePlan, tag: number): number {
    const keyStart = dec.decodeAdditional(tag);
    return fieldByKey(plan, dec.b, keyStart, dec.additionalKeyEnd)?.requiredBit ?? 0;
  },
  /**
   * Constants and lists the revision requires that a typed producer left out, put back as
   * `decodeObject` puts them; returns the required bits seen.
   */
  fillMissing(dec: BinaryToJson, plan: MessagePlan, outStart: number, seen: number, first: boolean): number {
    const w = dec.w;
    const requiredMask = plan.requiredMask[dec.settings.revision];
    for (let i = plan.consts.length - 1; i >= 0; i--) {
      const c = plan.consts[i]!;
      if ((c.requiredBit & requiredMask) === 0 || (seen & c.requiredBit) !== 0) continue;
      w.insert(outStart + 1, c.keyJson, c.constJson!, first ? undefined : 0x2c);
      first = false;
      seen |= c.requiredBit;
    }
    for (const f of plan.alwaysRequiredLists) {
      if ((seen & f.requiredBit) !== 0) continue;
      if (!first) w.byte(0x2c);
      first = false;
      w.raw(f.keyJson);
      w.raw(EMPTY_LIST);
      seen |= f.requiredBit;
    }
    return seen;
  },
  idKeyAt,
  methodAt,
};
type Helpers = typeof helpers;

/** The compiled decoder of `plan` (an object), made on first use with every plan it reaches. */
export function compiledDecoder(plan: MessagePlan): CompiledDecoder | undefined {
  if (plan.compiledDecoder === undefined) compileFrom(plan);
  return (plan.compiledDecoder as CompiledDecoder | null) ?? undefined;
}

/** Decodes a whole `JSONRPCMessage` by the compiled path; returns where it ends, or -1. */
export function decodeJsonRpcCompiled(dec: BinaryToJson, message: MessagePlan): number {
  const b = dec.b;
  const end = b.length;
  if (end < 2) return -1;
  const tag = b[0]!;
  const member = tag < 0x80 && (tag & 7) === WIRE_LEN ? helpers.memberOf(message, tag >>> 3) : undefined;
  const fn = helpers.fnOf(member?.message);
  if (fn === undefined) return -1;
  let p = 1;
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    if (p >= end || shift > 21) return -1;
    const c = b[p++]!;
    n |= (c & 0x7f) << shift;
    if (c < 0x80) break;
  }
  // One member, filling the message: anything else is for the interpreter to report.
  if (p + n !== end) return -1;
  // As `decodeRoot` counts: the union is one level, its member another.
  return fn(dec, b, p, end, 2);
}

function compileFrom(root: MessagePlan): void {
  const order: MessagePlan[] = [];
  const index = new Map<MessagePlan, number>();
  const visit = (plan: MessagePlan | undefined): void => {
    if (plan === undefined || index.has(plan) || plan.compiledDecoder !== undefined) return;
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
  const names = order.map((_, i) => `d${i}`).join(", ");
  let fns: CompiledDecoder[] | undefined;
  try {
    const factory = new Function("K", "h", `"use strict";\n${body}\nreturn [${names}];`) as (
      k: unknown[],
      h: Helpers,
    ) => CompiledDecoder[];
    fns = factory(constants, helpers);
  } catch {
    // Code generation refused (a policy against eval): the interpreter does everything.
    fns = undefined;
  }
  for (const [plan, i] of index) if (i >= 0) plan.compiledDecoder = fns?.[i] ?? null;
}

/** Generated code that reads a length at `p` into `n` (checked against `end`). */
function readLength(out: (s: string) => void, indent: string): void {
  out(`${indent}if (p >= end) return -1; let n = b[p++];`);
  out(`${indent}if (n >= 0x80) { n &= 0x7f; for (let shift = 7; ; shift += 7) {`);
  out(
    `${indent}  if (p >= end || shift > 21) return -1; const c = b[p++]; n |= (c & 0x7f) << shift; if (c < 0x80) break; } }`,
  );
  out(`${indent}if (n > end - p) return -1;`);
}

/** Generated code that writes `,` unless first, then the JSON of `key` (literal bytes). */
function keyCode(f: FieldPlan, out: (s: string) => void): void {
  const bytes = [...f.keyJson].map((c) => `buf[o++] = ${c};`).join(" ");
  out(
    `          { w.ensure(${f.keyJson.length + 1}); const buf = w.buf; let o = w.pos; if (!first) buf[o++] = 0x2c; ${bytes} w.pos = o; first = false; }`,
  );
}

function objectFunction(
  plan: MessagePlan,
  i: number,
  index: Map<MessagePlan, number>,
  constant: (value: unknown) => string,
): string {
  const P = constant(plan);
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  const lists = plan.fields.filter((f) => f.repeated || f.map !== undefined);
  out(`function d${i}(dec, b, p, end, depth) {`);
  out("  const w = dec.w; const outStart = w.pos; w.byte(0x7b);");
  out("  let first = true; let seen = 0;");
  // JSON has one place for a list: elements split across the message are the interpreter's to refuse.
  for (const f of lists) out(`  let list${f.number} = false;`);
  if (plan.envelope !== undefined) out("  let id; let method;");
  out("  while (p < end) {");
  out("    let tag = b[p++];");
  out(
    "    if (tag >= 0x80) { if (p >= end) return -1; const c = b[p++]; if (c >= 0x80) return -1; tag = (tag & 0x7f) | (c << 7); }",
  );
  out("    switch (tag) {");
  for (const f of plan.fields) {
    const tag = f.isAdditional
      ? (f.number << 3) | WIRE_LEN
      : f.kind === Kind.Const
        ? (f.number << 3) | WIRE_LEN
        : f.tagValue;
    // A list of numbers may also come packed, in one length-delimited field.
    if (f.repeated && f.wireType !== WIRE_LEN) out(`      case ${(f.number << 3) | WIRE_LEN}:`);
    out(`      case ${tag}: {`);
    fieldCode(plan, f, index, constant, out);
    out("        break;");
    out("      }");
  }
  out("      default: return -1;");
  out("    }");
  out("  }");
  out("  if (p !== end) return -1;");
  const missing = mcpRevisions.map((r) => {
    const required = plan.requiredMask[r];
    let mask = 0;
    for (const c of plan.consts) if ((c.requiredBit & required) !== 0) mask |= c.requiredBit;
    for (const f of plan.alwaysRequiredLists) mask |= f.requiredBit;
    return [r, mask] as const;
  });
  if (missing.some(([, mask]) => mask !== 0)) {
    const masks = missing.map(([r, mask]) => `dec.settings.revision === "${r}" ? ${mask} : `).join("");
    out(
      `  { const mask = ${masks}0; if ((seen & mask) !== mask) { seen = h.fillMissing(dec, ${P}, outStart, seen, first); first = false; } }`,
    );
  }
  if (plan.envelope === "request")
    out(
      "  if (id !== undefined && method !== undefined) { dec.lastRequestId = id; dec.lastRequestMethod = method; }",
    );
  else if (plan.envelope === "response") out("  if (id !== undefined) dec.lastResponseId = id;");
  const masks = mcpRevisions
    .map((r) => `dec.settings.revision === "${r}" ? ${plan.requiredMask[r]} : `)
    .join("");
  out(
    `  if (dec.settings.requireFields) { const mask = ${masks}${P}.requiredMask[dec.settings.revision]; if ((seen & mask) !== mask) return -1; }`,
  );
  out("  w.byte(0x7d);");
  out("  return p;");
  out("}");
  return lines.join("\n");
}

function fieldCode(
  plan: MessagePlan,
  f: FieldPlan,
  index: Map<MessagePlan, number>,
  constant: (value: unknown) => string,
  out: (s: string) => void,
): void {
  const F = constant(f);
  const P = constant(plan);
  if (f.isAdditional) {
    out("          if (!first) w.byte(0x2c); first = false;");
    out(`          dec.p = p; seen |= h.additional(dec, ${P}, tag); p = dec.p;`);
    return;
  }
  if (f.repeated || f.map !== undefined) {
    out(`          if (list${f.number}) return -1; list${f.number} = true;`);
  }
  keyCode(f, out);
  if (f.requiredBit !== 0) out(`          seen |= ${f.requiredBit};`);
  out("          const valueStart = w.pos;");
  if (f.map !== undefined || (f.repeated && f.wireType !== WIRE_LEN)) {
    // Maps, and lists that may be packed: as the interpreter writes them.
    out(
      `          dec.p = p; dec.depth = depth; dec.${f.map !== undefined ? "decodeMap" : "decodeList"}(${F}, tag, end); p = dec.p;`,
    );
  } else if (f.repeated) {
    const tagBytes = [...f.tag];
    const next = tagBytes.map((t, k) => `b[p + ${k}] === ${t}`).join(" && ");
    out("          w.byte(0x5b);");
    out("          for (let i = 0; ; i++) {");
    out("            if (i > 0) w.byte(0x2c);");
    valueCode(f, index, constant, out);
    out(`            if (p < end && ${next}) { p += ${tagBytes.length}; continue; }`);
    out("            break;");
    out("          }");
    out("          w.byte(0x5d);");
  } else valueCode(f, index, constant, out);
  if (plan.envelope !== undefined && f.key === "id")
    out("          id = h.idKeyAt(w.buf, valueStart, w.pos);");
  if (plan.envelope !== undefined && f.key === "method")
    out(
      `          method = h.methodAt(${P}, w.buf, valueStart + 1, w.pos - 1) ?? JSON.parse(w.buf.utf8Slice(valueStart, w.pos));`,
    );
}

/** Generated code for one value of `f` at `p` (after its tag), written as JSON. */
function valueCode(
  f: FieldPlan,
  index: Map<MessagePlan, number>,
  constant: (value: unknown) => string,
  out: (s: string) => void,
): void {
  const F = constant(f);
  const delegate = `{ dec.p = p; dec.depth = depth; dec.decodeValue(${F}, ${f.wireType}); p = dec.p; }`;
  switch (f.kind) {
    case Kind.String:
      out("            {");
      readLength(out, "            ");
      out("            dec.writeStringAt(p, p + n); p += n; }");
      return;
    case Kind.Raw:
      out("            {");
      readLength(out, "            ");
      out("            dec.p = p; dec.depth = depth; dec.copyJson(n); p = dec.p; }");
      return;
    case Kind.Const: {
      const json = f.constJson!;
      const content = [...json.subarray(1, json.length - 1)];
      const test = content.map((c, k) => `b[p + ${k}] === ${c}`).join(" && ");
      const bytes = [...json].map((c) => `buf[o++] = ${c};`).join(" ");
      out("            {");
      readLength(out, "            ");
      // Written as the constant, or left empty by a producer that marks only its place.
      if (json[0] !== 0x22) out("            if (n !== 0) return -1;");
      else out(`            if (n !== 0 && (n !== ${content.length} || !(${test || "true"}))) return -1;`);
      out(
        `            p += n; w.ensure(${json.length}); const buf = w.buf; let o = w.pos; ${bytes} w.pos = o; }`,
      );
      return;
    }
    case Kind.Message: {
      const message = f.message!;
      if (message.kind === "object") {
        const fn = index.has(message) ? `d${index.get(message)}` : `h.fnOf(${constant(message)})`;
        out("            {");
        readLength(out, "            ");
        out(
          `            if (depth + 1 > h.MAX_DEPTH || ${fn}(dec, b, p, p + n, depth + 1) < 0) return -1; p += n; }`,
        );
        return;
      }
      if (message.kind === "union") {
        out("            {");
        readLength(out, "            ");
        out("            const memberEnd = p + n; if (depth + 2 > h.MAX_DEPTH || p >= memberEnd) return -1;");
        out("            const t = b[p++]; if (t >= 0x80 || (t & 7) !== 2) return -1;");
        out(
          `            const fn = h.fnOf(h.memberOf(${constant(message)}, t >>> 3)?.message); if (fn === undefined) return -1;`,
        );
        out("            if (p >= memberEnd) return -1; let m = b[p++];");
        out("            if (m >= 0x80) { m &= 0x7f; for (let shift = 7; ; shift += 7) {");
        out(
          "              if (p >= memberEnd || shift > 21) return -1; const c = b[p++]; m |= (c & 0x7f) << shift; if (c < 0x80) break; } }",
        );
        // One member, filling the union.
        out(
          "            if (p + m !== memberEnd || fn(dec, b, p, memberEnd, depth + 2) < 0) return -1; p = memberEnd; }",
        );
        return;
      }
      if (message.kind === "scalar-union") {
        // A request id: field 2 a varint, or field 1 a string.
        out("            {");
        readLength(out, "            ");
        out("            const idEnd = p + n; if (p >= idEnd) return -1; const t = b[p++];");
        out("            if (t === 0x10) { dec.p = p; dec.writeVarintText(); p = dec.p; }");
        out(
          "            else if (t === 0x0a) { if (p >= idEnd) return -1; const m = b[p++]; if (m >= 0x80 || p + m > idEnd) return -1; dec.writeStringAt(p, p + m); p += m; }",
        );
        out("            else return -1;");
        out("            if (p !== idEnd) return -1; }");
        return;
      }
      out(`            ${delegate}`);
      return;
    }
    default:
      out(`            ${delegate}`);
  }
}
