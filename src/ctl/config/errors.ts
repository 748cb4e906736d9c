/**
 * Configuration errors: each names the file, the line and column of the offending key,
 * the key's path in the document and what is wrong.
 *
 * @module
 */

/** One problem found in a configuration file. */
export interface ConfigError {
  /** The file, as given on the command line. */
  file: string;
  /** 1-based line of the offending key (or value, for list items). */
  line: number;
  /** 1-based column. */
  col: number;
  /** Dotted path of the key, e.g. `groups.backend.min_size` (empty for the document itself). */
  path: string;
  /** What is wrong, in one sentence. */
  message: string;
}

/** `file:line:col: path: message`, the way compilers print errors (so editors can jump to them). */
export function formatConfigError(e: ConfigError): string {
  const where = e.path === '' ? '' : `${e.path}: `;
  return `${e.file}:${e.line}:${e.col}: ${where}${e.message}`;
}

/** Orders errors by position, then message, dropping exact duplicates. */
export function sortErrors(errors: readonly ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  const out: ConfigError[] = [];
  for (const e of [...errors].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message))) {
    const key = formatConfigError(e);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
