import { FieldError } from './problem-document';

/**
 * A NUL (U+0000) or a lone surrogate (half of a UTF-16 pair, which is no character at all): no
 * text of the API has a use for either, PostgreSQL refuses NUL in text and JSON, and a lone
 * surrogate cannot be written as UTF-8. Refused at the door, whatever the field.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function textFault(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (text.search(LONE_SURROGATE) >= 0)
    return 'must not contain a lone surrogate (it is not Unicode text)';
  return undefined;
}

/**
 * Every string in a parsed body, query or path parameters (keys too) that is not well-formed text,
 * named by its dotted path as validation names fields (`shares.count`, `lines.0.label`). Walked
 * with a stack of its own: a value is never recursed into.
 */
export function illFormedText(value: unknown, root?: string): FieldError[] {
  const errors: FieldError[] = [];
  const pending: [unknown, string | undefined][] = [[value, root]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      const message = textFault(current);
      if (message) errors.push({ field: path ?? '(body)', message });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const keyFault = textFault(key);
        const name = keyFault
          ? key.replace(LONE_SURROGATE, '\ufffd').replaceAll('\u0000', '\ufffd')
          : key;
        const childPath = path === undefined ? name : `${path}.${name}`;
        if (keyFault) errors.push({ field: childPath, message: `its name ${keyFault}` });
        pending.push([child, childPath]);
      }
    }
  }
  return errors.reverse();
}
