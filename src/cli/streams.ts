/** Line and size-delimited framing of stdin and stdout, for the command line. */
import { Buffer } from "node:buffer";
import type { Readable, Writable } from "node:stream";
import { TranscodeCode, TranscodeError } from "../transcode/index.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Lines of UTF-8 text, without their line breaks. A line of more than `maxBytes` bytes is refused
 * as soon as it is (never buffered whole); so is one that is not valid UTF-8 (as the faces refuse
 * it, -32700: never text with U+FFFD in place of the bad bytes). `onLine` hears each line's number
 * before it is checked, so an error can name it.
 */
export async function* readLines(
  input: Readable,
  maxBytes = Number.POSITIVE_INFINITY,
  onLine: (n: number) => void = () => {},
): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const take = (last: Buffer): string => {
    const bytes = pending.length === 0 ? last : Buffer.concat([...pending, last]);
    pending = [];
    pendingBytes = 0;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      return strictUtf8.decode(bytes.subarray(0, end));
    } catch {
      throw new TranscodeError(TranscodeCode.MalformedJson, "cannot read JSON: invalid UTF-8", "$", 0);
    }
  };
  const tooLong = (): never => {
    throw new TranscodeError(
      TranscodeCode.LimitExceeded,
      `cannot read the line: longer than the --max-message-bytes limit of ${maxBytes} bytes`,
      "$",
      maxBytes,
    );
  };
  for await (const chunk of input) {
    let rest = chunk as Buffer;
    let at = rest.indexOf(0x0a);
    while (at >= 0) {
      onLine(++line);
      if (pendingBytes + at > maxBytes) tooLong();
      yield take(rest.subarray(0, at));
      rest = rest.subarray(at + 1);
      at = rest.indexOf(0x0a);
    }
    if (rest.length > 0) {
      pending.push(rest);
      pendingBytes += rest.length;
      if (pendingBytes > maxBytes) {
        onLine(line + 1);
        tooLong();
      }
    }
  }
  if (pendingBytes > 0) {
    onLine(++line);
    yield take(Buffer.alloc(0));
  }
}

/** Messages each preceded by its length as a varint, as protobuf's delimited streams write them. */
export async function* readDelimited(
  input: Readable,
  maxBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<Uint8Array> {
  let buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    buffer = Buffer.concat([buffer, chunk as Buffer]);
    for (;;) {
      let length = 0;
      let shift = 0;
      let p = 0;
      for (; p < buffer.length && p < 5; p++) {
        length += (buffer[p]! & 0x7f) * 2 ** shift;
        shift += 7;
        if (buffer[p]! < 0x80) break;
      }
      // The announced length is checked before the message is buffered.
      if (p < buffer.length && length > maxBytes) {
        throw new TranscodeError(
          TranscodeCode.LimitExceeded,
          `cannot read a size-delimited message: its ${length} bytes are over the --max-message-bytes limit of ${maxBytes}`,
          "$",
          0,
        );
      }
      if (p >= buffer.length || buffer.length < p + 1 + length) break;
      yield buffer.subarray(p + 1, p + 1 + length);
      buffer = buffer.subarray(p + 1 + length);
    }
  }
  if (buffer.length > 0) {
    throw new TranscodeError(
      TranscodeCode.MalformedBinary,
      "cannot read a size-delimited message: the input ends inside one",
      "$",
      0,
    );
  }
}

/** Writes a varint length prefix and the message. */
export async function writeDelimited(output: Writable, bytes: Uint8Array): Promise<void> {
  const prefix: number[] = [];
  let n = bytes.length;
  while (n > 0x7f) {
    prefix.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  prefix.push(n);
  if (!output.write(Buffer.concat([Buffer.from(prefix), bytes])))
    await new Promise((r) => output.once("drain", r));
}
