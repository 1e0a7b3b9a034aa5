/** Writes the message, enum and service models as `.proto` files, one file per concern of MCP. */
import type { MethodEntry, OneofModel } from "./envelope.js";
import type { EnumModel, FieldModel, MessageModel, Revision } from "./model.js";
import { ADDITIONAL_PROPERTIES_FIELD } from "./build.js";
import { snake } from "./model.js";

type Message = MessageModel & { oneofs?: OneofModel[] };

/** First match wins: a definition's name decides its file. */
const FILES: [string, RegExp][] = [
  ["meta", /MetaObject$/],
  ["errors", /.Error$|^Error$/],
  ["jsonrpc", /^JSONRPC|^(Client|Server)(Request|Notification|Result)$/],
  ["input", /^Input/],
  ["tasks", /Task/],
  [
    "sampling",
    /CreateMessage|Sampling|ModelPreferences|ModelHint|ToolChoice|ToolUseContent|ToolResultContent/,
  ],
  ["elicitation", /Elicit|EnumSchema|StringSchema|NumberSchema|BooleanSchema|PrimitiveSchemaDefinition/],
  ["completion", /Complete|PromptReference|ResourceTemplateReference/],
  ["content", /Content|ContentBlock|^EmbeddedResource$|^ResourceLink$/],
  // Tool definitions stand apart from the tools/* methods: sampling needs them, and tools/call needs
  // input (which needs sampling) — one file would make an import cycle.
  ["tool", /^Tool(Annotations|Execution)?$/],
  ["tools", /Tool/],
  ["resources", /Resource|^Subscribe|^Unsubscribe/],
  ["prompts", /Prompt/],
  ["logging", /Logging|SetLevel/],
  ["roots", /Root/],
  ["subscriptions", /Subscription/],
  ["lifecycle", /Initialize|Capabilities|Ping|Discover|Cancelled|Progress(Notification)/],
  ["base", /./],
];

export function fileOf(name: string): string {
  return FILES.find(([, re]) => re.test(name))![0];
}

const REVISION_ENUM: Record<Revision, string> = {
  "2025-11-25": "REVISION_2025_11_25",
  "2026-07-28": "REVISION_2026_07_28",
};
const revisionList = (rs: Revision[]) => `[${rs.map((r) => REVISION_ENUM[r]).join(", ")}]`;

