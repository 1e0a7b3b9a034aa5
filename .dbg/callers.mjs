import fs from "node:fs";
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const target = process.argv[3];
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map(); let total = 0;
prof.samples.forEach((id, i) => { counts.set(id, (counts.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)); total += prof.timeDeltas[i] ?? 0; });
const chains = new Map();
const name = (n) => `${n.callFrame.functionName || "(anon)"}@${n.callFrame.url.replace(/.*node_modules\//, "").replace(/.*work\/main\//, "").replace(/^node:/, "")}:${n.callFrame.lineNumber}`;
for (const [id, t] of counts) { const n = byId.get(id); if (n.callFrame.functionName !== target) continue; let cur = parent.get(id); const chain = []; for (let k = 0; k < +(process.argv[4] ?? 6) && cur !== undefined; k++) { chain.push(name(byId.get(cur))); cur = parent.get(cur); } const key = chain.join(" < "); chains.set(key, (chains.get(key) ?? 0) + t); }
for (const [k, t] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log((t / total * 100).toFixed(1), k, "\n");
