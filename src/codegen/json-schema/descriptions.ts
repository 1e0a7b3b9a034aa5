import type {
  DescEnum,
  DescEnumValue,
  DescField,
  DescMessage,
  DescMethod,
  DescOneof,
  DescService,
} from "@bufbuild/protobuf";

/** Field numbers of the descriptor fields that a source location's path goes through. */
const PATH = {
  messageType: 4,
  enumType: 5,
  service: 6,
  field: 2,
  nestedType: 3,
  nestedEnum: 4,
  oneof: 8,
  value: 2,
  method: 2,
};

type Commented = DescMessage | DescField | DescEnum | DescEnumValue | DescService | DescMethod | DescOneof;

/**
 * The path of `desc` in its file's `source_code_info`. Computed here rather than with protoplugin's
 * `getComments`, whose package loads the TypeScript compiler (1.2 s, and 23 MB for every install).
 */
function sourcePath(desc: Commented): number[] {
  switch (desc.kind) {
    case "message":
      return desc.parent === undefined
        ? [PATH.messageType, desc.file.proto.messageType.indexOf(desc.proto)]
        : [...sourcePath(desc.parent), PATH.nestedType, desc.parent.proto.nestedType.indexOf(desc.proto)];
    case "enum":
      return desc.parent === undefined
        ? [PATH.enumType, desc.file.proto.enumType.indexOf(desc.proto)]
        : [...sourcePath(desc.parent), PATH.nestedEnum, desc.parent.proto.enumType.indexOf(desc.proto)];
    case "field":
      return [...sourcePath(desc.parent), PATH.field, desc.parent.proto.field.indexOf(desc.proto)];
    case "oneof":
      return [...sourcePath(desc.parent), PATH.oneof, desc.parent.proto.oneofDecl.indexOf(desc.proto)];
    case "enum_value":
      return [...sourcePath(desc.parent), PATH.value, desc.parent.proto.value.indexOf(desc.proto)];
    case "service":
      return [PATH.service, desc.file.proto.service.indexOf(desc.proto)];
    case "rpc":
      return [...sourcePath(desc.parent), PATH.method, desc.parent.proto.method.indexOf(desc.proto)];
  }
}

/**
 * The leading comment of an element, cleaned for use as a description, or `undefined`.
 *
 * Descriptors embedded in generated protobuf-es code carry no source info, so this only finds
 * comments in descriptors compiled with source info (buf build, a protoc plugin request).
 */
export function commentOf(desc: Commented): string | undefined {
  const file =
    desc.kind === "field" || desc.kind === "oneof" || desc.kind === "enum_value" || desc.kind === "rpc"
      ? desc.parent.file
      : desc.file;
  const locations = file.proto.sourceCodeInfo?.location;
  if (locations === undefined) {
    return undefined;
  }
  const path = sourcePath(desc);
  const leading = locations.find(
    (l) => l.path.length === path.length && l.path.every((n, i) => n === path[i]),
  )?.leadingComments;
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
