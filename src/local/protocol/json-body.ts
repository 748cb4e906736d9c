/**
 * Parsing a JSON request body (CloudWatch's AWS JSON protocol, the control API) with a
 * bound on how deeply it nests. `JSON.parse` itself copes with any depth, but what walks
 * the result afterwards need not, and no request of these APIs nests more than a dozen
 * levels. AWS does not document a limit; its Java services parse with Jackson, whose
 * default `StreamReadConstraints` allow 1000 levels, and so does botoscale local.
 *
 * @module
 */

/** Deepest nesting of arrays and objects a request body may have. */
export const MAX_JSON_DEPTH = 1000;

/** What reading a body gave. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: 'syntax' | 'depth' };

/** Whether `text` nests arrays and objects deeper than `max` (strings, and escapes in them, skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Parses a JSON body, refusing one that nests deeper than {@link MAX_JSON_DEPTH}. */
export function parseJsonBody(text: string): JsonBody {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { ok: false, problem: 'depth' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'syntax' };
  }
}
