/**
 * A client/server pair the round-trip suite can drive. `start` is untimed: it
 * spawns or wires the server and connects a client. Only the session's calls
 * are timed.
 *
 * protomcp plug-ins (binary endpoint, gateway, double bridge) implement this
 * and are listed in `./index.ts`.
 */
export interface RoundTripTarget {
  /** Short, stable name: `sdk-in-memory`, `sdk-stdio`, `sdk-http`, `raw-http`, ... */
  readonly name: string;
  /** One line for the report: the path a call takes. */
  readonly description: string;
  start(): Promise<RoundTripSession>;
}

/** A connected client. Each method is one request/response; it resolves when the response arrived. */
export interface RoundTripSession {
  /** `tools/call` of `echo` with `{ message }`. */
  callEcho(message: string): Promise<void>;
  /** `tools/list`, answered with server-everything's captured list. */
  listTools(): Promise<void>;
  /**
   * Optional: `tools/call` of `bench-image` returning `bytes` of image data
   * (memory cases). Targets that cannot, omit it and the case is skipped.
   */
  callImage?(bytes: number): Promise<void>;
  /** Closes the client and stops whatever `start` started. */
  close(): Promise<void>;
}
