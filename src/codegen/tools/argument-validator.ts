import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { JsonSchema } from "../json-schema/json-schema.js";

/**
 * The Timestamp form `fromJson` accepts (protobuf-es `wkt/timestamp`): UTC with `Z`, or an offset
 * without fractional seconds. ajv ships no formats, and the broader RFC 3339 form would let through
 * values the service then rejects.
 */
const DATE_TIME =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|\.[0-9]{3,9}Z|[+-][0-9]{2}:[0-9]{2})$/;

/** protovalidate's `string.email`, loosely: one `@`, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** protovalidate's `string.uuid`: RFC 4122 text form, either case. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The outcome of validating tool arguments. */
export type ValidationResult = { ok: true } | { ok: false; problems: string[] };

/**
 * Validates tool arguments against input schemas with ajv, compiling each schema once.
 *
 * Types are coerced where the meaning is plain (`5` for a 64-bit integer field becomes `"5"`),
 * because LLMs often write numbers where the JSON mapping wants strings, and the service accepts
 * both. Validation mutates the arguments accordingly.
 */
export class ArgumentValidator {
  // strict off: LLM-facing schemas use keywords as annotations; logger off: stdout may be protocol.
  private readonly ajv = new Ajv2020({
    allErrors: true,
    coerceTypes: true,
    strict: false,
    logger: false,
    formats: { "date-time": DATE_TIME, email: EMAIL, uuid: UUID },
  });
  private readonly compiled = new WeakMap<JsonSchema, ValidateFunction>();

  /** Validates `args` against `schema` and lists readable problems, one per error. */
  validate(schema: JsonSchema, args: unknown): ValidationResult {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    if (validate(args)) {
      return { ok: true };
    }
    return { ok: false, problems: (validate.errors ?? []).map(describe) };
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === "" ? "arguments" : error.instancePath.slice(1).replace(/\//g, ".");
  switch (error.keyword) {
    case "additionalProperties":
      return `${at}: unknown property "${String(error.params.additionalProperty)}"`;
    case "enum":
      return `${at}: must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "required":
      return `${at}: missing property "${String(error.params.missingProperty)}"`;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}
