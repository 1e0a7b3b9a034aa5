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
import { idKeyAt } from "./ids.js";
import type { JsonToBinary } from "./json-to-binary.js";
import { MAX_DEPTH } from "./json-scanner.js";
import { COMPACT_MAX_DEPTH, compactJsonEnd, compactScan } from "./compact-json.js";
import { compilePlans } from "./compile-plans.js";
import { objectSource } from "./compiled-encoder-source.js";
import { type FieldPlan, type MessagePlan, methodAt } from "./plan.js";

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
  /**
   * The deepest a Raw value may start and still take `compactJsonEnd`: there, even its deepest
   * container stays within what `skipValue` accepts.
   */
  COMPACT_DEPTH_LIMIT: MAX_DEPTH - COMPACT_MAX_DEPTH,
  compactJsonEnd,
  compactScan,
  EMPTY_ARRAY,
  EMPTY_OBJECT,
  /** Whether two of the JSON strings at `spans` (opening and closing quote, in pairs) are one. */
  repeatsKey(b: Buffer, spans: number[]): boolean {
    const names = new Set<string>();
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i]!;
      const close = spans[i + 1]!;
      const name = b.subarray(start, close).includes(0x5c)
        ? (JSON.parse(b.utf8Slice(start, close + 1)) as string)
        : b.utf8Slice(start + 1, close);
      if (names.has(name)) return true;
      names.add(name);
    }
    return false;
  },
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
function matches(b: Buffer, at: number, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false;
  return true;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const METHOD_FIRST = ascii('{"method":"');
const JSONRPC_ID = ascii('{"jsonrpc":"2.0","id":');
const THEN_RESULT = ascii(',"result":');
const THEN_ERROR = ascii(',"error":');
const THEN_METHOD = ascii(',"method":');

/** Where a request id at `i` ends: a plain integer or a string without escapes; -1 for anything else. */
function plainIdEnd(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c >= 0x30 && c <= 0x39) {
    i++;
    while (b[i]! >= 0x30 && b[i]! <= 0x39) i++;
    return i;
  }
  if (c !== 0x22) return -1;
  i++;
  while (STOP[b[i]!] === 0) i++;
  return b[i] === 0x22 ? i + 1 : -1;
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
  guessedRequest = false;
  // The two shapes almost every peer writes, matched as literal bytes before the general scan.
  if (matches(b, p, METHOD_FIRST)) {
    const s = p + METHOD_FIRST.length;
    let e = s;
    while (STOP[b[e]!] === 0) e++;
    if (b[e] === 0x22) {
      if (request !== undefined && methodAt(request.message!, b, s, e) !== undefined) {
        guessedRequest = true;
        return request;
      }
      // A notification's own method (progress, log lines: the most frequent messages of a busy
      // connection). Should the message hold an `id` after all, the notification's compiled
      // function meets a key it does not define and gives up, and the interpreter decides.
      const notification = members.notification;
      if (notification !== undefined && methodAt(notification.message!, b, s, e) !== undefined)
        return notification;
    }
  } else if (matches(b, p, JSONRPC_ID)) {
    const i = plainIdEnd(b, p + JSONRPC_ID.length);
    if (i > 0) {
      if (matches(b, i, THEN_RESULT)) return members.result;
      if (matches(b, i, THEN_ERROR)) return members.error;
      if (matches(b, i, THEN_METHOD)) return request;
    }
  }
  let onlyJsonrpc = true;
  let hasId = false;
  let hasMethod = false;
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
  compilePlans<CompiledObject>(
    root,
    {
      prefix: "o",
      preamble: "const STOP = h.STOP, ws = h.ws;",
      isCompiled: (plan) => plan.compiled !== undefined,
      functionSource: objectSource,
      // Unions are not compiled: their member is chosen at run time (`variantOf`, `fnOf`).
      store: (plan, fn) => {
        plan.compiled = fn;
      },
    },
    helpers,
  );
}
