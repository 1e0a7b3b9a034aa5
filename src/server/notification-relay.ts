/**
 * Relays the upstream's `SubscriptionsListen` stream (list changes, updates of subscribed
 * resources) to one MCP session of the face as notifications.
 *
 * @module
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { Code, type Client, ConnectError } from "@connectrpc/connect";
import { type JSONRPCNotification, JSONRPCNotificationSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import {
  type SubscriptionFilterSchema,
  SubscriptionsListenRequestParamsSchema,
} from "../../gen/es/mcp/v1/subscriptions_pb.js";
import type { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import type { JsonObject, Peer } from "../jsonrpc/index.js";
import { reportUnexpected } from "../observe/index.js";
import { type JsonRecord, valueFromMessage } from "./codec.js";

/**
 * Starts relaying once the session is initialized; stops when the peer closes. A notification
 * the session cannot take (an HTTP client without a GET stream) is dropped: the spec lets a
 * server send list changes only when the client can listen. An upstream without
 * `SubscriptionsListen` (Unimplemented) just means nothing is relayed.
 *
 * The upstream's stream is the same for every session, so a notification `hidden` says this
 * session's caller may not see (an update of a resource its rules refuse) is dropped too.
 *
 * `options.notifications` is the stream's filter (which list changes, which resources' updates);
 * `options.keep` says which notifications of the stream this session hears (an upstream that
 * ignores the filter, such as the gateway, sends every one). Returns a function that stops the relay.
 */
export function relayNotifications(
  peer: Peer,
  client: Client<typeof McpService>,
  hidden: (notification: JSONRPCNotification) => boolean = () => false,
  options: {
    notifications?: MessageInitShape<typeof SubscriptionFilterSchema>;
    keep?: (method: string, params: JsonObject | undefined) => boolean;
  } = {},
): () => void {
  const abort = new AbortController();
  const previous = peer.onclose;
  peer.onclose = (info) => {
    abort.abort();
    previous?.(info);
  };
  void (async () => {
    const request = create(
      SubscriptionsListenRequestParamsSchema,
      options.notifications === undefined ? {} : { notifications: options.notifications },
    );
    for await (const notification of client.subscriptionsListen(request, { signal: abort.signal })) {
      let json: JsonRecord;
      try {
        if (hidden(notification)) continue;
        json = valueFromMessage(JSONRPCNotificationSchema, "JSONRPCNotification", notification);
      } catch (error) {
        // One notification that cannot be read is dropped (logged, counted); the relay goes on.
        reportUnexpected("mcp.notifications.relay", error, undefined, { method: notification.method });
        continue;
      }
      const params = json.params as JsonObject | undefined;
      if (options.keep !== undefined && !options.keep(String(json.method), params)) continue;
      // A session that cannot take it (no GET stream) misses it, as the spec allows.
      await peer.notify(String(json.method), params).catch(() => {});
    }
  })().catch((error: unknown) => {
    if (abort.signal.aborted) return;
    if (error instanceof ConnectError && (error.code === Code.Unimplemented || error.code === Code.Canceled))
      return;
    process.stderr.write(`protomcp mcp: upstream notifications stopped: ${String(error)}\n`);
  });
  return () => abort.abort();
}
