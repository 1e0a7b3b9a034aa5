import * as assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import type { DescMessage, DescService } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { messageSchema, toolName } from "../../src/codegen/json-schema/index.js";
import { isRequiredByFieldBehavior } from "../../src/codegen/json-schema/field-behavior.js";
import { ArgumentValidator } from "../../src/codegen/tools/argument-validator.js";
import { toolDefinition } from "../../src/codegen/tools/tool-definition.js";
import { inventoryRegistry, kitchenRegistry } from "./fixtures.js";

/** Set UPDATE_GOLDEN=1 to rewrite the golden files from the current generator. */
const update = process.env.UPDATE_GOLDEN === "1";

describe("codegen/json-schema", () => {
  describe("golden: inventory.v1.InventoryService", () => {
    it("matches the committed tool definitions", async () => {
      const service = (await inventoryRegistry()).getService("inventory.v1.InventoryService")!;
      const actual = `${JSON.stringify(
        service.methods.map((m) => toolDefinition(m)),
        null,
        2,
      )}\n`;
      const path = new URL("golden/inventory.v1.InventoryService.json", import.meta.url);
      if (update) {
        writeFileSync(path, actual);
      }
      assert.equal(
        actual,
        readFileSync(path, "utf8"),
        "golden differs: run with UPDATE_GOLDEN=1 and review the diff",
      );
    });
  });

  describe("validation of sample arguments", () => {
    const validator = new ArgumentValidator();
    let service: DescService;
    before(async () => {
      service = (await inventoryRegistry()).getService("inventory.v1.InventoryService")!;
    });
    const input = (method: string) => toolDefinition(service.method[method]!).inputSchema;

    const valid: [string, unknown][] = [
      ["getItem", { sku: "HAM-001" }],
      ["getItem", {}],
      ["listItems", { category: "CATEGORY_BOOKS", tags: ["a"], minQuantity: "3", pageSize: 10 }],
      ["listItems", { minQuantity: null }],
      ["adjustStock", { sku: "X", delta: "-5", shelfCounts: { "3": "10" } }],
      ["adjustStock", { sku: "X", setTo: 7 }], // a number for an int64 is coerced to a string
      [
        "createItem",
        {
          item: {
            sku: "N-1",
            price: { currencyCode: "EUR", units: "1", nanos: 5 },
            attributes: { color: "red" },
            updateTime: "2024-01-31T12:00:00Z",
            location: { warehouse: "W", aisle: 1, shelf: 2 },
            components: [{ sku: "C-1", components: [{ sku: "deep", anything: true }] }],
            thumbnail: "aGVsbG8=",
          },
        },
      ],
      ["updateItem", { item: { sku: "X", name: "n" }, updateMask: "name,price.units" }],
      ["watchStock", { skus: ["A"], interval: "1.5s" }],
    ];
    const invalid: [string, unknown, RegExp][] = [
      ["getItem", { sku: "A", skew: 1 }, /unknown property "skew"/],
      ["listItems", { category: "BOOKS" }, /category: must be one of "CATEGORY_UNSPECIFIED"/],
      ["listItems", { pageSize: 3_000_000_000 }, /pageSize: must be <= 2147483647/],
      ["adjustStock", { delta: "five" }, /delta: must match pattern/],
      ["adjustStock", { shelfCounts: { top: "1" } }, /shelfCounts: must match pattern/],
      ["createItem", { item: { updateTime: "yesterday" } }, /item.updateTime: must match format "date-time"/],
      ["createItem", { item: { thumbnail: "not base64!" } }, /item.thumbnail: must match pattern/],
      ["watchStock", { interval: "5 minutes" }, /interval: must match pattern/],
      ["createItem", { item: { price: { units: "1", cents: 3 } } }, /item.price: unknown property "cents"/],
    ];
    for (const [method, args] of valid) {
      it(`accepts ${method} ${JSON.stringify(args)}`, () => {
        assert.deepEqual(validator.validate(input(method), structuredClone(args)), { ok: true });
      });
    }
    for (const [method, args, problem] of invalid) {
      it(`rejects ${method} ${JSON.stringify(args)}`, () => {
        const result = validator.validate(input(method), structuredClone(args));
        assert.equal(result.ok, false);
        assert.match(result.ok ? "" : result.problems.join("\n"), problem);
      });
    }
  });

  describe("kitchen sink", () => {
    let sink: DescMessage;
    before(async () => {
      sink = (await kitchenRegistry()).getMessage("kitchen.v1.Sink")!;
    });
    const prop = (name: string, direction: "input" | "output" = "input") =>
      messageSchema(sink, { direction }).properties?.[name];

    it("maps scalars per the proto3 JSON mapping", () => {
      assert.equal(prop("i32")?.type, "integer");
      assert.equal(prop("u32")?.minimum, 0);
      assert.deepEqual([prop("i64")?.type, prop("i64")?.pattern], ["string", "^-?[0-9]+$"]);
      assert.deepEqual([prop("u64")?.type, prop("u64")?.pattern], ["string", "^[0-9]+$"]);
      assert.equal(prop("dbl")?.type, "number");
      assert.ok(prop("dbl", "output")?.anyOf?.some((s) => s.enum?.includes("NaN")));
      assert.equal(prop("blob")?.contentEncoding, "base64");
      assert.equal(prop("maybe")?.type, "string");
    });
    it("maps well-known types to their JSON forms", () => {
      assert.equal(prop("ts")?.format, "date-time");
      assert.match(String(prop("dur")?.pattern), /s\$$/);
      assert.equal(prop("mask")?.type, "string");
      assert.deepEqual([prop("obj")?.type, prop("obj")?.additionalProperties], ["object", true]);
      assert.equal(prop("val")?.type, undefined);
      assert.equal(prop("list")?.type, "array");
      assert.deepEqual(prop("any")?.required, ["@type"]);
      assert.deepEqual(prop("empty")?.properties, {});
      assert.deepEqual(prop("wrappedBool")?.type, ["boolean", "null"]);
      assert.equal(prop("nothing")?.type, "null");
    });
    it("maps map keys to property name patterns", () => {
      assert.deepEqual(prop("byBool")?.propertyNames, { enum: ["true", "false"] });
      assert.deepEqual(prop("byId")?.propertyNames, { pattern: "^-?[0-9]+$" });
    });
    it("bounds recursion with a permissive object", () => {
      const child = prop("child");
      assert.equal(child?.description, "A tree of sinks.");
      const grandchild = child?.properties?.child;
      assert.equal(grandchild?.type, "object");
      assert.equal(grandchild?.properties, undefined);
      assert.match(String(grandchild?.description), /not expanded/);
    });
    it("uses no composition keyword or $ref anywhere in input schemas (LLM providers reject them)", async () => {
      const service = (await inventoryRegistry()).getService("inventory.v1.InventoryService")!;
      const schemas = [messageSchema(sink), ...service.methods.map((m) => toolDefinition(m).inputSchema)];
      const found: string[] = [];
      const walk = (value: unknown, at: string): void => {
        if (value === null || typeof value !== "object") return;
        for (const [key, child] of Object.entries(value)) {
          if (["anyOf", "oneOf", "allOf", "not", "$ref", "$defs"].includes(key)) found.push(`${at}/${key}`);
          walk(child, `${at}/${key}`);
        }
      };
      for (const [i, schema] of schemas.entries()) walk(schema, String(i));
      assert.deepEqual(found, []);
    });
    it("keeps oneof members flat with a note, and no anyOf at the top", () => {
      const schema = messageSchema(sink);
      assert.equal(schema.anyOf, undefined);
      assert.match(String(prop("a")?.description), /set at most one of a, b/);
    });
    it("marks deprecated fields and forbids unknown properties", () => {
      assert.equal(prop("old")?.deprecated, true);
      assert.equal(messageSchema(sink).additionalProperties, false);
    });
    it("requires proto2 required fields in input schemas only", async () => {
      const legacy = (await kitchenRegistry()).getMessage("kitchen.v1.Legacy")!;
      assert.deepEqual(messageSchema(legacy).required, ["id"]);
      assert.equal(messageSchema(legacy, { direction: "output" }).required, undefined);
    });
    it("wraps non-object requests and responses, and skips client streaming", async () => {
      const service = (await kitchenRegistry()).getService("kitchen.v1.KitchenService")!;
      const text = toolDefinition(service.method.text!);
      assert.deepEqual(text.inputSchema.required, ["value"]);
      assert.equal(text.outputSchema.properties?.value?.format, "date-time");
      assert.throws(() => toolDefinition(service.method.upload!), /client-streaming/);
    });
  });

  describe("protovalidate rules (buf.validate.field)", () => {
    const validator = new ArgumentValidator();
    let order: DescMessage;
    before(async () => {
      order = (await kitchenRegistry()).getMessage("kitchen.v1.Order")!;
    });
    const valid = {
      reference: "ORD-1",
      email: "a@b.example",
      sku: "SKU-9",
      quantity: 3,
      discount: 0.5,
      totalCents: "100",
      size: "SIZE_SMALL",
      tags: ["red", "big"],
      extras: { gift: 1 },
      rating: 2,
    };

    it("turns rules into keywords of the input schema, and bounds of 64-bit integers into words", () => {
      const schema = messageSchema(order);
      const p = schema.properties!;
      assert.deepEqual(schema.required, ["reference"]);
      assert.deepEqual(
        [p.reference?.minLength, p.reference?.maxLength, p.reference?.pattern],
        [3, 12, "^[A-Z0-9-]+$"],
      );
      assert.deepEqual([p.quantity?.exclusiveMinimum, p.quantity?.maximum], [0, 100]);
      assert.deepEqual([p.discount?.minimum, p.discount?.exclusiveMaximum], [0, 1]);
      assert.match(String(p.totalCents?.description), /Must be at least 1 and at most 1000000\./);
      assert.deepEqual(p.size?.enum, ["SIZE_SMALL", "SIZE_LARGE"]);
      assert.deepEqual(
        [p.tags?.minItems, p.tags?.maxItems, p.tags?.uniqueItems, p.tags?.items?.minLength],
        [1, 3, true, 2],
      );
      assert.equal(p.extras?.maxProperties, 2);
      assert.deepEqual(p.rating?.enum, [1, 2, 3]);
    });

    it("leaves output schemas alone: rules say what the service accepts", () => {
      const schema = messageSchema(order, { direction: "output" });
      assert.equal(schema.required, undefined);
      assert.equal(schema.properties?.reference?.minLength, undefined);
    });

    it("accepts arguments within the rules", () => {
      const result = validator.validate(messageSchema(order), structuredClone(valid));
      assert.deepEqual(result, { ok: true });
    });

    const broken: [string, Record<string, unknown>, RegExp][] = [
      ["a missing required field", { reference: undefined }, /missing property "reference"/],
      ["a short string", { reference: "AB" }, /reference: must NOT have fewer than 3 characters/],
      ["a string off its pattern", { reference: "ord-1" }, /reference: must match pattern/],
      ["a bad email", { email: "nobody" }, /email: must match format "email"/],
      ["a missing prefix", { sku: "X-9" }, /sku: must match pattern/],
      ["a number at an exclusive bound", { quantity: 0 }, /quantity: must be > 0/],
      ["a number past an inclusive bound", { quantity: 101 }, /quantity: must be <= 100/],
      ["a double at an exclusive bound", { discount: 1 }, /discount: must be < 1/],
      ["an excluded enum value", { size: "SIZE_UNSPECIFIED" }, /size: must be one of/],
      ["too many items", { tags: ["aa", "bb", "cc", "dd"] }, /tags: must NOT have more than 3 items/],
      ["repeated items", { tags: ["aa", "aa"] }, /tags: must NOT have duplicate items/],
      ["a short item", { tags: ["a"] }, /tags\.0: must NOT have fewer than 2 characters/],
      [
        "too many map entries",
        { extras: { a: 1, b: 2, c: 3 } },
        /extras: must NOT have more than 2 properties/,
      ],
      ["a value not in the list", { rating: 5 }, /rating: must be one of 1, 2, 3/],
    ];
    for (const [what, change, problem] of broken) {
      it(`rejects ${what}`, () => {
        const args: Record<string, unknown> = { ...structuredClone(valid), ...change };
        for (const key of Object.keys(change)) if (change[key] === undefined) delete args[key];
        const result = validator.validate(messageSchema(order), args);
        assert.equal(result.ok, false);
        assert.match((result as { problems: string[] }).problems.join("\n"), problem);
      });
    }
  });

  describe("field behavior", () => {
    it("reads (google.api.field_behavior) = REQUIRED from unknown options", async () => {
      const legacy = (await kitchenRegistry()).getMessage("kitchen.v1.Legacy")!;
      const field = legacy.field.count!;
      assert.equal(isRequiredByFieldBehavior(field), false);
      const packed = new BinaryWriter().fork().int32(1).int32(2).join().finish();
      const options = { $unknown: [{ no: 1052, wireType: WireType.LengthDelimited, data: packed }] };
      const annotated = { ...field, proto: { ...field.proto, options } } as unknown as typeof field;
      assert.equal(isRequiredByFieldBehavior(annotated), true);
    });
  });

  describe("tool names", () => {
    it("qualifies, shortens and sanitizes", async () => {
      const service = (await inventoryRegistry()).getService("inventory.v1.InventoryService")!;
      const method = service.method.getItem!;
      assert.equal(toolName(method), "inventory_v1_InventoryService_GetItem");
      assert.equal(toolName(method, { naming: "service", prefix: "shop:" }), "shop_InventoryService_GetItem");
      assert.equal(toolName(method, { maxLength: 30 }), "InventoryService_GetItem");
      const cut = toolName(method, { maxLength: 5, prefix: "averyveryverylongprefix" });
      assert.equal(cut.length, 5);
      assert.match(cut, /^[A-Za-z0-9_.-]+$/);
    });
  });
});
