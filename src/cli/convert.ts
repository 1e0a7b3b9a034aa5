/**
 * `protomcp convert`: MCP messages between JSON lines and size-delimited protobuf, for debugging
 * traffic. Wiring only: the conversion is the transcoder's.
 */
import { Buffer } from "node:buffer";
import { parseArgs } from "node:util";
import { fromBinary } from "@bufbuild/protobuf";
import { toTextFormat } from "./text-format.js";
import { defaultRevision, findMessage, type McpRevision, mcpRevisions } from "../schema/index.js";
import {
  binaryToJson,
  JsonRpcTranscoder,
  jsonToBinary,
  TranscodeCode,
  TranscodeError,
} from "../transcode/index.js";
import { MAX_DEPTH } from "../transcode/json-scanner.js";
import { readDelimited, readLines, writeDelimited } from "./streams.js";

/** The faces' message limit: the gateway's `readMaxBytes` and the MCP face's `maxMessageBytes`. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

const HELP = `usage: protomcp convert [--type <Definition>] --from json|binary --to binary|json|text [--mcp-version ${mcpRevisions.join("|")}]

Reads one JSON value per line (--from json) or size-delimited protobuf messages (--from binary) on
stdin, and writes size-delimited protobuf (--to binary), one JSON value per line (--to json) or
protobuf text format (--to text) on stdout. Without --type, each value is a whole JSON-RPC message.

options:
  --max-message-bytes N   refuse a line or message of more than N bytes (default ${DEFAULT_MAX_MESSAGE_BYTES},
                          as the gateway's and the MCP face's message limit)
  --max-depth N           refuse JSON nested deeper than N arrays and objects (default and most
                          ${MAX_DEPTH}, the transcoder's limit on every face)

Strings follow the faces' policy (docs/transcoding.md, "Strings"): input that is not UTF-8 is
refused; a lone surrogate escape ("\\ud800") is carried exactly where the value is JSON (arguments,
_meta, structuredContent) and refused where protobuf has a string.
`;

/** How deep `text` nests arrays and objects, or the offset where it first goes past `limit`. */
function nestedPast(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function positiveInteger(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^[1-9][0-9]*$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      type: { type: "string" },
      from: { type: "string", default: "json" },
      to: { type: "string", default: "binary" },
      "mcp-version": { type: "string", default: defaultRevision },
      "max-message-bytes": { type: "string" },
      "max-depth": { type: "string" },
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
  const maxBytes = positiveInteger(values["max-message-bytes"], DEFAULT_MAX_MESSAGE_BYTES);
  if (maxBytes === undefined) return usage("--max-message-bytes takes a positive integer");
  const maxDepth = positiveInteger(values["max-depth"], MAX_DEPTH);
  if (maxDepth === undefined || maxDepth > MAX_DEPTH)
    return usage(`--max-depth takes a positive integer of at most ${MAX_DEPTH} (the transcoder's limit)`);
  const checkDepth = (text: string) => {
    const at = maxDepth < MAX_DEPTH ? nestedPast(text, maxDepth) : undefined;
    if (at !== undefined)
      throw new TranscodeError(
        TranscodeCode.LimitExceeded,
        `cannot convert: nested deeper than the --max-depth limit of ${maxDepth}`,
        "$",
        at,
      );
  };
  const options = { revision };
  const stream = values.type === undefined ? new JsonRpcTranscoder(options) : undefined;
  const toBinary = (line: string) => stream?.toBinary(line) ?? jsonToBinary(type, line, options);
  const toJson = (bytes: Uint8Array) => stream?.toJson(bytes) ?? binaryToJson(type, bytes, options);
  let index = 0;
  let reading = true;
  try {
    const inputs =
      values.from === "json"
        ? readLines(process.stdin, maxBytes, (n) => {
            index = n;
          })
        : readDelimited(process.stdin, maxBytes);
    for await (const input of inputs) {
      reading = false;
      if (typeof input !== "string") index++;
      if (typeof input === "string" && input.trim() === "") continue;
      if (typeof input === "string") checkDepth(input);
      const bytes = typeof input === "string" ? toBinary(input) : input;
      // Binary in: the limits hold for the JSON it stands for, as a face that sends it on.
      const json = values.to === "json" || typeof input !== "string" ? toJson(bytes) : undefined;
      if (json !== undefined && typeof input !== "string") {
        if (json.byteLength > maxBytes)
          throw new TranscodeError(
            TranscodeCode.LimitExceeded,
            `cannot convert: its JSON is ${json.byteLength} bytes, over the --max-message-bytes limit of ${maxBytes}`,
            "$",
            0,
          );
        checkDepth(Buffer.from(json).toString("utf8"));
      }
      if (values.to === "binary") await writeDelimited(process.stdout, bytes);
      else if (values.to === "json") process.stdout.write(`${Buffer.from(json!).toString("utf8")}\n`);
      else process.stdout.write(`${toTextFormat(fromBinary(desc, bytes), desc)}\n`);
      reading = true;
    }
  } catch (error) {
    const where = values.from === "json" ? `line ${index}` : `message ${reading ? index + 1 : index}`;
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
