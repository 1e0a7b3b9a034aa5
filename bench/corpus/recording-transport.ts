import type { Transport, TransportSendOptions } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, MessageExtraInfo } from "@modelcontextprotocol/sdk/types.js";

/** One message seen on a transport, in the direction it travelled. */
export interface RecordedMessage {
  readonly direction: "sent" | "received";
  /** The message as compact JSON text, exactly as `JSON.stringify` frames it. */
  readonly json: string;
}

/**
 * Wraps any SDK client transport and records every JSON-RPC message that
 * passes through it, in order, without changing what is sent or delivered.
 */
export class RecordingTransport implements Transport {
  readonly messages: RecordedMessage[] = [];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  constructor(private readonly inner: Transport) {
    inner.onclose = () => this.onclose?.();
    inner.onerror = (error) => this.onerror?.(error);
    inner.onmessage = (message, extra) => {
      this.messages.push({ direction: "received", json: JSON.stringify(message) });
      this.onmessage?.(message, extra);
    };
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.messages.push({ direction: "sent", json: JSON.stringify(message) });
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }
}
