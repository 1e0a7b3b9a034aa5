/**
 * The properties of an object that are not one field's single value, for `JsonToBinary`: lists as
 * repeated fields, objects as map entries, properties the message does not define as additional
 * entries (empty lists and maps too, which would leave no trace on the wire), and properties that
 * only another revision defines.
 */
import { TranscodeCode, TranscodeError } from "./errors.js";
import { JsonValueWriter } from "./json-values.js";
import type { FieldPlan, MessagePlan } from "./plan.js";

const QUOTE = 0x22;
const EMPTY_ARRAY = new Uint8Array([0x5b, 0x5d]);
const EMPTY_OBJECT = new Uint8Array([0x7b, 0x7d]);

/** A value writer that writes the properties `JsonToBinary` does not write as one field. */
export abstract class JsonPropertyWriter extends JsonValueWriter {
  /** How deep the value at `p` is nested (`JsonToBinary` keeps it). */
  abstract depth: number;

  /** Writes one value (at `p`) of field `f`, with its tag. */
  abstract encodeField(f: FieldPlan, owner: MessagePlan): void;

  /** Back to where a trial started: input, output, JSON path and nesting depth. */
  rewind(p: number, pos: number, path: number, depth: number): void {
    this.p = p;
    this.w.pos = pos;
    this.path.length = path;
    this.depth = depth;
  }

  /**
   * Writes a property that another revision defines but this one does not: as its field when the
   * field can hold the value, else as an additional property (any JSON value is one here).
   */
  protected encodeUndefinedHere(f: FieldPlan, plan: MessagePlan, keyStart: number, keyClose: number): void {
    const p = this.p;
    const pos = this.w.pos;
    const path = this.path.length;
    const depth = this.depth;
    try {
      if (f.repeated) this.encodeList(f, plan, keyStart, keyClose);
      else if (f.map !== undefined) this.encodeMap(f, plan, keyStart, keyClose);
      else this.encodeField(f, plan);
    } catch (error) {
      if (!(error instanceof TranscodeError) || error.code !== TranscodeCode.InvalidValue) throw error;
      this.rewind(p, pos, path, depth);
      this.writeAdditional(plan, keyStart, keyClose, undefined);
    }
  }

  /** Writes a property the message does not define (or an empty list or map) as an additional entry. */
  writeAdditional(
    plan: MessagePlan,
    keyStart: number,
    keyClose: number,
    empty: Uint8Array | undefined,
  ): void {
    const additional = plan.additional;
    if (additional === undefined) {
      this.fail(
        TranscodeCode.InvalidValue,
        `cannot convert ${plan.name}: unknown property '${this.stringValue(keyStart, keyClose)}'`,
      );
    }
    this.w.raw(additional.tag);
    const entry = this.w.beginLength(this.end - this.p);
    this.w.byte(0x0a);
    if (this.b.subarray(keyStart, keyClose).includes(0x5c)) {
      this.escaped = true;
      const key = this.stringValue(keyStart, keyClose);
      this.w.varint(Buffer.byteLength(key));
      this.w.utf8(key);
    } else {
      this.w.varint(keyClose - keyStart - 1);
      this.w.copy(this.b, keyStart + 1, keyClose);
    }
    this.w.byte(0x12);
    if (empty !== undefined) {
      this.w.varint(empty.length);
      this.w.raw(empty);
    } else {
      const start = this.p;
      this.skipValue(this.depth);
      this.w.varint(this.p - start);
      this.w.copy(this.b, start, this.p);
    }
    this.w.endLength(entry);
  }

  protected encodeList(f: FieldPlan, plan: MessagePlan, keyStart: number, keyClose: number): void {
    if (this.peek() !== 0x5b) this.typeError(`${plan.name}.${f.key}`, "an array");
    this.p++;
    if (this.peek() === 0x5d) {
      this.p++;
      // An empty list has no fields on the wire; an additional entry keeps its presence and place.
      return this.writeAdditional(plan, keyStart, keyClose, EMPTY_ARRAY);
    }
    for (let i = 0; ; i++) {
      this.path.push(i);
      this.encodeField(f, plan);
      this.path.pop();
      if (this.closes(0x5d)) return;
    }
  }

  encodeMap(f: FieldPlan, plan: MessagePlan, keyStart: number, keyClose: number): void {
    if (this.peek() !== 0x7b) this.typeError(`${plan.name}.${f.key}`, "an object");
    this.p++;
    if (this.peek() === 0x7d) {
      this.p++;
      return this.writeAdditional(plan, keyStart, keyClose, EMPTY_OBJECT);
    }
    const value = f.map!;
    let keys: string[] | undefined;
    for (;;) {
      if (this.peek() !== QUOTE) this.syntax("a property name");
      this.w.raw(f.tag);
      const entry = this.w.beginLength(this.end - this.p);
      const entryKeyStart = this.p;
      this.writeString(0x0a);
      const key = this.stringValue(entryKeyStart, this.p - 1);
      if (keys === undefined) keys = [key];
      else if (keys.includes(key)) {
        this.path.push(key);
        this.fail(
          TranscodeCode.DuplicateKey,
          `cannot convert ${plan.name}.${f.key}: the key '${key}' appears twice (a JSON object holds a key once)`,
          entryKeyStart,
        );
      } else keys.push(key);
      this.expect(0x3a, "':'");
      this.path.push(key);
      this.encodeField(value, plan);
      this.path.pop();
      this.w.endLength(entry);
      if (this.closes(0x7d)) return;
    }
  }
}
