import { startGateway } from "../src/gateway/index.js";
import { createLogger } from "../src/observe/index.js";
import { tsxArgs, repoRoot } from "../bench/servers/spawn.js";
import { rawBinarySession } from "../bench/targets/raw-binary-clients.js";
const gateway = await startGateway({
  upstreams: new Map([["bench", { command: process.execPath, args: tsxArgs("./stdio-server.ts"), cwd: repoRoot }]]),
  logger: createLogger({ level: "error" }),
});
const s = rawBinarySession(gateway.url, "connect", () => gateway.close());
for (let i = 0; i < 2000; i++) await s.callEcho("hello");
const t: number[] = [];
const t0 = performance.now();
for (let i = 0; i < 8000; i++) { const a = performance.now(); await s.callEcho("hello"); t.push(performance.now() - a); }
const total = performance.now() - t0;
t.sort((a, b) => a - b);
console.log("p50", (t[4000]! * 1000).toFixed(0), "µs", "cpu", process.cpuUsage(), "total ms", total.toFixed(0));
await s.close();
process.exit(0);
