/**
 * fast-check arbitraries for MCP definitions, made from the spec's JSON Schema: schema-valid values,
 * with keys in random order and, where the schema allows, properties it does not define.
 */
import fc from "fast-check";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped input
type Schema = Record<string, any>;

const text = fc.string({ unit: "grapheme", maxLength: 12 });
const json = fc.jsonValue({ maxDepth: 2 });

function base64(): fc.Arbitrary<string> {
  return fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString("base64"));
}

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
        return s.format === "byte" ? base64() : text;
      case "integer":
        return fc.integer({ min: s.minimum ?? -(2 ** 31), max: s.maximum ?? 2 ** 31 });
      case "number":
        return fc.double({
          min: s.minimum ?? -1e9,
          max: s.maximum ?? 1e9,
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
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in properties) && k !== "__proto__"),
        json,
        { maxKeys: 2 },
      );
      base = fc.tuple(base, extra).map(([b, e]) => ({ ...e, ...b }));
    }
    return base.chain(shuffled);
  }
}
