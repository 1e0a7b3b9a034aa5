import fs from "node:fs";
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas; let total = 0;
const counts = new Map();
prof.samples.forEach((id, i) => { counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0; });
const agg = new Map();
for (const [id, t] of counts) { const n = byId.get(id); const cf = n.callFrame; const key = `${cf.functionName || "(anon)"} ${cf.url.replace(/.*node_modules\//, "nm/").replace(/.*work\/main\//, "")}:${cf.lineNumber}`; agg.set(key, (agg.get(key) ?? 0) + t); }
const top = [...agg].sort((a, b) => b[1] - a[1]).slice(0, +process.argv[3] || 40);
for (const [k, t] of top) console.log((t / total * 100).toFixed(1).padStart(5), "%", k);
// inclusive by url
const parent = new Map(); for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const u = n.callFrame.url.replace(/.*node_modules\//, "nm/").replace(/.*work\/main\//, "").split("/").slice(0, 3).join("/"); if (!seen.has(u)) { seen.add(u); incl.set(u, (incl.get(u) ?? 0) + t); } cur = parent.get(cur); } }
console.log("--- inclusive by file prefix");
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / total * 100).toFixed(1).padStart(5), "%", k);
