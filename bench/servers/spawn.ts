import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root, the working directory of spawned bench servers. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A bench server running in a child process. */
export interface SpawnedServer {
  readonly port: number;
  readonly child: ChildProcess;
  close(): Promise<void>;
}

/** Node arguments that run a TypeScript bench script through tsx. */
export function tsxArgs(script: string): string[] {
  return ["--import", "tsx", fileURLToPath(new URL(script, import.meta.url))];
}

/**
 * Starts `script` (relative to this folder) under tsx and waits for the
 * `PORT <n>` line it prints once listening. Servers run in their own process,
 * as they would in production, so that client and server do not share a loop.
 */
export function spawnServer(script: string, timeoutMs = 20_000): Promise<SpawnedServer> {
  const child = spawn(process.execPath, tsxArgs(script), {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`cannot start ${script}: no PORT line within ${timeoutMs} ms`));
    }, timeoutMs);
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const match = /PORT (\d+)/.exec(buffered);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        port: Number(match[1]),
        child,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill();
          }),
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${script}: exited with code ${code}`));
    });
  });
}
