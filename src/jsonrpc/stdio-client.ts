/**
 * The client side of the MCP stdio transport: spawns the server as a child process
 * and exchanges newline-delimited JSON over its stdin and stdout.
 *
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { JsonRpcError, LocalCode } from "./errors.js";
import { readLines, writeLine } from "./line-framing.js";
import type { JsonRpcMessage } from "./messages.js";
import type { CloseInfo, MessageInfo, Transport } from "./transport.js";

/**
 * The variables of this process a server gets by default: those the official SDK's stdio transport
 * passes (`getDefaultEnvironment`), after sudo's list. Nothing else of this process's environment
 * (tokens, keys, cloud credentials) reaches a server unless asked for.
 */
export const DEFAULT_INHERITED_ENV: readonly string[] =
  process.platform === "win32"
    ? [
        "APPDATA",
        "HOMEDRIVE",
        "HOMEPATH",
        "LOCALAPPDATA",
        "PATH",
        "PROCESSOR_ARCHITECTURE",
        "SYSTEMDRIVE",
        "SYSTEMROOT",
        "TEMP",
        "USERNAME",
        "USERPROFILE",
        "PROGRAMFILES",
      ]
    : ["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER"];

/**
 * The variables of `source` named in `names` (all of them with `true`), leaving out shell functions
 * (values starting `()`), as the SDK does. Names match case-insensitively on Windows.
 */
export function inheritedEnvironment(
  names: readonly string[] | true = DEFAULT_INHERITED_ENV,
  source: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  const fold = (name: string) => (process.platform === "win32" ? name.toUpperCase() : name);
  const wanted = names === true ? undefined : new Set(names.map(fold));
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value.startsWith("()")) continue;
    if (wanted === undefined || wanted.has(fold(name))) env[name] = value;
  }
  return env;
}

/** How to start the server process. */
export interface StdioClientOptions {
  /** The executable. Not run through a shell. */
  command: string;
  /** Its arguments. */
  args?: readonly string[];
  /**
   * Environment variables of the child, laid over those it inherits (see `inheritEnv`). With
   * `inheritEnv: false` they are the whole environment.
   */
  env?: Readonly<Record<string, string>>;
  /**
   * Which of this process's variables the child inherits: these names, all (`true`) or none
   * (`false`). Default {@link DEFAULT_INHERITED_ENV}, as the official SDK's stdio transport.
   */
  inheritEnv?: boolean | readonly string[];
  /** Working directory of the child. */
  cwd?: string;
  /**
   * Where the child's stderr goes. Default `"inherit"`: the server's logs appear on
   * our stderr (the spec lets servers log there; it is never protocol). A function
   * receives each line instead (without its line break), e.g. to log it.
   */
  stderr?: "inherit" | "ignore" | ((line: string) => void);
  /** Longest accepted line from the server, in bytes. */
  maxLineBytes?: number;
  /** How long {@link StdioClientTransport.close} waits for a clean exit before SIGTERM, then SIGKILL. Default 2000 ms. */
  closeGraceMs?: number;
}

/**
 * Spawns an MCP server and speaks to it over stdio.
 *
 * `onclose` reports the child's exit code or signal. Closing follows the spec's
 * shutdown order: close the child's stdin, wait, then SIGTERM, then SIGKILL.
 */
export class StdioClientTransport implements Transport {
  private child: ChildProcess | undefined;
  private closed = false;
  private exited: Promise<void> | undefined;
  onmessage?: ((message: JsonRpcMessage, info?: MessageInfo) => void) | undefined;
  onclose?: ((info: CloseInfo) => void) | undefined;
  onerror?: ((error: JsonRpcError) => void) | undefined;

  constructor(private readonly options: StdioClientOptions) {}

  /** The child's process id, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    if (this.child !== undefined) {
      return Promise.reject(
        new JsonRpcError(LocalCode.ConnectionClosed, "cannot start transport: already started"),
      );
    }
    const {
      command,
      args = [],
      env,
      inheritEnv = DEFAULT_INHERITED_ENV,
      cwd,
      stderr = "inherit",
    } = this.options;
    const childEnv = { ...(inheritEnv === false ? {} : inheritedEnvironment(inheritEnv)), ...env };
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        env: childEnv,
        stdio: ["pipe", "pipe", typeof stderr === "function" ? "pipe" : stderr],
        windowsHide: true,
        ...(cwd === undefined ? {} : { cwd }),
      });
      this.child = child;
      this.exited = new Promise((done) => child.once("close", () => done()));
      child.once("spawn", () => resolve());
      child.once("error", (cause) => {
        const error = new JsonRpcError(
          LocalCode.ConnectionClosed,
          `cannot spawn ${command}: ${cause.message}`,
          {
            cause,
          },
        );
        reject(error);
        this.finish({ error });
      });
      child.once("close", (exitCode, signal) => this.finish({ exitCode, signal }));
      if (typeof stderr === "function" && child.stderr !== null) forwardLines(child.stderr, stderr);
      // EPIPE when the child exits while we write: reported by writeLine, not thrown here.
      child.stdin?.on("error", () => {});
      readLines(child.stdout!, {
        ...(this.options.maxLineBytes === undefined ? {} : { maxLineBytes: this.options.maxLineBytes }),
        onmessage: (message) => this.onmessage?.(message),
        onerror: (error) => this.onerror?.(error),
      });
    });
  }

  send(message: JsonRpcMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (this.closed || stdin === undefined || stdin === null) {
      return Promise.reject(
        new JsonRpcError(LocalCode.ConnectionClosed, "cannot send message: process is not running"),
      );
    }
    return writeLine(stdin, message);
  }

  async close(): Promise<void> {
    const child = this.child;
    if (child === undefined || this.closed) {
      this.finish({});
      return;
    }
    const grace = this.options.closeGraceMs ?? 2000;
    child.stdin?.end();
    if (await this.waitExit(grace)) return;
    child.kill("SIGTERM");
    if (await this.waitExit(grace)) return;
    child.kill("SIGKILL");
    await this.exited;
  }

  private async waitExit(ms: number): Promise<boolean> {
    if (this.child?.exitCode !== null || this.child.signalCode !== null) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const done = await Promise.race([this.exited!.then(() => true as const), timeout]);
    clearTimeout(timer);
    return done;
  }

  private finish(info: CloseInfo): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.(info);
  }
}

const MAX_STDERR_LINE = 64 * 1024;

/** Calls `receive` with each line of `stream` (the last one even without a line break). */
function forwardLines(stream: NodeJS.ReadableStream, receive: (line: string) => void): void {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop() ?? "";
    for (const line of lines) if (line !== "") receive(line);
    // A child that never ends its line is still heard, in pieces, without holding it all.
    if (rest.length > MAX_STDERR_LINE) {
      receive(rest);
      rest = "";
    }
  });
  stream.on("end", () => {
    if (rest !== "") receive(rest);
    rest = "";
  });
}