function comment(text: string | undefined, indent: string): string {
  if (text === undefined || text.trim() === "") return "";
  return `${text
    .trim()
    .split("\n")
    .map((l) => `${indent}//${l.trimEnd() === "" ? "" : ` ${l.trimEnd()}`}`)
    .join("\n")}\n`;
}

const defaultJsonName = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const quote = (s: string) => JSON.stringify(s);

function fieldOptions(f: FieldModel, extra: string[] = []): string {
  const json: string[] = [];
  if (f.base64TextOf !== undefined) json.push(`key: ${quote(f.base64TextOf)}`, "base64_text: true");
  if (f.raw) json.push("raw: true");
  if (f.rawValues) json.push("raw_values: true");
  if (f.constJson !== undefined) json.push(`constant: ${quote(f.constJson)}`);
  if (f.required.length > 0) json.push(`required: ${revisionList(f.required)}`);
  if (f.revisions !== undefined) json.push(`revisions: ${revisionList(f.revisions)}`);
  const options = [...extra];
  if (defaultJsonName(f.name) !== f.jsonName) options.push(`json_name = ${quote(f.jsonName)}`);
  if (json.length > 0) options.push(`(json) = {${json.join(", ")}}`);
  return options.length > 0 ? ` [${options.join(", ")}]` : "";
}

function fieldLine(f: FieldModel): string {
  if (f.type === "map") return `map<string, ${f.mapValue}> ${f.name} = ${f.number}${fieldOptions(f)};`;
  const isScalar = !f.type.startsWith(".");
  const label = f.repeated ? "repeated " : isScalar ? "optional " : "";
  return `${label}${f.type} ${f.name} = ${f.number}${fieldOptions(f)};`;
}

export function emitMessage(m: Message, indent: string, enums: Map<string, EnumModel>): string {
  const i2 = `${indent}  `;
  const options: string[] = [`revisions: ${revisionList(m.revisions)}`];
  if (m.kind === "raw") options.push("raw: true");
  if (m.kind === "scalar-union") options.push("scalar_union: true");
  if (m.kind === "union") options.push("union: true");
  let out = `${comment(m.description, indent)}${indent}message ${m.name} {\n`;
  out += `${i2}option (json_message) = {${options.join(", ")}};\n`;
  if (m.kind === "raw") out += `${i2}// The JSON value, as JSON text.\n${i2}string json = 1;\n`;
  if (m.kind === "scalar-union") {
    out += `${i2}oneof value {\n${i2}  string text = 1;\n${i2}  int64 number = 2;\n${i2}}\n`;
  }
  if (m.kind === "union") {
    out += `${i2}oneof value {\n`;
    for (const v of m.variants) out += `${i2}  .mcp.v1.${v.type} ${v.field} = ${v.number};\n`;
    out += `${i2}}\n`;
  }
  for (const f of m.fields) {
    const isEnum = enums.has(f.type.replace(".mcp.v1.", ""));
    const line =
      isEnum && !f.repeated ? `optional ${f.type} ${f.name} = ${f.number}${fieldOptions(f)};` : fieldLine(f);
    out += `${comment(f.description, i2)}${i2}${line}\n`;
  }
  for (const o of m.oneofs ?? []) {
    out += `${i2}// The \`${o.key}\` property, typed by the method of the message.\n${i2}oneof ${o.name} {\n`;
    for (const member of o.members) {
      const json = [`key: ${quote(o.key)}`];
      if (member.raw) json.push("raw: true");
      if (member.methods.length > 0) json.push(`methods: [${member.methods.map(quote).join(", ")}]`);
      out += `${i2}  ${member.type} ${member.field} = ${member.number} [(json) = {${json.join(", ")}}];\n`;
    }
    out += `${i2}}\n`;
  }
  if (m.kind === "object") {
    out += `${i2}// Properties the spec does not define here, each as JSON text, kept in the order they came.\n`;
    out += `${i2}map<string, string> additional_properties = ${ADDITIONAL_PROPERTIES_FIELD} [(json) = {additional: true}];\n`;
  }
  for (const n of m.nested) out += emitMessage(n, i2, enums);
  out += `${indent}}\n`;
  return out;
}

export function emitEnum(e: EnumModel): string {
  const prefix = snake(e.name).toUpperCase();
  let out = `${comment(e.description, "")}enum ${e.name} {\n  ${prefix}_UNSPECIFIED = 0;\n`;
  e.values.forEach((v, i) => {
    out += `  // JSON: "${v}"\n  ${prefix}_${snake(v).toUpperCase()} = ${i + 1};\n`;
  });
  return `${out}}\n`;
}

export function emitService(
  table: MethodEntry[],
  clientRequests: Set<string>,
  results: (n: string) => string,
): string {
  let out = `// McpService is MCP's client-to-server surface in binary form: one unary RPC per request of
// either revision (typed params in, the method's own result out), a server stream for
// subscriptions, and two streams that carry whole JSON-RPC messages for everything else
// (progress, logs, server-to-client requests, task and input-required results).
service McpService {\n`;
  for (const e of table) {
    if (e.kind !== "request" || !clientRequests.has(e.definition) || e.params === undefined) continue;
    const rpc = e.definition.replace(/Request$/, "");
    const streaming = e.method === "subscriptions/listen";
    out += `  // \`${e.method}\` (${e.revisions.join(", ")}).\n`;
    const output = streaming ? "stream .mcp.v1.JSONRPCNotification" : `.mcp.v1.${results(e.result!)}`;
    out += `  rpc ${rpc}(.mcp.v1.${e.params}) returns (${output});\n`;
  }
  out += `  // One request in, then every message the server sends about it: progress and log
  // notifications in order, server-to-client requests it cannot answer, and last its response.
  rpc Call(.mcp.v1.JSONRPCRequest) returns (stream .mcp.v1.JSONRPCMessage);
  // Any JSON-RPC message both ways: a whole MCP session over one bidirectional stream.
  rpc Exchange(stream .mcp.v1.JSONRPCMessage) returns (stream .mcp.v1.JSONRPCMessage);
}\n`;
  return out;
}
