/**
 * Which member a JSON object is, where the bytes alone do not say: the variant of a union
 * (`ContentBlock`, `JSONRPCMessage`) and the result type of a response (by the request it answers).
 */
import { TranscodeCode } from "./errors.js";
import type { JsonToBinary } from "./json-to-binary.js";
import type { FieldPlan, MessagePlan } from "./plan.js";

const QUOTE = 0x22;

/** Methods whose result may instead be an InputRequiredResult (2026-07-28) or a CreateTaskResult (2025-11-25). */
const ALTERNATE_RESULTS = new Set([
  "tools/call",
  "prompts/get",
  "resources/read",
  "completion/complete",
  "sampling/createMessage",
  "elicitation/create",
]);

/** Visits the keys of the object at `objectStart`; `visit` returns true to stop. Restores the scanner. */
export function forEachKey(
  enc: JsonToBinary,
  objectStart: number,
  visit: (key: string, valueStart: number) => boolean,
): void {
  const { p, hash, escaped, integer } = enc;
  const depth = enc.path.length;
  try {
    enc.p = objectStart + 1;
    if (enc.peek() === 0x7d) return;
    for (;;) {
      if (enc.peek() !== QUOTE) enc.syntax("a property name");
      const keyStart = enc.p;
      const key = enc.stringValue(keyStart, enc.scanString());
      enc.expect(0x3a, "':'");
      enc.ws();
      const valueStart = enc.p;
      if (visit(key, valueStart)) return;
      enc.p = valueStart;
      enc.skipValue(enc.depth);
      const next = enc.peek();
      enc.p++;
      if (next === 0x7d) return;
      if (next !== 0x2c) {
        enc.p--;
        enc.syntax("',' or '}'");
      }
    }
  } finally {
    enc.p = p;
    enc.hash = hash;
    enc.escaped = escaped;
    enc.integer = integer;
    enc.path.length = depth;
  }
}

/** The span `[start, end)` of the value of `key` in the object at `objectStart`. */
export function findKey(enc: JsonToBinary, objectStart: number, key: string): [number, number] | undefined {
  let span: [number, number] | undefined;
  forEachKey(enc, objectStart, (k, valueStart) => {
    if (k !== key) return false;
    enc.skipValue(enc.depth);
    span = [valueStart, enc.p];
    return true;
  });
  return span;
}

function stringAt(enc: JsonToBinary, span: [number, number] | undefined): string | undefined {
  if (span === undefined || enc.b[span[0]] !== QUOTE) return undefined;
  return JSON.parse(enc.b.utf8Slice(span[0], span[1])) as string;
}

/**
 * The variants of union `plan` that the object at the scanner's position may be, best first: the one
 * its discriminator names, or those whose required properties it has and whose constants it matches,
 * by how many of its keys they define. The caller tries them in turn.
 */
export function variantCandidates(enc: JsonToBinary, plan: MessagePlan): FieldPlan[] {
  const objectStart = enc.p;
  if (plan.discriminator !== undefined) {
    const value = stringAt(enc, findKey(enc, objectStart, plan.discriminator));
    const variant = value === undefined ? undefined : plan.variantByConst.get(value);
    if (variant !== undefined) return [variant];
  }
  const keys = new Map<string, number>();
  let decided: FieldPlan | undefined;
  forEachKey(enc, objectStart, (key, valueStart) => {
    decided = plan.decisive.get(key);
    keys.set(key, valueStart);
    return decided !== undefined;
  });
  if (decided !== undefined) return [decided];
  const { revision, requireFields } = enc.settings;
  const scored: [FieldPlan, number][] = [];
  for (const v of plan.variants) {
    const message = v.message!;
    if (requireFields && message.requiredKeys[revision].some((f) => !keys.has(f.key))) continue;
    const constMismatch = message.consts.some((c) => {
      const at = keys.get(c.key);
      if (at === undefined) return false;
      const span: [number, number] = [at, at];
      enc.p = at;
      if (enc.b[at] === QUOTE) {
        enc.scanString();
        span[1] = enc.p;
        return stringAt(enc, span) !== c.constValue;
      }
      return false;
    });
    enc.p = objectStart;
    if (constMismatch) continue;
    let score = 0;
    for (const f of message.fields) if (keys.has(f.key)) score++;
    scored.push([v, score]);
  }
  if (scored.length === 0) {
    const names = plan.variants.map((v) => v.message!.name).join(", ");
    return enc.fail(
      TranscodeCode.InvalidValue,
      `cannot convert ${plan.name}: the object is none of ${names}`,
      objectStart,
    );
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/** The result member of a JSONRPCResultResponse, from the method of the request it answers. */
export function chooseResultMember(
  enc: JsonToBinary,
  plan: MessagePlan,
  objectStart: number,
  idText: string | undefined,
): FieldPlan | undefined {
  if (enc.peek() !== 0x7b || enc.resultMethod === undefined) return plan.oneofRaw;
  if (idText === undefined) {
    const span = findKey(enc, objectStart, "id");
    if (span !== undefined) idText = enc.b.utf8Slice(span[0], span[1]);
  }
  const method = idText === undefined ? undefined : enc.resultMethod(idText);
  const primary = method === undefined ? undefined : plan.oneofByMethod.get(method);
  if (primary === undefined) return plan.oneofRaw;
  if (!ALTERNATE_RESULTS.has(method!)) return primary;
  let alternate: string | undefined;
  forEachKey(enc, enc.p, (key, valueStart) => {
    if (key === "resultType") {
      enc.p = valueStart;
      if (enc.b[valueStart] === QUOTE) enc.scanString();
      if (enc.b[valueStart] === QUOTE && stringAt(enc, [valueStart, enc.p]) === "input_required") {
        alternate = "InputRequiredResult";
        return true;
      }
    } else if (key === "task" && !primary.message!.fields.some((f) => f.key === "task")) {
      alternate = "CreateTaskResult";
      return true;
    }
    return false;
  });
  return alternate === undefined ? primary : plan.oneofMembers.find((m) => m.message?.name === alternate);
}
