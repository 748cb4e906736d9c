/**
 * boto2's config files (`/etc/boto.cfg`, `~/.boto`, or `BOTO_CONFIG` / `BOTO_PATH`), read
 * the way boto2 reads them, so that a boto2 user's existing set-up keeps working.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'ini';

/** Sections of a boto config file: section name → key → value. */
export type BotoConfigSections = Record<string, Record<string, string>>;

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

/** The files boto2 would read, in order (later files override earlier ones). */
export function botoConfigLocations(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.BOTO_CONFIG) return [expandHome(env.BOTO_CONFIG)];
  if (env.BOTO_PATH) return env.BOTO_PATH.split(delimiter).filter(Boolean).map(expandHome);
  return ['/etc/boto.cfg', join(homedir(), '.boto')];
}

/** The merged settings of boto2's config files. Values are always strings. */
export class BotoConfig {
  readonly #sections: BotoConfigSections;

  constructor(sections: BotoConfigSections = {}) {
    this.#sections = sections;
  }

  /** Reads the files boto2 reads; missing files are skipped, as boto2 skips them. */
  static load(env: NodeJS.ProcessEnv = process.env): BotoConfig {
    const merged: BotoConfigSections = {};
    for (const file of botoConfigLocations(env)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const [section, values] of Object.entries(parse(text))) {
        if (typeof values !== 'object' || values === null) continue;
        const target = (merged[section] ??= {});
        for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
          if (typeof value === 'string') target[key] = value.trim();
        }
      }
    }
    return new BotoConfig(merged);
  }

  /** A value, or `undefined` when the section or key is absent or empty. */
  get(section: string, key: string): string | undefined {
    const value = this.#sections[section]?.[key];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Whether a section exists (used for `[profile NAME]`). */
  hasSection(section: string): boolean {
    return section in this.#sections;
  }

  toString(): string {
    return `BotoConfig(${Object.keys(this.#sections).join(', ')})`;
  }

  // Never print values: the [Credentials] section holds a secret.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  toJSON(): Record<string, string[]> {
    return Object.fromEntries(Object.entries(this.#sections).map(([s, v]) => [s, Object.keys(v)]));
  }
}
