import * as assert from "node:assert/strict";
import { create, type DescFile } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema } from "@bufbuild/protobuf/wkt";
import { protocGenMcp } from "../../src/codegen/plugin/protoc-gen-mcp.js";
import { inventoryRegistry } from "./fixtures.js";

/** Runs protoc-gen-mcp in process on the inventory protos, as buf would with these `opt:` entries. */
async function generate(options: string[]): Promise<Map<string, string>> {
  const registry = await inventoryRegistry();
  const target = registry.getFile("inventory/v1/inventory.proto")!;
  const ordered: DescFile[] = [];
  const visit = (file: DescFile): void => {
    if (ordered.includes(file)) return;
    file.dependencies.forEach(visit);
    ordered.push(file);
  };
  visit(target);
  const response = protocGenMcp.run(
    create(CodeGeneratorRequestSchema, {
      fileToGenerate: [target.proto.name],
      parameter: ["target=ts", "import_extension=js", ...options].join(","),
      protoFile: ordered.map((file) => file.proto),
    }),
  );
  assert.equal(response.error ?? "", "");
  return new Map(response.file.map((file) => [file.name, file.content]));
}

describe("protoc-gen-mcp options", () => {
  it("generates every unary and server-streaming method by default", async () => {
    const content = (await generate([])).get("inventory/v1/inventory_mcp.ts") ?? "";
    assert.equal(content.match(/"method": /g)?.length, 6);
  });

  it("selects methods, prefixes names and limits their length", async () => {
    const files = await generate([
      "method=GetItem",
      "method=InventoryService.WatchStock",
      "tool_prefix=shop_",
      "tool_name_max_length=30",
    ]);
    const content = files.get("inventory/v1/inventory_mcp.ts") ?? "";
    const names = [...content.matchAll(/"name": "([^"]+)"/g)].map((m) => m[1]);
    // shop_InventoryService_WatchStock has 32 characters: the shorter naming takes over.
    assert.deepEqual(names, ["shop_InventoryService_GetItem", "shop_WatchStock"]);
  });

  it("generates no file when no service is selected", async () => {
    assert.equal((await generate(["service=other.v1.OtherService"])).size, 0);
    assert.equal((await generate(["service=inventory.v1.InventoryService"])).size, 1);
  });

  it("refuses an unknown option", async () => {
    await assert.rejects(generate(["colour=red"]), /cannot use option colour/);
  });
});
