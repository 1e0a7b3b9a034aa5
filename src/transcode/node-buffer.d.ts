// Node's Buffer has these fast paths at run time (the encoding-specific halves of toString and
// write); @types/node leaves them out.
declare global {
  interface Buffer {
    utf8Slice(start: number, end: number): string;
    latin1Slice(start: number, end: number): string;
    utf8Write(value: string, offset: number, length?: number): number;
    latin1Write(value: string, offset: number, length?: number): number;
    base64Slice(start: number, end: number): string;
    base64Write(value: string, offset: number, length?: number): number;
  }
}

export {};
