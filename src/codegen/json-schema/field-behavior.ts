import type { DescField } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";

/** The extension number of `google.api.field_behavior` on `google.protobuf.FieldOptions`. */
const FIELD_BEHAVIOR = 1052;
/** `google.api.FieldBehavior.REQUIRED`. */
const REQUIRED = 2;

/**
 * Whether a field is annotated `(google.api.field_behavior) = REQUIRED`.
 *
 * The option is read from the unknown fields of the field options, so that no copy of
 * `google/api/field_behavior.proto` has to be registered: a descriptor set parsed without the
 * extension keeps it there.
 */
export function isRequiredByFieldBehavior(field: DescField): boolean {
  const unknown = field.proto.options?.$unknown;
  if (unknown === undefined) {
    return false;
  }
  for (const u of unknown) {
    if (u.no !== FIELD_BEHAVIOR) {
      continue;
    }
    const reader = new BinaryReader(u.data);
    if (u.wireType === WireType.LengthDelimited) {
      // Packed repeated enum: a length prefix, then varints.
      const end = reader.uint32() + reader.pos;
      while (reader.pos < end) {
        if (reader.int32() === REQUIRED) {
          return true;
        }
      }
    } else if (u.wireType === WireType.Varint && reader.int32() === REQUIRED) {
      return true;
    }
  }
  return false;
}
