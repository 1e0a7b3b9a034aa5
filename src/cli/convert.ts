/**
 * `protomcp convert`: MCP messages between JSON lines and size-delimited protobuf, for debugging
 * traffic. Wiring only: the conversion is the transcoder's.
 */
import { Buffer } from "node:buffer";
import { parseArgs } from "node:util";
import { fromBinary } from "@bufbuild/protobuf";
import { toTextFormat } from "./text-format.js";
import { defaultRevision, findMessage, type McpRevision, mcpRevisions } from "../schema/index.js";
import { binaryToJson, JsonRpcTranscoder, jsonToBinary, TranscodeError } from "../transcode/index.js";
import { readDelimited, readLines, writeDelimited } from "./streams.js";

const HELP = `usage: protomcp convert [--type <Definition>] --from json|binary --to binary|json|text [--mcp-version ${mcpRevisions.join("|")}]

Reads one JSON value per line (--from json) or size-delimited protobuf messages (--from binary) on
stdin, and writes size-delimited protobuf (--to binary), one JSON value per line (--to json) or
protobuf text format (--to text) on stdout. Without --type, each value is a whole JSON-RPC message.
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      type: { type: "string" },
      from: { type: "string", default: "json" },
      to: { type: "string", default: "binary" },
      "mcp-version": { type: "string", default: defaultRevision },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const revision = values["mcp-version"] as McpRevision;
  if (!mcpRevisions.includes(revision)) return usage(`unknown --mcp-version '${revision}'`);
  const type = values.type ?? "JSONRPCMessage";
  const desc = findMessage(type);
  if (desc === undefined) return usage(`no MCP definition named '${type}'`);
  if (!["json", "binary"].includes(values.from!) || !["json", "binary", "text"].includes(values.to!)) {
    return usage("--from takes json or binary; --to takes binary, json or text");
  }
  const options = { revision };
  const stream = values.type === undefined ? new JsonRpcTranscoder(options) : undefined;
  const toBinary = (line: string) => stream?.toBinary(line) ?? jsonToBinary(type, line, options);
  const toJson = (bytes: Uint8Array) => stream?.toJson(bytes) ?? binaryToJson(type, bytes, options);
  let index = 0;
  try {
    const inputs = values.from === "json" ? readLines(process.stdin) : readDelimited(process.stdin);
    for await (const input of inputs) {
      index++;
      if (typeof input === "string" && input.trim() === "") continue;
      const bytes = typeof input === "string" ? toBinary(input) : input;
      if (values.to === "binary") await writeDelimited(process.stdout, bytes);
      else if (values.to === "json")
        process.stdout.write(
          `${Buffer.from(typeof input === "string" ? toJson(bytes) : toJson(input)).toString("utf8")}\n`,
        );
      else {
        if (typeof input !== "string") toJson(input);
        process.stdout.write(`${toTextFormat(fromBinary(desc, bytes), desc)}\n`);
      }
    }
  } catch (error) {
    const where = values.from === "json" ? `line ${index}` : `message ${index}`;
    if (error instanceof TranscodeError) {
      process.stderr.write(`protomcp convert: ${where}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return 0;
}

function usage(problem: string): number {
  process.stderr.write(`protomcp convert: ${problem}\n\n${HELP}`);
  return 2;
}
