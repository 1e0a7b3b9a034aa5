/**
 * One upstream MCP server, supervised: connected as an MCP client in the revision it speaks, and
 * restarted with backoff when it exits or its connection drops. Calls during a restart wait for it
 * (up to their deadline); calls in flight when it died fail at once.
 */
import { Code, ConnectError } from "@connectrpc/connect";
import { connectErrorFor } from "../binary/index.js";
import {
  ErrorCode,
  type JsonObject,
  JsonRpcError,
  LocalCode,
  McpClient,
  type RequestOptions,
  StdioClientTransport,
  StreamableHttpClientTransport,
  type Transport,
} from "../jsonrpc/index.js";
import { LabelValues, type Logger, reportUnexpected } from "../observe/index.js";
import { type UpstreamConfig, type UpstreamEnvPolicy, upstreamEnvironment } from "./upstream-config.js";

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;
/** Notifications a server sends on its own, which the gateway fans out to subscribers. */
const SERVER_NOTIFICATIONS = [
  "notifications/message",
  "notifications/tools/list_changed",
  "notifications/resources/list_changed",
  "notifications/prompts/list_changed",
  "notifications/resources/updated",
  "notifications/tasks/status",
  "notifications/elicitation/complete",
];
/** Requests a server makes of its client, which the gateway asks of a binary caller on `Exchange`. */
const CLIENT_REQUESTS = ["sampling/createMessage", "elicitation/create", "roots/list"];
/**
 * What the gateway tells upstreams it can do: whatever a binary caller on `Exchange` can answer.
 * The caller's own capabilities do not cross the binary hop, so all three are declared.
 */
const RELAYED_CAPABILITIES: JsonObject = { sampling: {}, elicitation: { form: {}, url: {} }, roots: {} };
/** How long a call waits for an upstream that is (re)starting, when the call has no deadline. */
const READY_WAIT_MS = 10_000;

export type NotificationListener = (method: string, params: JsonObject | undefined) => void;

/** Asks a binary caller one of the upstream's requests of its client. */
export type ClientRequestRelay = (
  method: string,
  params: JsonObject | undefined,
  signal: AbortSignal,
) => Promise<JsonObject>;

export class Upstream {
  private client: McpClient | undefined;
  private stdio: StdioClientTransport | undefined;
  private connecting: Promise<McpClient> | undefined;
  private failures = 0;
  private closed = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<NotificationListener>();
  private readonly relays = new Set<ClientRequestRelay>();
  /** Times the upstream was (re)started. */
  starts = 0;
  /**
   * Tool names this upstream has listed (in any `tools/list` answer through the gateway), capped:
   * the only tool names metrics use as label values.
   */
  readonly listedTools = new LabelValues();

  constructor(
    readonly name: string,
    private readonly config: UpstreamConfig,
    private readonly log: Logger,
    /** What of the gateway's environment a stdio upstream inherits besides its `env`. */
    private readonly envPolicy: UpstreamEnvPolicy = {},
  ) {}

