import type { DescMethod, Message } from "@bufbuild/protobuf";
import { type CallOptions, createClient, type Transport } from "@connectrpc/connect";

/** Options of one RPC. */
export interface InvokeOptions {
  headers: Headers;
  /** 0 means no deadline. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Receives the response of a unary RPC, or each message of a server stream in order. */
  onMessage: (message: Message) => void;
}

type DynamicMethod = (request: Message, options: CallOptions) => Promise<Message> | AsyncIterable<Message>;

/**
 * Calls a unary or server-streaming method through a Connect client over the transport. The
 * client is typed by descriptor at run time, so its methods are looked up by local name.
 */
export async function invokeMethod(
  transport: Transport,
  method: DescMethod,
  request: Message,
  options: InvokeOptions,
): Promise<void> {
  const client = createClient(method.parent, transport) as unknown as Record<string, DynamicMethod>;
  const fn = client[method.localName];
  if (fn === undefined) {
    throw new Error(`cannot call ${method.parent.typeName}.${method.name}: missing from the client`);
  }
  const callOptions: CallOptions = { headers: options.headers };
  if (options.timeoutMs > 0) {
    callOptions.timeoutMs = options.timeoutMs;
  }
  if (options.signal !== undefined) {
    callOptions.signal = options.signal;
  }
  const result = fn.call(client, request, callOptions);
  if (method.methodKind === "server_streaming") {
    for await (const message of result as AsyncIterable<Message>) {
      options.onMessage(message);
    }
    return;
  }
  options.onMessage(await (result as Promise<Message>));
}
