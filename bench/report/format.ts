/** Number formatting shared by the text tables, the markdown and the SVGs. */

/** `12,345` style integers. */
export function int(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? "–" : Math.round(n).toLocaleString("en-US");
}

/** Three significant digits, for ns/op, ms and ratios. */
export function sig(n: number | undefined, digits = 3): string {
  if (n === undefined || !Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 10 ** digits) return int(n);
  return Number(n.toPrecision(digits)).toString();
}

/** `3.7×`. */
export function times(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? "–" : `${sig(n, n >= 10 ? 3 : 2)}×`;
}

/** Bytes as B / KB / MB (binary units). */
export function bytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return "–";
  if (n >= 1024 * 1024) return `${sig(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${sig(n / 1024)} KB`;
  return `${n} B`;
}

/** Aligns rows of cells into a plain text table (first row is the header). */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** A GitHub markdown table (first row is the header; numbers right-aligned). */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  if (!head) return "";
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${head.map(esc).join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`,
    ...body.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}