  /** Connects now (the gateway starts its upstreams eagerly). */
  start(): Promise<McpClient> {
    if (this.client !== undefined) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** The connected client, waiting for a (re)start in progress up to `waitMs`. */
  async ready(waitMs = READY_WAIT_MS): Promise<McpClient> {
    if (this.client !== undefined) return this.client;
    if (this.closed) throw new ConnectError(`upstream '${this.name}' is closed`, Code.Unavailable);
    const pending = this.connecting ?? this.start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ConnectError(`upstream '${this.name}' is not available`, Code.Unavailable)),
        waitMs,
      );
    });
    try {
      return await Promise.race([pending, timeout]);
    } catch (error) {
      throw error instanceof ConnectError
        ? error
        : new ConnectError(`upstream '${this.name}' is not available: ${String(error)}`, Code.Unavailable);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends one request; upstream errors come back as ConnectErrors the binary side understands. */
  async request(
    method: string,
    params: JsonObject | undefined,
    options: RequestOptions & { waitMs?: number } = {},
  ): Promise<JsonObject> {
    const client = await this.ready(options.waitMs);
    try {
      return this.learn(method, await client.request(method, params, options));
    } catch (error) {
      if (!("url" in this.config) || !sessionExpired(error))
        throw toConnectError(error, this.name, options.signal);
    }
    // The server forgot the session (restarted, or expired it): the request never ran, so it is
    // sent once more on a new session.
    this.log.warn("upstream session expired; starting a new one", { upstream: this.name });
    if (this.client === client) {
      this.client = undefined;
      void client.close().catch(() => {});
    }
    try {
      return this.learn(method, await (await this.ready(options.waitMs)).request(method, params, options));
    } catch (error) {
      throw toConnectError(error, this.name, options.signal);
    }
  }

  /** Remembers the tool names of a `tools/list` answer (see {@link listedTools}). */
  private learn(method: string, result: JsonObject): JsonObject {
    if (method === "tools/list" && Array.isArray(result.tools)) {
      for (const tool of result.tools) {
        const name = (tool as { name?: unknown } | null)?.name;
        if (typeof name === "string") this.listedTools.add(name);
      }
    }
    return result;
  }

  /** The revision the upstream speaks (for the transcoder). */
  get revision(): "2025-11-25" | "2026-07-28" {
    return this.client?.revision === "2026-07-28" ? "2026-07-28" : "2025-11-25";
  }

  /** The process id of a stdio upstream, while it runs. */
  get pid(): number | undefined {
    return this.client === undefined ? undefined : this.stdio?.pid;
  }

  get serverInfo(): JsonObject | undefined {
    return this.client?.handshakeResult;
  }

  /** Receives every notification the upstream sends (list changes, resource updates, logs). */
  onNotification(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes `relay` answer the upstream's requests of its client (sampling, elicitation, roots) while
   * its call runs; returns the function that stops it. Neither stdio nor the Streamable HTTP client
   * tells which call a server request belongs to, so with several relays the oldest answers.
   */
  relayClientRequests(relay: ClientRequestRelay): () => void {
    this.relays.add(relay);
    return () => this.relays.delete(relay);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }

  private transport(): Transport {
    const c = this.config;
    if ("url" in c)
      return new StreamableHttpClientTransport({ url: c.url, ...(c.headers ? { headers: c.headers } : {}) });
    this.stdio = new StdioClientTransport({
      command: c.command,
      args: c.args,
      // The server's own log lines go to the gateway's log, marked with the upstream they came
      // from, so several upstreams' output stays apart and keeps the log's format.
      stderr: (line) => this.log.info("upstream stderr", { upstream: this.name, line }),
      // Only the small default environment, what was asked for, and the config's `env`: never
      // the gateway's secrets (its token variable, its TLS key).
      inheritEnv: false,
      env: upstreamEnvironment(c, this.envPolicy),
      ...(c.cwd ? { cwd: c.cwd } : {}),
    });
    return this.stdio;
  }

  private async connect(): Promise<McpClient> {
    const client = new McpClient({
      clientInfo: { name: "protomcp-gateway", version: "0.1.0" },
      capabilities: RELAYED_CAPABILITIES,
    });
    for (const method of CLIENT_REQUESTS) {
      client.setRequestHandler(method, (request, context) => {
        const relay = this.relays.values().next().value;
        if (relay === undefined) {
          throw new JsonRpcError(
            ErrorCode.MethodNotFound,
            `cannot answer ${method}: no binary caller is on an McpService/Exchange stream to ask`,
          );
        }
        return relay(method, request.params, context.signal);
      });
    }
    for (const method of SERVER_NOTIFICATIONS) {
      client.setNotificationHandler(method, (n) => {
        // One listener's failure is its own: the others (other callers' streams) still hear it.
        for (const l of this.listeners) {
          try {
            l(method, n.params);
          } catch (error) {
            reportUnexpected("gateway.upstream.notification", error, this.log, {
              upstream: this.name,
              method,
            });
          }
        }
      });
    }
    // What the upstream sent that answers nothing (unparseable lines, stray responses, handler
    // failures) is logged, not dropped silently.
    client.onerror = (error) =>
      this.log.warn("upstream sent a message the gateway could not use", {
        upstream: this.name,
        error: error.message,
      });
    client.onclose = (info) => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.closed) return;
      this.log.warn("upstream closed", { upstream: this.name, exitCode: info.exitCode, signal: info.signal });
      this.scheduleRestart();
    };
    this.starts++;
    try {
      await client.connect(this.transport());
    } catch (error) {
      this.log.error("upstream failed to start", { upstream: this.name, error: String(error) });
      this.scheduleRestart();
      throw new ConnectError(`upstream '${this.name}' failed to start: ${String(error)}`, Code.Unavailable);
    }
    this.failures = 0;
    // A call that could not wait for the backoff may have started this connection: the pending
    // restart would otherwise start a second process and orphan this one.
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.client = client;
    this.log.info("upstream connected", { upstream: this.name, revision: client.revision });
    return client;
  }

  private scheduleRestart(): void {
    if (this.closed || this.restartTimer !== undefined) return;
    const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** this.failures++);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.start().catch(() => {});
    }, delay);
    this.restartTimer.unref();
  }
}

/**
 * A Streamable HTTP server answered 404 to the session id: the session is gone (2025-11-25
 * transports, "Session Management": the client must start a new one with `initialize`).
 */
function sessionExpired(error: unknown): boolean {
  // The HTTP client reports the status in the message, whether the 404's body was a JSON-RPC
  // error (the official SDK sends -32001 "Session not found") or not.
  return error instanceof JsonRpcError && /\bHTTP 404\b/.test(error.message);
}

/**
 * Upstream failures as Connect errors: MCP errors keep their code, message and data. A request
 * stopped by its call's `signal` fails with the signal's reason: the call's deadline passing
 * aborts it with `deadline_exceeded` (which races the request's own timer; both mean the same).
 */
function toConnectError(error: unknown, upstream: string, signal?: AbortSignal): ConnectError {
  if (error instanceof ConnectError) return error;
  const e = JsonRpcError.from(error);
  switch (e.code) {
    case LocalCode.Timeout:
      return new ConnectError(e.message, Code.DeadlineExceeded);
    case LocalCode.Aborted:
      if (signal?.aborted === true && signal.reason instanceof ConnectError) return signal.reason;
      return new ConnectError(e.message, Code.Canceled);
    case LocalCode.ConnectionClosed:
      return new ConnectError(`upstream '${upstream}' closed: ${e.message}`, Code.Unavailable);
  }
  return connectErrorFor({
    code: e.code as number,
    message: e.message,
    ...(e.data !== undefined ? { data: e.data } : {}),
  });
}
