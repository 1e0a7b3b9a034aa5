/** Line and size-delimited framing of stdin and stdout, for the command line. */
import { Buffer } from "node:buffer";
import type { Readable, Writable } from "node:stream";
import { TranscodeCode, TranscodeError } from "../transcode/index.js";

/** Lines of UTF-8 text, without their line breaks. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  let rest = "";
  input.setEncoding("utf8");
  for await (const chunk of input) {
    rest += chunk as string;
    let at = rest.indexOf("\n");
    while (at >= 0) {
      yield rest.slice(0, at).replace(/\r$/, "");
      rest = rest.slice(at + 1);
      at = rest.indexOf("\n");
    }
  }
  if (rest !== "") yield rest;
}

/** Messages each preceded by its length as a varint, as protobuf's delimited streams write them. */
export async function* readDelimited(input: Readable): AsyncGenerator<Uint8Array> {
  let buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    buffer = Buffer.concat([buffer, chunk as Buffer]);
    for (;;) {
      let length = 0;
      let shift = 0;
      let p = 0;
      for (; p < buffer.length && p < 5; p++) {
        length |= (buffer[p]! & 0x7f) << shift;
        shift += 7;
        if (buffer[p]! < 0x80) break;
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
