import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nativeBase64 } from "../../src/transcode/native-base64.js";
import type { MachineFacts } from "./types.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The libraries whose versions every run records. */
export const TRACKED_PACKAGES = [
  "@bufbuild/protobuf",
  "ts-proto",
  "@modelcontextprotocol/sdk",
  "@connectrpc/connect",
  "tinybench",
] as const;

function installedVersion(pkg: string): string | null {
  try {
    const json = readFileSync(join(repoRoot, "node_modules", pkg, "package.json"), "utf8");
    return (JSON.parse(json) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** CPU, cores, memory, Node, base64 path and library versions: what a figure is only meaningful beside. */
export function machineFacts(): MachineFacts {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryBytes: totalmem(),
    platform: `${process.platform}-${process.arch}`,
    node: process.version,
    v8: process.versions.v8,
    // Which path the transcoder's base64 took in this run, and with which SIMD kernels.
    base64: nativeBase64.path(),
    packages: Object.fromEntries(TRACKED_PACKAGES.map((p) => [p, installedVersion(p)])),
  };
}
