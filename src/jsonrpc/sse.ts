/**
 * Server-Sent Events, the subset Streamable HTTP uses: `data`, `event`, `id` and
 * `retry` fields, comments, and LF, CR or CRLF line ends (WHATWG HTML "event stream
 * interpretation").
 *
 * @module
 */

/** One dispatched event. */
export interface SseEvent {
  /** The `event` field; `"message"` when absent. */
  event: string;
  /** The `data` lines joined with `\n`. */
  data: string;
  /** The last `id` seen, if any. */
  id: string | undefined;
}

/**
 * Decodes an event stream fed as text chunks of any size (decode bytes with a
 * streaming `TextDecoder` first, so characters split across chunks stay whole).
 */
export class SseDecoder {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private lastId: string | undefined;
  /** True when the previous chunk ended in CR: a following LF belongs to it. */
  private pendingCr = false;
  /** The last `retry` field's reconnection time in milliseconds, if any came. */
  retryMs: number | undefined;

  constructor(private readonly onevent: (event: SseEvent) => void) {}

  /** The last event ID field seen (it persists across events, as the HTML standard says). */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  /** Feeds text. */
  push(text: string): void {
    if (this.pendingCr && text.startsWith("\n")) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (;;) {
      const lf = this.buffer.indexOf("\n", start);
      const cr = this.buffer.indexOf("\r", start);
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        end = cr;
        if (cr + 1 === this.buffer.length) {
          this.pendingCr = true;
          next = cr + 1;
        } else {
          next = this.buffer[cr + 1] === "\n" ? cr + 2 : cr + 1;
        }
      } else if (lf !== -1) {
        end = lf;
        next = lf + 1;
      } else {
        break;
      }
      this.line(this.buffer.slice(start, end));
      start = next;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === "") {
      this.dispatch();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.lastId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.retryMs = Number(value);
    // Unknown fields are ignored.
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      this.onevent({
        event: this.event === "" ? "message" : this.event,
        data: this.data.join("\n"),
        id: this.lastId,
      });
    }
    this.data = [];
    this.event = "";
  }
}

/**
 * Encodes one event. Data with newlines is split into several `data:` lines, which a
 * decoder joins back; JSON text from `JSON.stringify` has none.
 */
export function encodeSseEvent(data: string, options: { event?: string; id?: string } = {}): string {
  let out = "";
  if (options.event !== undefined) out += `event: ${options.event}\n`;
  if (options.id !== undefined) out += `id: ${options.id}\n`;
  for (const line of data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
