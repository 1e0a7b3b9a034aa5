import * as assert from "node:assert/strict";
import { encodeSseEvent, SseDecoder, type SseEvent } from "../../src/jsonrpc/sse.js";

function decode(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const decoder = new SseDecoder((e) => events.push(e));
  for (const chunk of chunks) decoder.push(chunk);
  return events;
}

describe("jsonrpc: SSE codec", () => {
  it("round-trips events, including multi-line data", () => {
    const text = encodeSseEvent("a\nb", { event: "message", id: "7" }) + encodeSseEvent("{}");
    assert.deepEqual(decode([text]), [
      { event: "message", data: "a\nb", id: "7" },
      { event: "message", data: "{}", id: "7" },
    ]);
  });

  it("handles CRLF and CR split across chunks, comments and keep-alives", () => {
    const events = decode([": keep-alive\r", "\n", 'data: {"x":1}\r', "\n\r", "\nevent: other\rdata:2\r\r"]);
    assert.deepEqual(events, [
      { event: "message", data: '{"x":1}', id: undefined },
      { event: "other", data: "2", id: undefined },
    ]);
  });

  it("ignores events without data", () => {
    assert.deepEqual(decode(["event: ping\n\nid: 3\n\n"]), []);
  });
});
