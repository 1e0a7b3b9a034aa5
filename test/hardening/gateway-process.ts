/**
 * `protomcp gateway` as a child process, as deployments run it: so a test can measure the
 * gateway's own memory, or kill it mid-run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
const READY = /serving mcp\.v1\.McpService at (\S+)/;

/** A running `protomcp gateway` process. */
export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** Its resident set size now, in bytes (Linux `/proc`). */
  rss(): number;
  /** Ends it (SIGKILL by default: a crash, not a drain) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `protomcp gateway <args>` and resolves once it is listening. */
export async function spawnGateway(args: string[], env: NodeJS.ProcessEnv = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [CLI, "gateway", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, PROTOMCP_LOG: "error", ...env },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${seen}`)), 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = READY.exec(seen);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
      if (seen.length > 64 * 1024) seen = seen.slice(-4096);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}: ${seen}`));
    });
  });
  return {
    url,
    child,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024;
    },
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
