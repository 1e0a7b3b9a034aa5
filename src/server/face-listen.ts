/**
 * `subscriptions/listen` (MCP 2026-07-28) on the MCP face: one listen request opens the upstream's
 * `SubscriptionsListen` stream with the request's filter, acknowledges it
 * (`notifications/subscriptions/acknowledged`) and relays the list changes and resource updates the
 * filter asks for, each tagged with the subscription id (the listen request's id), until the client
 * cancels (answered with nothing) or the upstream ends the stream (answered with the empty result
 * that says the subscription ended gracefully).
 *
 * @module
 */
import { Code, type Client, ConnectError } from "@connectrpc/connect";
import { type JSONRPCNotification, JSONRPCNotificationSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { SubscriptionsListenRequestParamsSchema } from "../../gen/es/mcp/v1/subscriptions_pb.js";
import {
  ErrorCode,
  type JsonObject,
  JsonRpcError,
  type JsonRpcRequest,
  type RequestContext,
} from "../jsonrpc/index.js";
import { reportUnexpected } from "../observe/index.js";
import { type JsonRecord, messageFromValue, valueFromMessage } from "./codec.js";
import { jsonRpcErrorFrom } from "./error-codes.js";
import { typeNameOf } from "./methods.js";
import { convertParams } from "./params-conversion.js";

/** The `_meta` key naming the subscription a notification or listen result belongs to. */
export const SUBSCRIPTION_ID_KEY = "io.modelcontextprotocol/subscriptionId";

/** A 2026-07-28 `SubscriptionFilter`. */
interface Filter {
  toolsListChanged?: boolean;
  resourcesListChanged?: boolean;
  promptsListChanged?: boolean;
  resourceSubscriptions?: string[];
}

/**
 * Serves one `subscriptions/listen` request against `client`'s `SubscriptionsListen`.
 * `headers` are the upstream call's (forwarded headers, trace context); `hidden` drops a
 * notification the caller may not see.
 *
 * The honored filter is what was asked for, less what the upstream's `Discover` capabilities say
 * it cannot send (no `listChanged` for a kind, no resource `subscribe`); when `Discover` fails,
 * everything asked for. Changes in the instant between the acknowledgement and the upstream
 * registering the stream may be missed (the binary stream has no acknowledgement of its own).
 */
export async function serveListen(
  client: Client<typeof McpService>,
  request: JsonRpcRequest,
  context: RequestContext,
  headers?: Headers,
  hidden: (notification: JSONRPCNotification) => boolean = () => false,
): Promise<JsonObject> {
  const params = (request.params ?? {}) as JsonObject;
  const asked = params.notifications;
  if (asked === null || typeof asked !== "object" || Array.isArray(asked)) {
    throw new JsonRpcError(
      ErrorCode.InvalidParams,
      "cannot listen: params.notifications (the SubscriptionFilter) is missing",
    );
  }
  const honored = await honoredFilter(client, asked as Filter, params, context, headers);
  const id = context.requestId;
  const input = convertParams(() =>
    messageFromValue(SubscriptionsListenRequestParamsSchema, "SubscriptionsListenRequestParams", {
      ...params,
      notifications: honored,
    }),
  );
  const stream = client.subscriptionsListen(input, {
    signal: context.signal,
    ...(headers === undefined ? {} : { headers }),
  });
  const iterator = stream[Symbol.asyncIterator]();
  // The first `next()` sends the RPC; the acknowledgement follows it.
  let next = iterator.next();
  await context.sendNotification("notifications/subscriptions/acknowledged", {
    _meta: { [SUBSCRIPTION_ID_KEY]: id },
    notifications: honored as JsonObject,
  });
  const uris = new Set(honored.resourceSubscriptions ?? []);
  const kinds = new Set(
    (["tools", "resources", "prompts"] as const).filter((k) => honored[`${k}ListChanged`] === true),
  );
  try {
    for (;;) {
      const { done, value } = await next;
      if (done) break;
      next = iterator.next();
      let json: JsonRecord;
      try {
        json = valueFromMessage(JSONRPCNotificationSchema, "JSONRPCNotification", value);
      } catch (error) {
        reportUnexpected("mcp.listen.relay", error, undefined, { method: value.method });
        continue;
      }
      const method = String(json.method);
      const body = (json.params ?? {}) as JsonRecord;
      const kind = /^notifications\/(tools|resources|prompts)\/list_changed$/.exec(method)?.[1];
      const wanted =
        kind !== undefined
          ? kinds.has(kind as "tools")
          : method === "notifications/resources/updated" && uris.has(String(body.uri));
      if (!wanted || hidden(value)) continue;
      const meta = (body._meta ?? {}) as JsonRecord;
      await context.sendNotification(method, { ...body, _meta: { ...meta, [SUBSCRIPTION_ID_KEY]: id } });
    }
  } catch (error) {
    if (context.signal.aborted) return {};
    if (error instanceof ConnectError && error.code === Code.Unimplemented) {
      throw new JsonRpcError(ErrorCode.MethodNotFound, "cannot listen: the upstream has no SubscriptionsListen");
    }
    throw jsonRpcErrorFrom(error);
  }
  // The upstream ended the stream: the subscription ended gracefully.
  return { resultType: "complete", _meta: { [SUBSCRIPTION_ID_KEY]: id } };
}

async function honoredFilter(
  client: Client<typeof McpService>,
  asked: Filter,
  params: JsonObject,
  context: RequestContext,
  headers: Headers | undefined,
): Promise<Filter> {
  let capabilities: JsonRecord | undefined;
  try {
    const rpc = McpService.method.discover;
    const input = messageFromValue(rpc.input, typeNameOf(rpc.input), { _meta: params._meta ?? {} });
    const output = await client.discover(input, {
      signal: context.signal,
      ...(headers === undefined ? {} : { headers }),
    });
    capabilities = valueFromMessage(rpc.output, typeNameOf(rpc.output), output).capabilities as
      | JsonRecord
      | undefined;
  } catch {
    capabilities = undefined;
  }
  const can = (kind: string, flag: string): boolean => {
    if (capabilities === undefined) return true;
    const entry = capabilities[kind] as JsonRecord | undefined;
    return entry?.[flag] === true;
  };
  const honored: Filter = {};
  if (asked.toolsListChanged === true && can("tools", "listChanged")) honored.toolsListChanged = true;
  if (asked.resourcesListChanged === true && can("resources", "listChanged")) honored.resourcesListChanged = true;
  if (asked.promptsListChanged === true && can("prompts", "listChanged")) honored.promptsListChanged = true;
  const uris = Array.isArray(asked.resourceSubscriptions)
    ? asked.resourceSubscriptions.filter((u): u is string => typeof u === "string")
    : [];
  if (uris.length > 0 && can("resources", "subscribe")) honored.resourceSubscriptions = uris;
  return honored;
}
