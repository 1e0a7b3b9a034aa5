/**
 * The compiled fast path for binary → JSON, as `compiled-encoder.ts` is for the other way: one
 * generated function per object plan, with a `switch` on each tag and every key's JSON written
 * from literal bytes, instead of `BinaryToJson.decodeObject`'s look-ups per field. It takes the
 * common shape only (canonical tags, one member per union, lists written whole) and gives up (-1)
 * on anything else; the caller then decodes the whole message with the interpreter, which also
 * writes every error. Values it does not write inline go to the interpreter's own methods.
 */
import type { BinaryToJson } from "./binary-to-json.js";
import { idKeyAt } from "./ids.js";
import { MAX_DEPTH } from "./json-scanner.js";
import { compilePlans } from "./compile-plans.js";
import { objectSource } from "./compiled-decoder-source.js";
import { type FieldPlan, type MessagePlan, methodAt, WIRE_LEN } from "./plan.js";
import { BYTE_CLASS } from "./wire-values.js";

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
  BYTE_CLASS,
  /** The decoder of a plan met at run time (a union's member). */
  fnOf(plan: MessagePlan | undefined): CompiledDecoder | undefined {
    return plan?.kind === "object" ? compiledDecoder(plan) : undefined;
  },
  /** The member of a union numbered `no`, if it is a message of its own. */
  memberOf(union: MessagePlan, no: number): FieldPlan | undefined {
    return no < union.byNumber.length ? union.byNumber[no] : undefined;
  },
  /**
   * An additional entry, as `decodeObject` writes it (refusing one that holds a property the
   * message defines, unless as an empty list or map); returns the field whose key it is, if any.
   */
  additional(dec: BinaryToJson, plan: MessagePlan, tag: number): FieldPlan | undefined {
    return dec.decodeAdditional(plan, tag);
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
  compilePlans<CompiledDecoder>(
    root,
    {
      prefix: "d",
      preamble: "const BYTE_CLASS = h.BYTE_CLASS;",
      isCompiled: (plan) => plan.compiledDecoder !== undefined,
      functionSource: objectSource,
      store: (plan, fn) => {
        plan.compiledDecoder = fn;
      },
    },
    helpers,
  );
}
