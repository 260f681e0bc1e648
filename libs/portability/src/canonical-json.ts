/**
 * The JSON Canonicalization Scheme (RFC 8785) for the values a bundle holds: object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers as ECMAScript serializes them (which is
 * what RFC 8785 prescribes). Two parties that parse the same line get the same bytes to hash,
 * whatever order a JSON library kept the keys in.
 */
export function canonicalJson(value: unknown): string {
  const text = canonical(value);
  if (text === undefined) throw new TypeError('cannot serialize undefined as JSON');
  return text;
}

function canonical(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      // As JSON.stringify does: such members are left out, such array items become null.
      return undefined;
    case 'bigint':
      throw new TypeError('bigint has no JSON form: convert it to a string or number first');
    case 'object':
      break;
  }
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return canonical(toJSON.call(value));
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value as object).sort()) {
    const member = canonical((value as Record<string, unknown>)[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}
