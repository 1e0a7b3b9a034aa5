/** Shared fixtures of the codegen tests: compiled protos and the example server. */
import { fileURLToPath } from "node:url";
import type { FileRegistry } from "@bufbuild/protobuf";
import { buildProtos } from "../../src/codegen/descriptors/build-protos.js";

/** The repository root. */
export const root = fileURLToPath(new URL("../../", import.meta.url));
/** The example service's folder. */
export const inventoryDir = fileURLToPath(new URL("../../examples/inventory/", import.meta.url));

let inventory: Promise<FileRegistry> | undefined;
let kitchen: Promise<FileRegistry> | undefined;

/** The inventory protos compiled with buf, comments included; built once per run. */
export function inventoryRegistry(): Promise<FileRegistry> {
  inventory ??= buildProtos([`${inventoryDir}proto`]);
  return inventory;
}

/** The kitchen-sink fixture protos, built once per run. */
export function kitchenRegistry(): Promise<FileRegistry> {
  kitchen ??= buildProtos([fileURLToPath(new URL("fixtures", import.meta.url))]);
  return kitchen;
}
