/**
 * boto2's config files (`/etc/boto.cfg`, `~/.boto`, or `BOTO_CONFIG` / `BOTO_PATH`), read
 * the way boto2 reads them, so that a boto2 user's existing set-up keeps working.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseConfig } from './configparser';

/** Sections of a boto config file: section name → key → value. */
export type BotoConfigSections = Record<string, Record<string, string>>;

// Python's expanduser: `HOME` of the environment read, else the account's home.
function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME || homedir();
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

/** The files boto2 would read, in order (later files override earlier ones). */
export function botoConfigLocations(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.BOTO_CONFIG) return [expandHome(env.BOTO_CONFIG, env)];
  if (env.BOTO_PATH) return env.BOTO_PATH.split(delimiter).filter(Boolean).map((p) => expandHome(p, env));
  return ['/etc/boto.cfg', expandHome('~/.boto', env)];
}

function lookup(values: Record<string, string>, option: string): string | undefined {
  return Object.hasOwn(values, option) ? values[option] : undefined;
}

/** The merged settings of boto2's config files. Values are always strings. */
export class BotoConfig {
  readonly #sections: BotoConfigSections;

  /** @param sections section → option → value; option names are matched in any case, as Python does. */
  constructor(sections: BotoConfigSections = {}) {
    this.#sections = Object.fromEntries(Object.entries(sections).map(([name, values]) => [
      name, Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v])),
    ]));
  }

  /**
   * Reads the files boto2 reads, with Python's `ConfigParser` rules (see
   * `configparser.ts`); missing or unreadable files are skipped, as boto2 skips them.
   */
  static load(env: NodeJS.ProcessEnv = process.env): BotoConfig {
    const merged: BotoConfigSections = {};
    for (const file of botoConfigLocations(env)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      parseConfig(text, file, merged);
    }
    return new BotoConfig(merged);
  }

  /**
   * A value, or `undefined` when the section or option is absent or empty. As in Python,
   * a `[DEFAULT]` value applies to every section that exists.
   */
  get(section: string, key: string): string | undefined {
    const option = key.toLowerCase();
    if (!this.hasSection(section)) return undefined;
    const value = lookup(this.#sections[section], option) ?? (this.hasSection('DEFAULT') ? lookup(this.#sections.DEFAULT, option) : undefined);
    return value === undefined || value === '' ? undefined : value;
  }

  /** Whether a section exists (used for `[profile NAME]`). */
  hasSection(section: string): boolean {
    return Object.hasOwn(this.#sections, section);
  }

  /** `BotoConfig(Section, …)`: section names only, never a value. */
  toString(): string {
    return `BotoConfig(${Object.keys(this.#sections).join(', ')})`;
  }

  // Never print values: the [Credentials] section holds a secret.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Section → option names, never values. */
  toJSON(): Record<string, string[]> {
    return Object.fromEntries(Object.entries(this.#sections).map(([s, v]) => [s, Object.keys(v)]));
  }
}
