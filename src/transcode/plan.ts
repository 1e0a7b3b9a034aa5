/**
 * Plans: for each `mcp.v1` message, how each JSON property maps to a field, precomputed once so the
 * hot loops only look things up. What a plan is and its look-ups are in `plan-types.ts`; how one is
 * compiled from the descriptors and their JSON options, in `plan-build.ts`.
 */
export { planFor } from "./plan-build.js";
export {
  type FieldPlan,
  fieldByKey,
  fieldByNumber,
  Kind,
  type MessageKind,
  type MessagePlan,
  methodAt,
  missingRequired,
  WIRE_I64,
  WIRE_LEN,
  WIRE_VARINT,
} from "./plan-types.js";
