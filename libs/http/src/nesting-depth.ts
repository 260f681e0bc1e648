/** How deep a JSON body may nest: far beyond any DTO of the API, far below what hurts a walker. */
export const MAX_NESTING_DEPTH = 32;

/**
 * Whether JSON text opens more than `max` arrays or objects inside one another, read off the raw
 * text in one pass without recursion, so a body nested 100,000 deep costs a scan, not a stack,
 * and is refused before anything (parser, validation, idempotency fingerprint) walks it.
 */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
