/** A JSON reader for tests that finds what `JSON.parse` hides: an object holding one key twice. */

/** The JSON path of the first object in `text` that holds a key twice, or undefined. Throws on bad JSON. */
export function duplicateKeyIn(text: string): string | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): string | undefined => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const keys = new Set<string>();
      ws();
      if (text[i] === "}") {
        i++;
        return undefined;
      }
      for (;;) {
        ws();
        const key = string();
        if (keys.has(key)) return `${path}.${key}`;
        keys.add(key);
        ws();
        i++; // ':'
        const found = value(`${path}.${key}`);
        if (found !== undefined) return found;
        ws();
        if (text[i++] === "}") return undefined;
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return undefined;
      }
      for (let n = 0; ; n++) {
        const found = value(`${path}[${n}]`);
        if (found !== undefined) return found;
        ws();
        if (text[i++] === "]") return undefined;
      }
    }
    if (c === '"') {
      string();
      return undefined;
    }
    const start = i;
    while (i < text.length && !",}] \t\n\r".includes(text[i]!)) i++;
    JSON.parse(text.slice(start, i));
    return undefined;
  };
  JSON.parse(text);
  return value("$");
}
