/**
 * AWS-style paging for describe calls: `MaxRecords` with a per-action default and
 * maximum, and an opaque `NextToken`.
 *
 * @module
 */
import { commonError, type ServiceError } from './errors';

/** One page of items and the token of the next page, if any. */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** The token of the next page; undefined on the last one. */
  nextToken: string | undefined;
}

/** Limits of one action's paging. */
export interface PageLimits {
  /** Page size when MaxRecords is absent. */
  defaultSize: number;
  /** Largest allowed MaxRecords. */
  maxSize: number;
  /**
   * The answer to a bad MaxRecords or token (AWS answers `ValidationError`,
   * `InvalidParameterValue` or `InvalidNextToken` by service); `ValidationError` when absent.
   */
  refuse?: (message: string) => ServiceError;
  /** Parameter name used in messages (`MaxRecords`, `PageSize`, `MaxResults`). */
  sizeParam?: string;
}

function encode(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: key }), 'utf8').toString('base64');
}

/**
 * Cuts `items` (already in the service's order) into the page that `nextToken` points at.
 * The token records the offset and the key of the first item of the page, so a token
 * from a different listing is rejected instead of silently skipping items.
 */
export function paginate<T>(
  items: readonly T[],
  key: (item: T) => string,
  maxRecords: number | undefined,
  nextToken: string | undefined,
  limits: PageLimits,
): Page<T> {
  const refuse = limits.refuse ?? ((message: string) => commonError('ValidationError', message));
  const sizeParam = limits.sizeParam ?? 'MaxRecords';
  const size = maxRecords ?? limits.defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > limits.maxSize) {
    throw refuse(`1 validation error detected: Value '${maxRecords}' at '${sizeParam.charAt(0).toLowerCase()}${sizeParam.slice(1)}' failed to satisfy constraint: Member must have value less than or equal to ${limits.maxSize}`);
  }
  let start = 0;
  if (nextToken !== undefined && nextToken !== '') {
    let parsed: { o?: unknown; k?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(nextToken, 'base64').toString('utf8')) as { o?: unknown; k?: unknown };
    } catch {
      throw refuse('The NextToken value is invalid');
    }
    const offset = parsed.o;
    if (typeof offset !== 'number' || typeof parsed.k !== 'string' || offset < 0) {
      throw refuse('The NextToken value is invalid');
    }
    const item = items[offset];
    // The listing may have changed since: fall back to the key's new position.
    start = item !== undefined && key(item) === parsed.k ? offset : items.findIndex((i) => key(i) >= parsed.k!);
    if (start < 0) start = items.length;
  }
  const pageItems = items.slice(start, start + size);
  const next = start + size < items.length ? encode(start + size, key(items[start + size] as T)) : undefined;
  return { items: pageItems, nextToken: next };
}
