/** Helpers to read `tools/call` results in tests. */

/** The parts of a `CallToolResult` the tests look at. */
export interface CallResult {
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** The text of the first content block. */
export function text(result: CallResult): string {
  return result.content[0]?.text ?? "";
}
