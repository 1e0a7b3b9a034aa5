import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Fixture } from "./fixture.js";

const capturedDir = fileURLToPath(new URL("../fixtures/captured/", import.meta.url));

/**
 * Loads the committed fixtures recorded by `capture.ts`, in file order.
 * Throws if a file does not have the fixture shape, so a bad edit fails loudly.
 */
export function loadCaptured(dir: string = capturedDir): Fixture[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return files.flatMap((file) => {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (!Array.isArray(parsed)) throw new Error(`cannot load ${file}: expected an array of fixtures`);
    return parsed.map((item, i) => {
      if (!isFixture(item)) throw new Error(`cannot load ${file}: entry ${i} is not a fixture`);
      return item;
    });
  });
}

function isFixture(v: unknown): v is Fixture {
  if (typeof v !== "object" || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.name === "string" &&
    typeof f.kind === "string" &&
    typeof f.method === "string" &&
    typeof f.revision === "string" &&
    typeof f.json === "string"
  );
}
