/**
 * A JS value as JSON text, for `valueToBinary`: a cycle or a BigInt makes `JSON.stringify` throw a
 * TypeError, and a value nested thousands deep may exhaust the stack, or not: V8 up to 13 (Node 20 to
 * 24) recurses natively and throws a RangeError, V8 14.6 (Node 26) writes it, and the transcoder then
 * meets it. Either way such a value gets the same TranscodeError, with a code and a path, looked for
 * only once something has failed.
 */
import { formatPath, TranscodeCode, TranscodeError } from "./errors.js";
import { MAX_DEPTH } from "./json-scanner.js";

/** The JSON text of `value`. @throws TranscodeError when it has none. */
export function valueJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw valueError(value, error);
  }
  if (text === undefined) {
    throw new TranscodeError(
      TranscodeCode.InvalidValue,
      `cannot convert value: ${typeof value} is not JSON`,
      "$",
      0,
    );
  }
  return text;
}

/**
 * The limit error for a value that nests deeper than `MAX_DEPTH`, else undefined. `valueToBinary`
 * throws it in place of whatever converting its JSON text failed with, so that such a value is
 * refused alike whether or not this engine's `JSON.stringify` could write it (a union's look-ahead,
 * for one, can refuse the text as none of its variants before reaching the depth).
 */
export function deepValueError(value: unknown): TranscodeError | undefined {
  const deep = pathDeeperThan(value, MAX_DEPTH);
  if (deep === undefined) return undefined;
  return new TranscodeError(
    TranscodeCode.LimitExceeded,
    `cannot convert value: nested deeper than ${MAX_DEPTH}`,
    formatPath(deep),
    0,
  );
}

function valueError(value: unknown, error: unknown): TranscodeError {
  if (error instanceof RangeError) {
    const deep = deepValueError(value);
    if (deep !== undefined) return deep;
    return new TranscodeError(
      TranscodeCode.LimitExceeded,
      `cannot convert value: its JSON text is longer than a string can hold (${error.message})`,
      "$",
      0,
    );
  }
  if (error instanceof TypeError) {
    const reason = error.message.split("\n")[0];
    return new TranscodeError(TranscodeCode.InvalidValue, `cannot convert value: ${reason}`, "$", 0);
  }
  return new TranscodeError(TranscodeCode.InvalidValue, `cannot convert value: ${String(error)}`, "$", 0);
}

/**
 * The path to an object or array nested more than `limit` deep in `value`, if any. Iterative, since
 * the stack is what such a value exhausts; each container is visited once, so cycles end.
 */
function pathDeeperThan(value: unknown, limit: number): (string | number)[] | undefined {
  const seen = new Set<object>();
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    if (path.length >= limit) return path;
    seen.add(v);
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.entries(v as Record<string, unknown>);
    for (const [key, item] of entries) stack.push({ value: item, path: [...path, key] });
  }
  return undefined;
}
