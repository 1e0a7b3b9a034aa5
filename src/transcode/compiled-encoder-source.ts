/**
 * The source of the compiled encoder's functions (`compiled-encoder.ts` runs them): for one object
 * plan, a function that matches each key byte by byte in straight-line code (a `switch` on the
 * key's length, then literal compares), writes constants, tags and JSON keys from literal bytes,
 * and hands every value it does not write inline to the interpreter's own method for it.
 */
import { mcpRevisions } from "../schema/index.js";
import type { ConstantOf, PlanIndex } from "./compile-plans.js";
import { type FieldPlan, Kind, type MessagePlan } from "./plan.js";

/** Generated source of the function of object plan `plan`, named `o${i}`. */
export function objectSource(plan: MessagePlan, i: number, index: PlanIndex, constant: ConstantOf): string {
  const P = constant(plan);
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  const reads = plan.readsIdAndMethod;
  out(`function o${i}(enc, b, p, depth, watch) {`);
  // Keys met, by `keyBit`: one met twice is the interpreter's to refuse.
  out("  const w = enc.w; const objectStart = p; let seen = 0; let keys = 0;");
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
    if (f.isAdditional || oneof.has(f) || f.textOf !== undefined) continue;
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
  separatorCode("0x7d", "    ", out);
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
function oneofCode(plan: MessagePlan, constant: ConstantOf, out: (s: string) => void): void {
  const P = constant(plan);
  const test = [...plan.oneofKeyBytes!].map((c, k) => `b[ks + ${k}] === ${c}`).join(" && ");
  const bit = plan.oneofMembers[0]!.keyBit;
  out(`        if (${test}) {`);
  out(bit === 0 ? "          return -1;" : `          if ((keys & ${bit}) !== 0) return -1; keys |= ${bit};`);
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
  index: PlanIndex,
  constant: ConstantOf,
  out: (s: string) => void,
  reads: boolean,
): void {
  const F = constant(f);
  const P = constant(plan);
  if (f.keyBit === 0) {
    out("          return -1;");
    return;
  }
  out(`          if ((keys & ${f.keyBit}) !== 0) return -1; keys |= ${f.keyBit};`);
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
    separatorCode("0x5d", "            ", out);
    out("          }");
  } else if (f.map !== undefined && (f.map.kind === Kind.String || f.map.kind === Kind.Raw)) {
    // Entries `{1: key, 2: value}`, as `encodeMap` writes them.
    const V = constant(f.map);
    out("          if (b[p] !== 0x7b) return -1;");
    out("          p++; if (b[p] <= 0x20) p = ws(b, p);");
    out(
      `          if (b[p] === 0x7d) { p++; enc.p = p; enc.writeAdditional(${P}, ks - 1, ke, h.EMPTY_OBJECT); p = enc.p; }`,
    );
    // The keys' spans, for the check that none repeats once the map is read.
    out("          else { const names = []; for (;;) {");
    out("            if (b[p] !== 0x22) return -1;");
    out(`            w.raw(${F}.tag); const entry = w.beginLength(enc.end - p); const name = p;`);
    stringCode([0x0a], "0x0a", out);
    out("            names.push(name, p - 1);");
    out("            if (b[p] <= 0x20) p = ws(b, p);");
    out("            if (b[p] !== 0x3a) return -1;");
    out("            p++; if (b[p] <= 0x20) p = ws(b, p);");
    if (f.map.kind === Kind.String) {
      out("            if (b[p] !== 0x22) return -1;");
      stringCode([...f.map.tag], `${V}.tag`, out);
    } else out(`            enc.p = p; enc.depth = depth; enc.encodeField(${V}, ${P}); p = enc.p;`);
    out("            w.endLength(entry);");
    separatorCode("0x7d", "            ", out);
    out("          } if (names.length > 2 && h.repeatsKey(b, names)) return -1; }");
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
  // A short string's plain bytes are copied as they are found, after the tag and a one-byte
  // length: one pass rather than a scan and then a copy (a list of resources is mostly such
  // strings). The room asked for is the input left, which no plain string outgrows. Past 127 bytes
  // the rest is only scanned, the length written on more bytes and the whole copied natively.
  // Anything but a plain string goes to the interpreter.
  out(
    `            { w.ensure(${tag.length + 1} + enc.end - p); const buf = w.buf; let o = w.pos; ${write} const at = o++;`,
  );
  out("              let e = p + 1; const short = p + 128;");
  out(
    "              for (;;) { const c = b[e]; if (STOP[c] !== 0 || e === short) break; buf[o++] = c; e++; }",
  );
  out("              if (e === short) while (STOP[b[e]] === 0) e++;");
  out("              if (b[e] === 0x22) { const n = e - p - 1;");
  out(
    `                if (n < 128) { buf[at] = n; w.pos = o; } else { w.pos = at; w.varint(n); w.copy(b, p + 1, e); }`,
  );
  out("                p = e + 1;");
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
  index: PlanIndex,
  constant: ConstantOf,
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
      out(`            enc.p = p; h.writeBase64Field(enc, ${F}); p = enc.p;`);
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
          `                if (n < 0x80 && d !== 0x2e && d !== 0x65 && d !== 0x45) { w.ensure(${f.tag.length + 3}); const buf = w.buf; let o = w.pos; ${tag} buf[o++] = 2; buf[o++] = 0x10; buf[o++] = n; w.pos = o; p = e; }`,
        );
        out(
          `                else if (e - p < 10 && d !== 0x2e && d !== 0x65 && d !== 0x45) { w.raw(${F}.tag); const s = w.beginLength(16); w.byte(0x10); w.varint(n); w.endLength(s); p = e; }`,
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
    case Kind.Raw: {
      // JSON kept as its text (`arguments`, `_meta`, a schema): compact JSON is checked and copied
      // here; anything else (white space, deep nesting, an error) the interpreter takes.
      out(`            { const e = depth <= h.COMPACT_DEPTH_LIMIT ? h.compactJsonEnd(b, p) : -1;`);
      out("              if (e > 0) { const n = e - p; if (h.compactScan.nonAscii) enc.nonAscii = true;");
      out(
        `                if (n < 64) { w.ensure(${f.tag.length + 1} + n); const buf = w.buf; let o = w.pos; ${tag} buf[o++] = n; for (let i = p; i < e; i++) buf[o++] = b[i]; w.pos = o; }`,
      );
      out(
        `                else { w.ensure(${f.tag.length}); { const buf = w.buf; let o = w.pos; ${tag} w.pos = o; } w.varint(n); w.copy(b, p, e); }`,
      );
      out("                p = e;");
      out(`              } else ${delegate} }`);
      return;
    }
    default:
      out(`            ${delegate}`);
  }
}

/**
 * Generated code after a value in a container closed by `close`: past white space, breaks the
 * loop at the closing byte, goes on after a comma, gives up on anything else.
 */
function separatorCode(close: string, indent: string, out: (s: string) => void): void {
  out(`${indent}let c = b[p]; if (c <= 0x20) { p = ws(b, p); c = b[p]; }`);
  out(`${indent}p++;`);
  out(`${indent}if (c === ${close}) break;`);
  out(`${indent}if (c !== 0x2c) return -1;`);
  out(`${indent}if (b[p] <= 0x20) p = ws(b, p);`);
}
