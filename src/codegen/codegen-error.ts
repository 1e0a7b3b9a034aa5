/**
 * The one error class of the codegen layer. Wire errors of a called service are not
 * `CodegenError`s: they stay `ConnectError`s and become tool results with `isError: true`.
 */
export type CodegenErrorCode =
  /** A descriptor cannot be expressed as a tool (e.g. client streaming). */
  | "unsupported"
  /** A service, method or tool named by the user does not exist. */
  | "not_found"
  /** Protobuf sources cannot be compiled or loaded. */
  | "compile"
  /** Options or arguments given by the user are wrong. */
  | "invalid_argument"
  /** The reflection service of a target failed. */
  | "reflection";

/** An error raised while building schemas or tools, or while loading descriptors. */
export class CodegenError extends Error {
  override name = "CodegenError";

  constructor(
    readonly code: CodegenErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Wraps any thrown value, keeping a `CodegenError` as it is. */
  static from(reason: unknown, code: CodegenErrorCode = "invalid_argument"): CodegenError {
    if (reason instanceof CodegenError) {
      return reason;
    }
    const message = reason instanceof Error ? reason.message : String(reason);
    return new CodegenError(code, message, { cause: reason });
  }
}
