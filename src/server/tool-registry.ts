/**
 * The tools of a typed server: their MCP descriptions (schemas generated from the messages) and
 * calls, from JSON arguments to a typed message and from the handler's answer to a `CallToolResult`.
 *
 * @module
 */
import { type DescMessage, fromJson, type JsonValue as PbJsonValue, toJson } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { messageSchema } from "../codegen/json-schema/index.js";
import type { JsonRecord } from "./codec.js";
import type { HandlerContext, ToolDefinition, ToolResultJson } from "./types.js";

// Definitions are stored with their type parameters erased; `add` checks them at the call site.
type AnyTool = ToolDefinition<DescMessage, DescMessage>;

/** A set of tools by name, in the order they were added. */
export class ToolRegistry {
  private readonly tools = new Map<string, AnyTool>();

  get size(): number {
    return this.tools.size;
  }

  /** Adds or replaces a tool. */
  add<I extends DescMessage, O extends DescMessage>(tool: ToolDefinition<I, O>): void {
    this.tools.set(tool.name, tool as unknown as AnyTool);
  }

  /** Removes a tool; true if it was there. */
  remove(name: string): boolean {
    return this.tools.delete(name);
  }

  /** The `tools/list` result. */
  list(): JsonRecord {
    const tools: JsonRecord[] = [];
    for (const tool of this.tools.values()) {
      const entry: JsonRecord = { name: tool.name };
      if (tool.title !== undefined) entry.title = tool.title;
      if (tool.description !== undefined) entry.description = tool.description;
      entry.inputSchema =
        tool.inputSchema ?? (messageSchema(tool.input, { direction: "input" }) as JsonRecord);
      if (tool.outputSchema !== undefined) {
        entry.outputSchema = tool.outputSchema;
      } else if (tool.output !== undefined) {
        entry.outputSchema = messageSchema(tool.output, { direction: "output" }) as JsonRecord;
      }
      if (tool.annotations !== undefined) entry.annotations = tool.annotations;
      tools.push(entry);
    }
    return { tools };
  }

  /** Runs `tools/call`: unknown tools and arguments that do not fit the input message are errors. */
  async call(name: string, args: unknown, context: HandlerContext): Promise<JsonRecord> {
    const tool = this.tools.get(name);
    if (tool === undefined) {
      throw new ConnectError(`cannot call tool: unknown tool '${name}'`, Code.InvalidArgument);
    }
    let input: ReturnType<typeof fromJson<DescMessage>>;
    try {
      input = fromJson(tool.input, (args ?? {}) as PbJsonValue);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConnectError(
        `cannot call tool '${name}': invalid arguments: ${reason}`,
        Code.InvalidArgument,
      );
    }
    let answer: Awaited<ReturnType<AnyTool["handler"]>>;
    try {
      answer = await tool.handler(input, context);
    } catch (error) {
      if (error instanceof ConnectError) throw error;
      const text = error instanceof Error ? error.message : String(error);
      return { content: [{ type: "text", text }], isError: true };
    }
    return resultOf(tool, answer);
  }
}

function resultOf(tool: AnyTool, answer: Awaited<ReturnType<AnyTool["handler"]>>): JsonRecord {
  if (!("$typeName" in answer)) return toolResultJson(answer);
  if (tool.output === undefined || answer.$typeName !== tool.output.typeName) {
    throw new ConnectError(
      `tool '${tool.name}' returned a ${answer.$typeName} but declares no such output`,
      Code.Internal,
    );
  }
  const structured = toJson(tool.output, answer) as JsonRecord;
  return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
}

function toolResultJson(answer: ToolResultJson): JsonRecord {
  const result: JsonRecord = { content: answer.content };
  if (answer.structuredContent !== undefined) result.structuredContent = answer.structuredContent;
  if (answer.isError !== undefined) result.isError = answer.isError;
  return result;
}
