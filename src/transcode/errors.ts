/** The transcoder's one error class: what was wrong, where, and a code the edges map to their own. */

/** Why a value could not be transcoded. */
export enum TranscodeCode {
  /** The input is not JSON, or not UTF-8. */
  MalformedJson = "malformed_json",
  /** The input is not a protobuf message (truncated, bad wire type, bad varint). */
  MalformedBinary = "malformed_binary",
  /** Valid syntax, but not what the MCP schema allows here (a wrong type, a missing property). */
  InvalidValue = "invalid_value",
  /** No message of that name in the `mcp.v1` schema. */
  UnknownType = "unknown_type",
  /** The input exceeds a limit (nesting depth). */
  LimitExceeded = "limit_exceeded",
  /**
   * The JSON would hold one key twice in one object: a key repeated in the JSON input, a field
   * set twice on the wire, or an `additional_properties` entry named as a property the message
   * defines (a second key that a JSON parser downstream would take instead of the typed one). A
   * client's error, as `InvalidValue` is (`invalid_argument`, JSON-RPC -32602); never retried as
   * another union member.
   */
  DuplicateKey = "duplicate_key",
}

/** Raised by every transcoding function; `path` is a JSON path such as `$.params.arguments`. */
export class TranscodeError extends Error {
  override name = "TranscodeError";

  constructor(
    readonly code: TranscodeCode,
    readonly reason: string,
    readonly path: string,
    /** Byte offset into the input where the problem was found. */
    readonly offset: number,
  ) {
    super(`${reason} at ${path} (byte ${offset})`);
  }

  /** Narrows an unknown value to a TranscodeError. */
  static is(value: unknown): value is TranscodeError {
    return value instanceof TranscodeError;
  }
}

/** Formats a path stack (keys and array indexes) as a JSON path. */
export function formatPath(stack: readonly (string | number)[]): string {
  let out = "$";
  for (const part of stack) {
    out +=
      typeof part === "number"
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `.${part}`
          : `[${JSON.stringify(part)}]`;
  }
  return out;
}
