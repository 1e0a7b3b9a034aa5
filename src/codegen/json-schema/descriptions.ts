import type {
  DescEnum,
  DescEnumValue,
  DescField,
  DescMessage,
  DescMethod,
  DescOneof,
  DescService,
} from "@bufbuild/protobuf";
import { getComments } from "@bufbuild/protoplugin";

/**
 * The leading comment of an element, cleaned for use as a description, or `undefined`.
 *
 * Descriptors embedded in generated protobuf-es code carry no source info, so this only finds
 * comments in descriptors compiled with source info (buf build, a protoc plugin request).
 */
export function commentOf(
  desc: DescMessage | DescField | DescEnum | DescEnumValue | DescService | DescMethod | DescOneof,
): string | undefined {
  const file =
    desc.kind === "field" || desc.kind === "oneof" || desc.kind === "enum_value" || desc.kind === "rpc"
      ? desc.parent.file
      : desc.file;
  if (file.proto.sourceCodeInfo === undefined) {
    return undefined;
  }
  const leading = getComments(desc).leading;
  if (leading === undefined) {
    return undefined;
  }
  // Comments keep the space after `//` on each line; drop it and blank edges.
  const text = leading
    .split("\n")
    .map((line) => (line.startsWith(" ") ? line.slice(1) : line).trimEnd())
    .join("\n")
    .trim();
  return text === "" ? undefined : text;
}

/** Joins description parts with a blank line, skipping missing ones. */
export function joinDescriptions(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== "");
  return present.length === 0 ? undefined : present.join("\n\n");
}

/**
 * Describes an enum's values with their comments, because a JSON Schema `enum` lists names only
 * and an LLM picks better with the meaning of each.
 */
export function enumValuesDescription(desc: DescEnum): string | undefined {
  const lines: string[] = [];
  for (const value of desc.values) {
    const comment = commentOf(value);
    if (comment !== undefined) {
      lines.push(`- ${value.name}: ${comment.replace(/\n/g, " ")}`);
    }
  }
  return lines.length === 0 ? undefined : lines.join("\n");
}
