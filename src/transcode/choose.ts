/**
 * Which member a JSON object is, where the bytes alone do not say: the variant of a union
 * (`ContentBlock`, `JSONRPCMessage`) and the result type of a response (by the request it answers).
 * Each looks ahead at keys as bytes, and stops as soon as it knows.
 */
import { TranscodeCode } from "./errors.js";
import { type IdKey, idKeyAt } from "./ids.js";
import { keyHashOf } from "./json-scanner.js";
import type { JsonToBinary } from "./json-to-binary.js";
import { type FieldPlan, type MessagePlan, methodAt } from "./plan.js";

const QUOTE = 0x22;
const encoder = new TextEncoder();
const KEY = {
  id: encoder.encode("id"),
  jsonrpc: encoder.encode("jsonrpc"),
  method: encoder.encode("method"),
  result: encoder.encode("result"),
  error: encoder.encode("error"),
  resultType: encoder.encode("resultType"),
  task: encoder.encode("task"),
};

/** Methods whose result may instead be an InputRequiredResult (2026-07-28) or a CreateTaskResult (2025-11-25). */
const ALTERNATE_RESULTS = new Set([
  "tools/call",
  "prompts/get",
  "resources/read",
  "completion/complete",
  "sampling/createMessage",
  "elicitation/create",
]);

/**
 * Look-ahead over the keys of an object, without closures (this runs for every union and every
 * response): `open` saves the scanner's state and moves to the first key, `key` reads one and
 * leaves the scanner at its value, `next` skips the value, `close` restores the state.
 */
class KeyCursor {
  private p = 0;
  private escaped = false;
  private integer = false;
  /** The key just read: `[keyStart, keyClose]`, quotes included; its value starts at `valueStart`. */
  keyStart = 0;
  keyClose = 0;
  valueStart = 0;

  /** Returns false when the object is empty. */
  open(enc: JsonToBinary, objectStart: number): boolean {
    this.p = enc.p;
    this.escaped = enc.escaped;
    this.integer = enc.integer;
    enc.p = objectStart + 1;
    return enc.peek() !== 0x7d;
  }

  key(enc: JsonToBinary): void {
    if (enc.peek() !== QUOTE) enc.syntax("a property name");
    this.keyStart = enc.p;
    this.keyClose = enc.scanKey();
    enc.expect(0x3a, "':'");
    enc.ws();
    this.valueStart = enc.p;
  }

  /** Skips the value of the key just read; returns false at the end of the object. */
  next(enc: JsonToBinary): boolean {
    enc.p = this.valueStart;
    enc.skim();
    return !enc.closes(0x7d);
  }

  is(enc: JsonToBinary, key: Uint8Array): boolean {
    return enc.keyEquals(this.keyStart, this.keyClose, key);
  }

  close(enc: JsonToBinary): void {
    enc.p = this.p;
    enc.escaped = this.escaped;
    enc.integer = this.integer;
  }
}

/** One cursor per nesting of look-aheads (they do not nest: each finishes before the next starts). */
const cursor = new KeyCursor();

/** The span `[start, end)` of the value of `key` in the object at `objectStart`. */
export function findKey(
  enc: JsonToBinary,
  objectStart: number,
  key: Uint8Array,
): [number, number] | undefined {
  let span: [number, number] | undefined;
  if (cursor.open(enc, objectStart)) {
    do {
      cursor.key(enc);
      if (cursor.is(enc, key)) {
        enc.skim();
        span = [cursor.valueStart, enc.p];
        break;
      }
    } while (cursor.next(enc));
  }
  cursor.close(enc);
  return span;
}

/**
 * The string in `span`, found by a look-ahead that skims without checking: a malformed one reads
 * as none here, and the pass that converts it reports it, with its path.
 */
function stringAt(enc: JsonToBinary, span: [number, number] | undefined): string | undefined {
  if (span === undefined || enc.b[span[0]] !== QUOTE) return undefined;
  try {
    return JSON.parse(enc.b.utf8Slice(span[0], span[1])) as string;
  } catch {
    return undefined;
  }
}

