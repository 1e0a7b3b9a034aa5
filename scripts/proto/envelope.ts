/**
 * The JSON-RPC envelope, typed: a request's `params`, a notification's `params` and a response's
 * `result` become oneofs over the messages the spec gives each method, with a JSON-text fallback for
 * methods this schema does not know.
 */
import type { MessageModel, Revision, SchemaModel } from "./model.js";
import { refName, revisions, snake } from "./model.js";

export interface MethodEntry {
  method: string;
  definition: string;
  kind: "request" | "notification";
  params: string | undefined;
  result: string | undefined;
  revisions: Revision[];
}

export interface OneofModel {
  name: string;
  key: string;
  members: { field: string; type: string; number: number; methods: string[]; raw: boolean }[];
}

/** Every method of both revisions, from the request and notification definitions. */
export function methodTable(defs: SchemaModel["defs"], messages: Map<string, MessageModel>): MethodEntry[] {
  const entries = new Map<string, MethodEntry>();
  for (const [name, byRevision] of [...defs].sort(([a], [b]) => a.localeCompare(b))) {
    for (const revision of revisions) {
      const def = byRevision.get(revision);
      const method = def?.properties?.method?.const as string | undefined;
      if (def === undefined || method === undefined) continue;
      const kind = def.properties.id !== undefined ? "request" : "notification";
      const paramsSchema = def.properties.params;
      let params: string | undefined;
      if (paramsSchema?.$ref !== undefined) params = refName(paramsSchema.$ref);
      else if (paramsSchema !== undefined) params = `${name}.Params`;
      const resultName = name.replace(/Request$/, "Result");
      const result = kind === "request" ? (messages.has(resultName) ? resultName : "EmptyResult") : undefined;
      const existing = entries.get(method);
      if (existing !== undefined) {
        existing.revisions.push(revision);
        continue;
      }
      entries.set(method, { method, definition: name, kind, params, result, revisions: [revision] });
    }
  }
  return [...entries.values()];
}

function typedOneof(key: string, pairs: [string, string][], firstNumber: number): OneofModel {
  const byType = new Map<string, string[]>();
  for (const [type, method] of pairs) {
    const methods = byType.get(type) ?? [];
    if (method !== "") methods.push(method);
    byType.set(type, methods);
  }
  let number = firstNumber;
  const members = [...byType].map(([type, methods]) => ({
    field: snake(type.replace(".", "_")),
    type: `.mcp.v1.${type}`,
    number: number++,
    methods,
    raw: false,
  }));
  members.push({ field: `${key}_json`, type: "string", number: number++, methods: [], raw: true });
  return { name: key, key, members };
}

/** Replaces the untyped `params`/`result` of the envelope messages with typed oneofs. */
export function typeEnvelope(
  messages: Map<string, MessageModel & { oneofs?: OneofModel[] }>,
  table: MethodEntry[],
) {
  const retype = (name: string, key: string, pairs: [string, string][]) => {
    const message = messages.get(name)!;
    message.fields = message.fields.filter((f) => f.jsonName !== key);
    message.oneofs = [typedOneof(key, pairs, 16)];
  };
  const requests = table.filter((e) => e.kind === "request" && e.params !== undefined);
  const notifications = table.filter((e) => e.kind === "notification" && e.params !== undefined);
  retype(
    "JSONRPCRequest",
    "params",
    requests.map((e) => [e.params!, e.method]),
  );
  retype(
    "JSONRPCNotification",
    "params",
    notifications.map((e) => [e.params!, e.method]),
  );
  // Results a request may get instead of its own: 2026-07-28's input-required round trip and
  // 2025-11-25's task-augmented requests. They carry no methods; the transcoder picks them by shape.
  const alternates: [string, string][] = [
    ["InputRequiredResult", ""],
    ["CreateTaskResult", ""],
  ];
  retype("JSONRPCResultResponse", "result", [
    ...table.filter((e) => e.kind === "request").map((e): [string, string] => [e.result!, e.method]),
    ...alternates,
  ]);
}
