/**
 * Whole JSON-RPC messages, both ways, with the context a response needs: the result of a response
 * is typed by the method of the request it answers, so the transcoder remembers each request's id
 * until its response passes (in either direction, since one instance serves one connection).
 */
import { Buffer } from "node:buffer";
import { defaultRevision } from "../schema/index.js";
import { BinaryToJson } from "./binary-to-json.js";
import { asBuffer, type TranscodeOptions } from "./convert.js";
import { type IdKey, idKeyOf } from "./ids.js";
import { type EncodeSettings, JsonToBinary } from "./json-to-binary.js";
import { PendingRequests } from "./pending-requests.js";
import { type MessagePlan, planFor } from "./plan.js";

const EMPTY = Buffer.alloc(0);
let jsonRpcPlan: MessagePlan | undefined;
/** The plan of `JSONRPCMessage`, compiled on first use rather than on import. */
const jsonRpcMessage = (): MessagePlan => (jsonRpcPlan ??= planFor("JSONRPCMessage")!);

/** Converts the messages of one JSON-RPC connection, tracking request ids to type responses. */
export class JsonRpcTranscoder {
  private readonly pending = new PendingRequests();
  private readonly settings: EncodeSettings;
  // Made on first use: many connections only ever convert one way.
  private encoderOrUndefined: JsonToBinary | undefined;
  private decoderOrUndefined: BinaryToJson | undefined;

  constructor(options: TranscodeOptions = {}) {
    this.settings = {
      revision: options.revision ?? defaultRevision,
      requireFields: options.requireFields ?? true,
    };
  }

  private get encoder(): JsonToBinary {
    if (this.encoderOrUndefined === undefined) {
      const encoder = new JsonToBinary(EMPTY, this.settings);
      encoder.resultMethod = (id) => this.pending.methodOf(id);
      this.encoderOrUndefined = encoder;
    }
    return this.encoderOrUndefined;
  }

  private get decoder(): BinaryToJson {
    this.decoderOrUndefined ??= new BinaryToJson(EMPTY, this.settings);
    return this.decoderOrUndefined;
  }

  /** Tells the transcoder that the request with this id asked `method` (for responses to requests it did not see). */
  expect(id: string | number, method: string): void {
    this.pending.remember(idKeyOf(id), method);
  }

  /** Requests whose responses have not passed yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** One JSON-RPC message (JSON text) to a binary `mcp.v1.JSONRPCMessage`. */
  toBinary(json: Uint8Array | string): Uint8Array {
    const b = asBuffer(json);
    const enc = this.encoder;
    enc.reset(b);
    let bytes: Uint8Array;
    try {
      bytes = enc.encodeRoot(jsonRpcMessage(), typeof json === "string");
    } catch (error) {
      enc.w.abandon();
      throw error;
    }
    this.track(enc.lastRequestId, enc.lastRequestMethod, enc.lastResponseId);
    return bytes;
  }

  /** One binary `mcp.v1.JSONRPCMessage` to JSON-RPC JSON text. */
  toJson(bytes: Uint8Array): Uint8Array {
    const dec = this.decoder;
    dec.reset(asBuffer(bytes));
    let json: Uint8Array;
    try {
      json = dec.decodeRoot(jsonRpcMessage());
    } catch (error) {
      dec.w.abandon();
      throw error;
    }
    this.track(dec.lastRequestId, dec.lastRequestMethod, dec.lastResponseId);
    return json;
  }

  private track(
    requestId: IdKey | undefined,
    method: string | undefined,
    responseId: IdKey | undefined,
  ): void {
    if (requestId !== undefined && method !== undefined) this.pending.remember(requestId, method);
    if (responseId !== undefined) this.pending.forget(responseId);
  }
}
