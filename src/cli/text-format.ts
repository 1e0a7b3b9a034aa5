/** Protobuf text format, for reading messages in a terminal (protobuf-es has no printer of its own). */
import { Buffer } from "node:buffer";
import { type DescField, type DescMessage, type Message, ScalarType, isFieldSet } from "@bufbuild/protobuf";

function scalar(value: unknown, field: DescField): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("latin1"));
  if (typeof value === "string") return JSON.stringify(value);
  if (field.fieldKind === "enum" || (field.fieldKind === "list" && field.listKind === "enum")) {
    return field.enum?.values.find((v) => v.number === value)?.name ?? String(value);
  }
  if (field.fieldKind === "scalar" && field.scalar === ScalarType.BOOL) return value ? "true" : "false";
  return String(value);
}

/** Prints `message` of type `desc` in protobuf text format. */
export function toTextFormat(message: Message, desc: DescMessage, indent = ""): string {
  const lines: string[] = [];
  const record = message as unknown as Record<string, unknown>;
  for (const field of desc.fields) {
    if (!isFieldSet(message, field)) continue;
    const value =
      field.oneof !== undefined
        ? (record[field.oneof.localName] as { value: unknown }).value
        : record[field.localName];
    const print = (v: unknown, d: DescMessage | undefined): string =>
      d !== undefined ? `{\n${toTextFormat(v as Message, d, `${indent}  `)}${indent}}` : scalar(v, field);
    if (field.fieldKind === "list") {
      for (const v of value as unknown[]) lines.push(`${indent}${field.name}: ${print(v, field.message)}`);
    } else if (field.fieldKind === "map") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const entry = field.mapKind === "message" ? print(v, field.message) : scalar(v, field);
        lines.push(
          `${indent}${field.name} {\n${indent}  key: ${JSON.stringify(k)}\n${indent}  value: ${entry}\n${indent}}`,
        );
      }
    } else {
      lines.push(
        `${indent}${field.name}: ${print(value, field.fieldKind === "message" ? field.message : undefined)}`,
      );
    }
  }
  return lines.map((l) => `${l}\n`).join("");
}