/** The method named in the object at `objectStart`, if any. */
export function methodOf(enc: JsonToBinary, objectStart: number): string | undefined {
  return stringAt(enc, findKey(enc, objectStart, KEY.method));
}

/** The key of the id of the object at `objectStart`, if any. */
export function idOf(enc: JsonToBinary, objectStart: number): IdKey | undefined {
  const span = findKey(enc, objectStart, KEY.id);
  return span === undefined ? undefined : idKeyAt(enc.b, span[0], span[1]);
}

/**
 * JSON-RPC 2.0's own rule (§4, §5): a result or an error makes a response, a method with an id a
 * request, a method without one a notification. Decided at the first key that settles it.
 */
function jsonRpcVariant(enc: JsonToBinary, plan: MessagePlan): FieldPlan | undefined {
  let hasId = false;
  let hasMethod = false;
  let decided: FieldPlan | undefined;
  if (cursor.open(enc, enc.p)) {
    do {
      cursor.key(enc);
      // By length first: `jsonrpc` (7), usually the first key, matches none of them.
      switch (cursor.keyClose - cursor.keyStart - 1) {
        case 2:
          hasId ||= cursor.is(enc, KEY.id);
          break;
        case 5:
          if (cursor.is(enc, KEY.error)) decided = plan.variantsByName.get("JSONRPCErrorResponse");
          break;
        case 6:
          if (cursor.is(enc, KEY.result)) decided = plan.variantsByName.get("JSONRPCResultResponse");
          else hasMethod ||= cursor.is(enc, KEY.method);
          break;
      }
      if (hasId && hasMethod) decided = plan.variantsByName.get("JSONRPCRequest");
    } while (decided === undefined && cursor.next(enc));
  }
  cursor.close(enc);
  return decided ?? (hasMethod ? plan.variantsByName.get("JSONRPCNotification") : undefined);
}

/**
 * A guess for a request written method first (`{"method":"tools/call","params":…,"id":3}`, as the
 * official SDK writes one), which spares the look-ahead over its `params` for the `id` after them:
 * a known request method, before any key but `jsonrpc`, names `JSONRPCRequest`. A notification may
 * use a request's method name too, without an `id`: the caller keeps the guess only when it took
 * the value and found an `id`, and falls back to {@link variantCandidates} otherwise.
 */
export function requestByMethod(enc: JsonToBinary, plan: MessagePlan): FieldPlan | undefined {
  const request = plan.variantsByName.get("JSONRPCRequest");
  if (request === undefined) return undefined;
  let guess: FieldPlan | undefined;
  if (cursor.open(enc, enc.p)) {
    do {
      cursor.key(enc);
      if (cursor.is(enc, KEY.method)) {
        if (enc.peek() === QUOTE) {
          const close = enc.scanString();
          const start = cursor.valueStart + 1;
          if (!enc.escaped && methodAt(request.message!, enc.b, start, close) !== undefined) guess = request;
        }
        break;
      }
    } while (cursor.is(enc, KEY.jsonrpc) && cursor.next(enc));
  }
  cursor.close(enc);
  return guess;
}

/**
 * The variants of union `plan` that the object at the scanner's position may be, best first: the one
 * its discriminator names, or one a key only it defines, or those whose required properties it has
 * and whose constants it matches, by how many of its keys they define. The caller tries them in turn.
 */
