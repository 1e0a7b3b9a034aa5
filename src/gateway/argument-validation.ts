/**
 * `validateArguments`: `tools/call` arguments checked against the upstream tool's `inputSchema`
 * before they are forwarded, so a caller learns what is wrong without the upstream running anything.
 * Validators are compiled once per `tools/list` and dropped when the list changes or the upstream
 * restarts.
 *
 * @module
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { connectErrorFor } from "../binary/index.js";
import { ErrorCode, type JsonObject } from "../jsonrpc/index.js";
import type { Upstream } from "./upstream.js";

/** Pages of `tools/list` read at most, against an upstream whose cursors never end. */
const MAX_PAGES = 100;

// strict off: tool schemas use keywords as annotations; formats are annotations too (MCP does not
// require servers to enforce them); logger off: a stdio gateway's stdout may be protocol.
const settings = { allErrors: true, strict: false, validateFormats: false, logger: false } as const;

/** Checks `tools/call` arguments of one upstream. */
export class ArgumentValidation {
  private validators: Promise<Map<string, ValidateFunction>> | undefined;
  private listedAtStart = -1;

  constructor(private readonly upstream: Upstream) {
    upstream.onNotification((method) => {
      if (method === "notifications/tools/list_changed") this.validators = undefined;
    });
  }

  /**
   * Resolves when `params` (of `tools/call`) fit the tool's `inputSchema`; otherwise rejects with
   * `invalid_argument`, the MCP error -32602 in its details. Tools the upstream does not list are
   * left to the upstream to refuse.
   */
  async check(params: JsonObject | undefined, waitMs?: number): Promise<void> {
    const name = params?.name;
    if (typeof name !== "string") return;
    let validate = (await this.list(waitMs)).get(name);
    if (validate === undefined) {
      // Perhaps a tool added since the list was read, by a server that sends no list_changed.
      this.validators = undefined;
      validate = (await this.list(waitMs)).get(name);
      if (validate === undefined) return;
    }
    const args = params?.arguments ?? {};
    if (validate(args)) return;
    const problems = (validate.errors ?? []).map(describe);
    throw connectErrorFor({
      code: ErrorCode.InvalidParams,
      message: `invalid arguments for tool '${name}': ${problems.join("; ")}`,
      data: { tool: name, errors: (validate.errors ?? []) as unknown as JsonObject[] },
    });
  }

  private list(waitMs: number | undefined): Promise<Map<string, ValidateFunction>> {
    // A restarted upstream may list other tools.
    if (this.listedAtStart !== this.upstream.starts) this.validators = undefined;
    if (this.validators === undefined) {
      this.listedAtStart = this.upstream.starts;
      const loading = this.load(waitMs);
      this.validators = loading;
      loading.catch(() => {
        if (this.validators === loading) this.validators = undefined;
      });
    }
    return this.validators;
  }

  private async load(waitMs: number | undefined): Promise<Map<string, ValidateFunction>> {
    // Fresh instances per list: ajv keeps every schema it compiled for the life of the instance.
    const compilers = { draft7: new Ajv(settings), draft2020: new Ajv2020(settings) };
    const validators = new Map<string, ValidateFunction>();
    let cursor: unknown;
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = typeof cursor === "string" ? { cursor } : undefined;
      const result = await this.upstream.request("tools/list", params, {
        ...(waitMs === undefined ? {} : { waitMs }),
      });
      for (const tool of (result.tools ?? []) as JsonObject[]) {
        if (typeof tool.name !== "string") continue;
        const validate = compile(compilers, tool.inputSchema);
        if (validate !== undefined) validators.set(tool.name, validate);
      }
      cursor = result.nextCursor;
      if (typeof cursor !== "string" || cursor === "") break;
    }
    return validators;
  }
}

/** A validator for `schema`; none for a schema ajv cannot compile (the upstream decides then). */
function compile(
  compilers: { draft7: Ajv; draft2020: Ajv2020 },
  schema: unknown,
): ValidateFunction | undefined {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return undefined;
  const { $schema: declared, $id: _id, ...rest } = schema as JsonObject;
  // draft-07 where the schema says so (the SDK's zod output does); 2020-12, MCP's default, otherwise.
  const draft7 = typeof declared === "string" && /draft-0[67]/.test(declared);
  try {
    return (draft7 ? compilers.draft7 : compilers.draft2020).compile(rest);
  } catch {
    return undefined;
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === "" ? "arguments" : `arguments${error.instancePath.replace(/\//g, ".")}`;
  switch (error.keyword) {
    case "additionalProperties":
      return `${at}: unknown property "${String(error.params.additionalProperty)}"`;
    case "required":
      return `${at}: missing property "${String(error.params.missingProperty)}"`;
    case "enum":
      return `${at}: must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}
