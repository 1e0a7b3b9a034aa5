/**
 * Whole JSON-RPC messages, both ways, with the context a response needs: the result of a response
 * is typed by the method of the request it answers, so the transcoder remembers each request's id
 * until its response passes (in either direction, since one instance serves one connection).
 */
import { type FieldPlan, planFor } from "./plan.js";
import { binaryToJsonWith, jsonToBinaryWith, type TranscodeOptions } from "./convert.js";

/** Converts the messages of one JSON-RPC connection, tracking request ids to type responses. */
export class JsonRpcTranscoder {
  private readonly pending = new Map<string, string>();
  private readonly options: TranscodeOptions;

  constructor(options: TranscodeOptions = {}) {
    this.options = options;
  }

  /** Tells the transcoder that the request with this id asked `method` (for responses to requests it did not see). */
  expect(id: string | number, method: string): void {
    this.pending.set(JSON.stringify(id), method);
  }

  /** Requests whose responses have not passed yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** One JSON-RPC message (JSON text) to a binary `mcp.v1.JSONRPCMessage`. */
  toBinary(json: Uint8Array | string): Uint8Array {
    let request: { id: string; method: string } | undefined;
    const bytes = jsonToBinaryWith(planFor("JSONRPCMessage")!, json, this.options, (enc) => {
      enc.resultMethod = (id) => this.take(id);
      return () => {
        request = enc.lastRequest;
      };
    });
    if (request !== undefined) this.pending.set(request.id, request.method);
    return bytes;
  }

  /** One binary `mcp.v1.JSONRPCMessage` to JSON-RPC JSON text. */
  toJson(bytes: Uint8Array): Uint8Array {
    let request: { id: string; method: string } | undefined;
    let result: FieldPlan | undefined;
    const json = binaryToJsonWith(planFor("JSONRPCMessage")!, bytes, this.options, (dec) => () => {
      request = dec.lastRequest;
      result = undefined;
    });
    if (request !== undefined) this.pending.set(request.id, request.method);
    else if (result === undefined) this.forgetAnswered(json);
    return json;
  }

  private take(id: string): string | undefined {
    const method = this.pending.get(id);
    this.pending.delete(id);
    return method;
  }

  /** A response decoded from binary answers a request this transcoder may have tracked: forget it. */
  private forgetAnswered(json: Uint8Array): void {
    if (this.pending.size === 0) return;
    const text = Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString(
      "utf8",
      0,
      Math.min(json.length, 256),
    );
    const match = /"id":("(?:[^"\\]|\\.)*"|-?\d+)/.exec(text);
    if (match !== null && (text.includes('"result"') || text.includes('"error"')))
      this.pending.delete(match[1]!);
  }
}
