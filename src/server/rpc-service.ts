/**
 * `mcp.v1.McpService` over a {@link McpServer}: each unary RPC converts its params message to MCP's
 * JSON form, dispatches, and converts the result back; `Call` streams the request's notifications
 * (progress, logs) and then its response; `SubscriptionsListen` streams list changes and updates of subscribed resources.
 *
 * @module
 */
import { create, type Message } from "@bufbuild/protobuf";
import { Code, ConnectError, type ConnectRouter, type HandlerContext } from "@connectrpc/connect";
import {
  type JSONRPCMessage,
  JSONRPCErrorResponseSchema,
  JSONRPCMessageSchema,
  type JSONRPCNotification,
  JSONRPCNotificationSchema,
  type JSONRPCRequest,
  JSONRPCRequestSchema,
  JSONRPCResultResponseSchema,
} from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import type { SubscriptionsListenRequestParams } from "../../gen/es/mcp/v1/subscriptions_pb.js";
import { contained, reportUnexpected } from "../observe/index.js";
import { AsyncQueue } from "./async-queue.js";
import { serveExchange } from "./exchange.js";
import { type JsonRecord, messageFromValue, valueFromMessage } from "./codec.js";
import { mcpErrorOf } from "../binary/index.js";
import type { McpServer } from "./mcp-server.js";
import { typeNameOf, type UnaryMethod, unaryMethods } from "./methods.js";

/** The service implementation behind {@link McpServer.routes}. */
export class McpServiceImpl {
  constructor(private readonly server: McpServer) {}

  /** Registers every implemented RPC on `router`. */
  register(router: ConnectRouter): void {
    const impl: Record<string, unknown> = {};
    for (const method of unaryMethods.values()) {
      impl[method.rpc] = (input: Message, context: HandlerContext) => this.unary(method, input, context);
    }
    impl.call = (request: JSONRPCRequest, context: HandlerContext) => this.call(request, context);
    impl.exchange = (input: AsyncIterable<JSONRPCMessage>, context: HandlerContext) =>
      serveExchange(this.server, input, context);
    impl.subscriptionsListen = (input: SubscriptionsListenRequestParams, context: HandlerContext) =>
      this.listen(input, context);
    router.service(McpService, impl);
  }

  private async unary(method: UnaryMethod, input: Message, context: HandlerContext): Promise<Message> {
    const params = valueFromMessage(method.input, typeNameOf(method.input), input as never);
    const result = await this.server.dispatch(method.method, params, {
      signal: context.signal,
      headers: context.requestHeader,
    });
    return messageFromValue(method.output, typeNameOf(method.output), result);
  }

  private call(request: JSONRPCRequest, context: HandlerContext): AsyncIterable<JSONRPCMessage> {
    const json = valueFromMessage(JSONRPCRequestSchema, "JSONRPCRequest", request);
    const method = String(json.method);
    const params = (json.params ?? {}) as JsonRecord;
    const queue = new AsyncQueue<JSONRPCMessage>();
    const notify = async (name: string, p: JsonRecord): Promise<void> => {
      queue.push(notificationMessage(name, p));
    };
    this.server
      .dispatch(method, params, { signal: context.signal, headers: context.requestHeader, notify })
      .then(
        (result) => {
          queue.push(resultMessage(request, method, result));
          queue.end();
        },
        (error: unknown) => {
          const e = ConnectError.from(error);
          queue.push(
            wrap(
              "jsonrpcErrorResponse",
              messageFromValue(JSONRPCErrorResponseSchema, "JSONRPCErrorResponse", {
                jsonrpc: "2.0",
                id: json.id ?? null,
                error: mcpErrorOf(e),
              }),
            ),
          );
          queue.end();
        },
      )
      .catch((error: unknown) => {
        // The result (or error) has no binary form: the caller gets -32603 saying what and where.
        reportUnexpected("server.call.answer", error, undefined, { method });
        const message = `cannot convert the result of ${method}: ${String(error instanceof Error ? error.message : error)}`;
        try {
          queue.push(
            wrap(
              "jsonrpcErrorResponse",
              messageFromValue(JSONRPCErrorResponseSchema, "JSONRPCErrorResponse", {
                jsonrpc: "2.0",
                id: json.id ?? null,
                error: { code: -32603, message: message.toWellFormed() },
              }),
            ),
          );
          queue.end();
        } catch (again) {
          queue.fail(again);
        }
      });
    return queue;
  }

  /**
   * Streams list changes and resource updates. Without a filter (`notifications` unset) every list
   * change; with one (a 2026-07-28 `subscriptions/listen`) only the list kinds it asks for. Either
   * way, updates of the filter's `resourceSubscriptions` only.
   */
  private listen(
    input: SubscriptionsListenRequestParams,
    context: HandlerContext,
  ): AsyncIterable<JSONRPCNotification> {
    const queue = new AsyncQueue<JSONRPCNotification>();
    const filter = input.notifications;
    const wanted = (kind: string): boolean =>
      filter === undefined ||
      (kind === "tools" && filter.toolsListChanged === true) ||
      (kind === "resources" && filter.resourcesListChanged === true) ||
      (kind === "prompts" && filter.promptsListChanged === true);
    const stop = this.server.onListChanged((kind) => {
      if (!wanted(kind)) return;
      contained("server.listen.notification", () =>
        queue.push(
          messageFromValue(JSONRPCNotificationSchema, "JSONRPCNotification", {
            jsonrpc: "2.0",
            method: `notifications/${kind}/list_changed`,
          }),
        ),
      );
    });
    const stopUpdates = this.server.onResourceUpdated(filter?.resourceSubscriptions ?? [], (uri) => {
      // A URI the binary form cannot hold is one notification dropped (logged, counted).
      contained("server.listen.notification", () =>
        queue.push(
          messageFromValue(JSONRPCNotificationSchema, "JSONRPCNotification", {
            jsonrpc: "2.0",
            method: "notifications/resources/updated",
            params: { uri },
          }),
        ),
      );
    });
    context.signal.addEventListener("abort", () => {
      stop();
      stopUpdates();
      queue.end();
    });
    return queue;
  }
}

function notificationMessage(method: string, params: JsonRecord): JSONRPCMessage {
  const notification = messageFromValue(JSONRPCNotificationSchema, "JSONRPCNotification", {
    jsonrpc: "2.0",
    method,
    params,
  });
  return wrap("jsonrpcNotification", notification);
}

function resultMessage(request: JSONRPCRequest, method: string, result: JsonRecord): JSONRPCMessage {
  const mapped = unaryMethods.get(method);
  if (mapped === undefined) {
    throw new ConnectError(`no result type for ${method}`, Code.Internal);
  }
  const value = messageFromValue(mapped.output, typeNameOf(mapped.output), result);
  const response = create(JSONRPCResultResponseSchema, {
    jsonrpc: "2.0",
    result: { case: mapped.resultCase, value } as never,
  });
  if (request.id !== undefined) response.id = request.id;
  return wrap("jsonrpcResultResponse", response);
}

function wrap(
  kind: "jsonrpcNotification" | "jsonrpcResultResponse" | "jsonrpcErrorResponse",
  value: Message,
) {
  return create(JSONRPCMessageSchema, { value: { case: kind, value } as never });
}
