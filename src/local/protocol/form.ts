/**
 * Strict `application/x-www-form-urlencoded` parsing: a malformed percent escape is an
 * error instead of a silently replaced character.
 *
 * @module
 */

/** A form body or query string that cannot be decoded. */
export class MalformedFormError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFormError';
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new MalformedFormError(`cannot decode '${text.length > 64 ? `${text.slice(0, 64)}...` : text}'`);
  }
}

/** Parses `a=1&b=x%20y` into its pairs; later duplicates win. */
export function parseForm(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (text === '') return out;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (key === '') continue;
    out.set(key, value);
  }
  return out;
}
