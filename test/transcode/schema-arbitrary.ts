/**
 * fast-check arbitraries for MCP definitions, made from the spec's JSON Schema: schema-valid values,
 * with keys in random order and, where the schema allows, properties it does not define. Base64
 * (`format: byte`) values are canonical or not (the schema's `format` only annotates): unpadded,
 * URL-safe, with white space, with non-zero trailing bits, or any string. `wide` goes further across
 * what the schema allows: any Unicode text, keys included (the empty key too), integers up to 2^53,
 * doubles of any magnitude.
 */
import fc from "fast-check";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped input
type Schema = Record<string, any>;

const text = fc.string({ unit: "grapheme", maxLength: 12 });
const json = fc.jsonValue({ maxDepth: 2 });

const bytes = fc.uint8Array({ maxLength: 48 }).map((b) => Buffer.from(b));

/** Canonical base64 half the time; else what servers also send, or any string. */
function base64(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: bytes.map((b) => b.toString("base64")) },
    bytes.map((b) => b.toString("base64").replace(/=+$/, "")),
    bytes.map((b) => b.toString("base64url")),
    bytes.map((b) => (b.toString("base64").match(/.{1,8}/g) ?? []).join("\n")),
    bytes.map((b) => `${b.toString("base64")} `),
    // Non-zero bits after the last byte.
    bytes
      .filter((b) => b.length % 3 !== 0)
      .map((b) => {
        const t = b.toString("base64").replace(/=+$/, "");
        const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(t.at(-1)!);
        return `${t.slice(0, -1)}${"BCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/A"[last]}${"=".repeat(4 - (t.length % 4))}`;
      }),
    fc.string({ maxLength: 12 }),
  );
}

/** Any Unicode text (no lone surrogates: the string policy decides those, elsewhere). */
const wideText = fc.string({ unit: "binary", maxLength: 12 }).filter((s) => s.isWellFormed());

function shuffled(value: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(value);
  return fc
    .shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length })
    .map((order) => Object.fromEntries(order.map((k) => [k, value[k]])));
}

export class SchemaArbitraries {
  constructor(
    private readonly defs: Record<string, Schema>,
    /** Add properties the schema does not define, where it allows them. */
    private readonly unknownProperties: boolean,
    /** Range over more of what the schema allows (see above). */
    private readonly wide = false,
  ) {}

  forDefinition(name: string): fc.Arbitrary<unknown> {
    return this.of(this.defs[name]!, 3);
  }

  private resolve(schema: Schema): Schema {
    return schema.$ref !== undefined ? this.resolve(this.defs[schema.$ref.replace("#/$defs/", "")]!) : schema;
  }

  private merged(schema: Schema): Schema {
    const s = this.resolve(schema);
    if (s.allOf === undefined) return s;
    const parts = (s.allOf as Schema[]).map((p) => this.merged(p));
    return {
      type: "object",
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }

  of(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const s = this.merged(schema);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum !== undefined) return fc.constantFrom(...(s.enum as unknown[]));
    if (s.anyOf !== undefined) {
      let members = s.anyOf as Schema[];
      // Deep down, prefer members that do not nest, so that recursive definitions (JSONValue) end.
      if (depth <= 0) {
        const flat = members.filter(
          (m) => !["object", "array"].includes(this.merged(m).type) && this.merged(m).anyOf === undefined,
        );
        if (flat.length > 0) members = flat;
      }
      return fc.oneof(...members.map((a) => this.of(a, depth - 1)));
    }
    if (Array.isArray(s.type)) {
      return fc.oneof(
        ...(s.type as string[]).map((t) =>
          t === "null" ? fc.constant(null) : this.of({ ...s, type: t }, depth),
        ),
      );
    }
    switch (s.type) {
      case "string":
        return s.format === "byte" ? base64() : this.wide ? wideText : text;
      case "integer":
        if (this.wide)
          return fc.oneof(
            fc.integer({ min: s.minimum ?? -(2 ** 31), max: s.maximum ?? 2 ** 31 }),
            fc.maxSafeInteger().filter((n) => n >= (s.minimum ?? -Infinity)),
          );
        return fc.integer({ min: s.minimum ?? -(2 ** 31), max: s.maximum ?? 2 ** 31 });
      case "number":
        return fc.double({
          min: s.minimum ?? (this.wide ? -Number.MAX_VALUE : -1e9),
          max: s.maximum ?? (this.wide ? Number.MAX_VALUE : 1e9),
          noNaN: true,
          noDefaultInfinity: true,
        });
      case "boolean":
        return fc.boolean();
      case "array":
        // Below the depth budget a list still holds up to one element (of only the required parts of
        // its type): an always-empty list hides what its members would be, such as the `anyOf` items
        // that tell a titled multi-select enum from an untitled one.
        if (depth > 0) return fc.array(this.of(s.items ?? {}, depth - 1), { maxLength: 2 });
        return depth > -3 ? fc.array(this.of(s.items ?? {}, depth - 1), { maxLength: 1 }) : fc.constant([]);
      case "object":
        return this.object(s, depth);
      default:
        return json;
    }
  }

  private object(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const required = new Set<string>((s.required ?? []) as string[]);
    const parts: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, p] of Object.entries(properties)) {
      if (!required.has(key) && depth <= 0) continue;
      parts[key] = this.of(p, depth - 1);
    }
    let base: fc.Arbitrary<Record<string, unknown>> = fc.record(parts, {
      requiredKeys: [...required].filter((k) => k in parts),
    });
    const additional = s.additionalProperties;
    const typed =
      additional !== undefined &&
      additional !== false &&
      additional !== true &&
      Object.keys(additional).length > 0;
    if (typed && depth > 0) {
      const values = fc.dictionary(
        fc.string({ minLength: 1, maxLength: 6 }),
        this.of(additional, depth - 1),
        { maxKeys: 2 },
      );
      base = fc.tuple(base, values).map(([b, v]) => ({ ...v, ...b }));
    } else if (typed) {
      // Deep down, a typed map stays empty.
    } else if (
      this.unknownProperties ||
      additional === true ||
      (additional !== undefined && Object.keys(additional).length === 0)
    ) {
      const extra = fc.dictionary(
        (this.wide ? wideText : fc.string({ minLength: 1, maxLength: 8 })).filter(
          (k) => !(k in properties) && k !== "__proto__",
        ),
        json,
        { maxKeys: 2 },
      );
      base = fc.tuple(base, extra).map(([b, e]) => ({ ...e, ...b }));
    }
    return base.chain(shuffled);
  }
}
