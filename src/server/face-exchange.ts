/**
 * The MCP face's side of `mcp.v1.McpService/Exchange`: sends one client request upstream on the
 * bidirectional stream, relays the upstream's notifications to the client, forwards the upstream's
 * own requests (`sampling/createMessage`, `elicitation/create`, `roots/list`) to the client and
 * their answers back, and returns the final result.
 *
 * @module
 */
import type { Client } from "@connectrpc/connect";
import type { JSONRPCMessage } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import type { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  ErrorCode,
  type JsonObject,
  JsonRpcError,
  type JsonRpcRequest,
  type RequestContext,
} from "../jsonrpc/index.js";
import { reportUnexpected } from "../observe/index.js";
import { AsyncQueue } from "./async-queue.js";
import type { JsonRecord, JsonValue } from "./codec.js";
import { MessageStreamCodec } from "./message-stream-codec.js";
import { convertParams } from "./params-conversion.js";

/**
 * Sends `request` on `Exchange` (with `headers` as metadata, if given) and resolves to its result;
 * errors are the upstream's.
 */
export async function exchanged(
  client: Client<typeof McpService>,
  request: JsonRpcRequest,
  context: RequestContext,
  headers?: Headers,
): Promise<JsonObject> {
  const codec = new MessageStreamCodec();
  const input = new AsyncQueue<JSONRPCMessage>();
  const reply = (json: JsonRecord): void => {
    let message: JSONRPCMessage;
    try {
      message = codec.encode({ jsonrpc: "2.0", ...json });
    } catch (error) {
      // The client's answer has no binary form (a lone surrogate in a protobuf string): the
      // upstream's request is answered with that error instead, and the call goes on.
      reportUnexpected("mcp.exchange.reply", error);
      message = codec.encode({
        jsonrpc: "2.0",
        id: json.id ?? null,
        error: {
          code: ErrorCode.InvalidParams,
          message: `cannot convert the client's answer: ${String(error instanceof Error ? error.message : error).toWellFormed()}`,
        },
      });
    }
    input.push(message);
  };
  input.push(
    convertParams(() =>
      codec.encode({
        jsonrpc: "2.0",
        id: context.requestId,
        method: request.method,
        params: (request.params ?? {}) as JsonRecord,
      }),
    ),
  );
  try {
    for await (const message of client.exchange(
      input,
      headers === undefined ? { signal: context.signal } : { signal: context.signal, headers },
    )) {
      let json: JsonRecord;
      try {
        json = codec.decode(message);
      } catch (error) {
        throw new JsonRpcError(
          ErrorCode.InternalError,
          `cannot convert the upstream's message: ${String(error instanceof Error ? error.message : error).toWellFormed()}`,
        );
      }
      const params = (json.params ?? undefined) as JsonObject | undefined;
      if (typeof json.method === "string" && json.id !== undefined) {
        const id = json.id;
        context
          .sendRequest(json.method, params)
          .then(
            (result) => reply({ id, result: result as JsonRecord }),
            (error: unknown) => reply({ id, error: wireError(error) }),
          )
          .catch((error: unknown) => reportUnexpected("mcp.exchange.reply", error));
      } else if (typeof json.method === "string") {
        await context.sendNotification(json.method, params);
      } else if (json.error !== undefined) {
        const error = json.error as JsonRecord;
        throw new JsonRpcError(Number(error.code), String(error.message), { data: error.data });
      } else {
        return (json.result ?? {}) as JsonObject;
      }
    }
  } finally {
    input.end();
  }
  throw new JsonRpcError(ErrorCode.InternalError, "upstream ended the exchange without a response");
}

/** A client's refusal, as the error object sent back upstream. */
function wireError(error: unknown): JsonValue {
  const object = JsonRpcError.from(error).toErrorObject();
  return { code: object.code, message: object.message.toWellFormed() };
}
