import fs from "node:fs";
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map(); let total = 0;
prof.samples.forEach((id, i) => { counts.set(id, (counts.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)); total += prof.timeDeltas[i] ?? 0; });
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = `${n.callFrame.functionName || "(anon)"}@${n.callFrame.url.replace(/.*node_modules\//, "").replace(/.*work\/main\//, "")}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } cur = parent.get(cur); } }
const re = new RegExp(process.argv[3] ?? ".");
for (const [k, t] of [...incl].filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((t / total * 100).toFixed(1).padStart(5), "%", k);