export function variantCandidates(enc: JsonToBinary, plan: MessagePlan): FieldPlan[] {
  const objectStart = enc.p;
  if (plan.isJsonRpcMessage) {
    const variant = jsonRpcVariant(enc, plan);
    if (variant !== undefined) return variant.alone;
  } else if (plan.discriminatorBytes !== undefined) {
    const span = findKey(enc, objectStart, plan.discriminatorBytes);
    if (span !== undefined) {
      // Constants are usually written as themselves: compare bytes before parsing anything.
      for (const [constJson, variant] of plan.variantByConstJson) {
        if (span[1] - span[0] === constJson.length && enc.spanEquals(span[0], constJson))
          return variant.alone;
      }
      const value = stringAt(enc, span);
      const variant = value === undefined ? undefined : plan.variantByConst.get(value);
      if (variant !== undefined) return variant.alone;
    }
  }
  const keys = new Map<string, number>();
  let decided: FieldPlan | undefined;
  if (cursor.open(enc, objectStart)) {
    do {
      cursor.key(enc);
      for (const d of plan.decisive.get(keyHashOf(enc.b, cursor.keyStart + 1, cursor.keyClose)) ?? []) {
        if (cursor.is(enc, d.key)) decided = d.variant;
      }
      keys.set(enc.stringValue(cursor.keyStart, cursor.keyClose), cursor.valueStart);
    } while (decided === undefined && cursor.next(enc));
  }
  cursor.close(enc);
  if (decided !== undefined) return decided.alone;
  const { revision } = enc.settings;
  const requireFields = enc.requireFields;
  const scored: [FieldPlan, number][] = [];
  for (const v of plan.variants) {
    const message = v.message!;
    if (requireFields && message.requiredKeys[revision].some((f) => !keys.has(f.key))) continue;
    const constMismatch = message.consts.some((c) => {
      const at = keys.get(c.key);
      if (at === undefined || enc.b[at] !== QUOTE) return false;
      enc.p = at;
      enc.scanString();
      const value = stringAt(enc, [at, enc.p]);
      enc.p = objectStart;
      return value !== c.constValue;
    });
    if (constMismatch) continue;
    let score = 0;
    for (const f of message.fields) if (f.textOf === undefined && keys.has(f.key)) score++;
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

/**
 * The method of the request that the response at `objectStart` answers, when its `result` is an
 * object the JSON-RPC layer can type (the scanner is at that `result`).
 */
export function answeredMethod(
  enc: JsonToBinary,
  objectStart: number,
  id: IdKey | undefined,
): string | undefined {
  if (enc.peek() !== 0x7b || enc.resultMethod === undefined) return undefined;
  return enc.resultMethod(id ?? idOf(enc, objectStart) ?? "");
}

/** Whether a result of `method` may instead be an InputRequiredResult or a CreateTaskResult. */
export function hasAlternateResults(method: string): boolean {
  return ALTERNATE_RESULTS.has(method);
}

/**
 * The alternate result a key of the result object names, if it names one: `resultType:
 * "input_required"` an InputRequiredResult, `task` (where the primary has none) a CreateTaskResult.
 * The scanner is at the key's value and is left there.
 */
export function alternateNamedBy(
  enc: JsonToBinary,
  keyStart: number,
  keyClose: number,
  primary: FieldPlan,
): string | undefined {
  if (enc.keyEquals(keyStart, keyClose, KEY.resultType)) {
    const valueStart = enc.p;
    if (enc.b[valueStart] !== QUOTE) return undefined;
    enc.scanString();
    const value = stringAt(enc, [valueStart, enc.p]);
    enc.p = valueStart;
    return value === "input_required" ? "InputRequiredResult" : undefined;
  }
  if (!primary.message!.hasTask && enc.keyEquals(keyStart, keyClose, KEY.task)) return "CreateTaskResult";
  return undefined;
}

/** The alternate result the object at the scanner's position is, by the first key that names one. */
export function alternateResult(enc: JsonToBinary, primary: FieldPlan): string | undefined {
  let alternate: string | undefined;
  if (cursor.open(enc, enc.p)) {
    do {
      cursor.key(enc);
      alternate = alternateNamedBy(enc, cursor.keyStart, cursor.keyClose, primary);
    } while (alternate === undefined && cursor.next(enc));
  }
  cursor.close(enc);
  return alternate;
}
