/**
 * Two linked in-memory transports, for tests and for wiring peers in one process.
 *
 * @module
 */
import { JsonRpcError, LocalCode } from "./errors.js";
import type { JsonRpcMessage } from "./messages.js";
import type { CloseInfo, MessageInfo, Transport } from "./transport.js";

class InMemoryTransport implements Transport {
  other: InMemoryTransport | undefined;
  private started = false;
  private closed = false;
  private readonly queue: JsonRpcMessage[] = [];
  onmessage?: ((message: JsonRpcMessage, info?: MessageInfo) => void) | undefined;
  onclose?: ((info: CloseInfo) => void) | undefined;
  onerror?: ((error: JsonRpcError) => void) | undefined;

  async start(): Promise<void> {
    this.started = true;
    // Messages sent before start are delivered now, in order.
    for (const message of this.queue.splice(0)) this.deliver(message);
  }

  async send(message: JsonRpcMessage): Promise<void> {
    const other = this.other;
    if (this.closed || other === undefined || other.closed) {
      throw new JsonRpcError(
        LocalCode.ConnectionClosed,
        "cannot send message: in-memory transport is closed",
      );
    }
    // A structured clone keeps sender and receiver from sharing objects, as a wire would.
    const copy = structuredClone(message);
    queueMicrotask(() => other.receive(copy));
  }

  private receive(message: JsonRpcMessage): void {
    if (this.closed) return;
    if (this.started) this.deliver(message);
    else this.queue.push(message);
  }

  private deliver(message: JsonRpcMessage): void {
    this.onmessage?.(message);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const other = this.other;
    this.other = undefined;
    this.onclose?.({});
    await other?.close();
  }
}

/**
 * Creates two transports linked to each other: what one sends, the other receives
 * (asynchronously, in order, as a deep copy). Closing either closes both.
 */
export function createInMemoryPair(): [Transport, Transport] {
  const a = new InMemoryTransport();
  const b = new InMemoryTransport();
  a.other = b;
  b.other = a;
  return [a, b];
}
