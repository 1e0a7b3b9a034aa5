/**
 * Resource URIs in one spelling, so that a rule and a request that name the same resource compare
 * equal however either is written: RFC 3986 section 6.2.2 syntax-based normalisation.
 *
 * @module
 */
import { Buffer } from "node:buffer";

const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** Characters a URI may hold as they are (RFC 3986 unreserved, reserved, and `%`). */
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Percent-encoding made canonical: escapes of unreserved characters decoded, the hex of the others
 * in uppercase, and every character a URI may not hold (spaces, non-ASCII) UTF-8 percent-encoded.
 * Undefined for a `%` not followed by two hex digits, or for a control character or backslash,
 * which parsers disagree about (WHATWG's drops tabs and newlines, turns `\` into `/`).
 */
function normalizeEscapes(text: string): string | undefined {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "%") {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
      i += 2;
    } else if (URI_CHAR.test(c)) {
      out += c;
    } else {
      const code = text.codePointAt(i) ?? 0;
      // Controls and `\` are read differently by different parsers; a lone surrogate has no UTF-8.
      if (code < 0x20 || code === 0x7f || c === "\\" || (code >= 0xd800 && code <= 0xdfff)) return undefined;
      const char = String.fromCodePoint(code);
      i += char.length - 1;
      for (const byte of Buffer.from(char, "utf8"))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}

/** RFC 3986 section 5.2.4. */
function removeDotSegments(path: string): string {
  let input = path;
  const output: string[] = [];
  while (input.length > 0) {
    if (input.startsWith("../")) input = input.slice(3);
    else if (input.startsWith("./")) input = input.slice(2);
    else if (input.startsWith("/./")) input = input.slice(2);
    else if (input === "/.") input = "/";
    else if (input.startsWith("/../")) {
      input = input.slice(3);
      output.pop();
    } else if (input === "/..") {
      input = "/";
      output.pop();
    } else if (input === "." || input === "..") input = "";
    else {
      const next = input.indexOf("/", 1);
      const segment = next < 0 ? input : input.slice(0, next);
      output.push(segment);
      input = input.slice(segment.length);
    }
  }
  return output.join("");
}

/**
 * `uri` in canonical form (RFC 3986 section 6.2.2): scheme and host in lowercase, escapes of
 * unreserved characters decoded and the others' hex in uppercase, characters a URI may not hold
 * percent-encoded, and dot segments (`.`, `..`) removed from the path. Undefined when `uri` cannot
 * be read in one way only (a bad escape, a control character, a backslash, leading or trailing
 * space): rules refuse such a URI.
 */
export function canonicalUri(uri: string): string | undefined {
  // WHATWG's parser drops leading and trailing spaces and controls; RFC 3986 has none.
  if (uri !== uri.trim()) return undefined;
  const escaped = normalizeEscapes(uri);
  if (escaped === undefined) return undefined;
  const scheme = SCHEME.exec(escaped);
  let rest = escaped;
  let head = "";
  if (scheme !== null) {
    head = `${(scheme[1] as string).toLowerCase()}:`;
    rest = escaped.slice(scheme[0].length);
  }
  const tailAt = rest.search(/[?#]/);
  const tail = tailAt < 0 ? "" : rest.slice(tailAt);
  let hierarchy = tailAt < 0 ? rest : rest.slice(0, tailAt);
  if (hierarchy.startsWith("//")) {
    const end = hierarchy.indexOf("/", 2);
    const authority = end < 0 ? hierarchy.slice(2) : hierarchy.slice(2, end);
    const at = authority.lastIndexOf("@");
    const host = authority.slice(at + 1).toLowerCase();
    head += `//${authority.slice(0, at + 1)}${host}`;
    hierarchy = end < 0 ? "" : hierarchy.slice(end);
  }
  // A rootless path (`urn:a:b`) has no hierarchy to walk.
  const path = hierarchy.startsWith("/") ? removeDotSegments(hierarchy) : hierarchy;
  return head + path + tail;
}
