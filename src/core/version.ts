/**
 * botoscale's own version, as its package.json says (boto2's `boto.__version__`).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

/** The installed package's version; `0.0.0` if package.json cannot be read. */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  try {
    // package.json is two folders up from src/core and from dist/core alike.
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version?: unknown };
    cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
