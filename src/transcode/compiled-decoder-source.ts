/**
 * The source of the compiled decoder's functions (`compiled-decoder.ts` runs them): for one object
 * plan, a function with a `switch` on each tag that writes every key's JSON from literal bytes and
 * hands every value it does not write inline to the interpreter's own method for it.
 */
import { mcpRevisions } from "../schema/index.js";
import type { ConstantOf, PlanIndex } from "./compile-plans.js";
import { type FieldPlan, Kind, type MessagePlan, WIRE_LEN } from "./plan.js";

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

export function objectSource(plan: MessagePlan, i: number, index: PlanIndex, constant: ConstantOf): string {
  const P = constant(plan);
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  out(`function d${i}(dec, b, p, end, depth) {`);
  out("  const w = dec.w; const outStart = w.pos; w.byte(0x7b);");
  // Keys written (by `keyBit`), and how many additional entries under keys the message does not
  // define: a key met twice (a field set twice, a list's elements split across the message, an
  // additional entry beside its field) is the interpreter's to refuse, and so is a second such
  // entry (whose name only the interpreter compares). `h.additional` refuses an entry that holds
  // a property the message defines, unless as an empty list or map.
  out("  let first = true; let seen = 0; let keys = 0; let unknowns = 0;");
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
  index: PlanIndex,
  constant: ConstantOf,
  out: (s: string) => void,
): void {
  const F = constant(f);
  const P = constant(plan);
  if (f.isAdditional) {
    out("          if (!first) w.byte(0x2c); first = false;");
    out(`          dec.p = p; const d = h.additional(dec, ${P}, tag); p = dec.p;`);
    out("          if (d === undefined) { if (unknowns++ !== 0) return -1; }");
    out(
      "          else { if (d.keyBit === 0 || (keys & d.keyBit) !== 0) return -1; keys |= d.keyBit; seen |= d.requiredBit; }",
    );
    return;
  }
  if (f.keyBit === 0) {
    out("          return -1;");
    return;
  }
  out(`          if ((keys & ${f.keyBit}) !== 0) return -1; keys |= ${f.keyBit};`);
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
function valueCode(f: FieldPlan, index: PlanIndex, constant: ConstantOf, out: (s: string) => void): void {
  const F = constant(f);
  const delegate = `{ dec.p = p; dec.depth = depth; dec.decodeValue(${F}, ${f.wireType}); p = dec.p; }`;
  switch (f.kind) {
    case Kind.String:
      out("            {");
      readLength(out, "            ");
      // A short string with nothing to escape (most of them) written with no calls; anything else
      // (an escape, a byte past ASCII to check) as the interpreter writes it.
      out("            let e = p; const to = p + n;");
      out("            if (n < 64) { w.ensure(n + 2); const buf = w.buf; let o = w.pos; buf[o++] = 0x22;");
      out(
        "              for (; e < to; e++) { const c = b[e]; if (BYTE_CLASS[c] !== 0) break; buf[o++] = c; }",
      );
      out("              if (e === to) { buf[o++] = 0x22; w.pos = o; } }");
      out("            if (e !== to) dec.writeStringAt(p, to); p = to; }");
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
