/**
 * A reader for the INI dialect of Python's `ConfigParser`, which boto2 reads its config
 * files with, so that a file boto2 accepts means the same here: `key = value` and
 * `key: value`, option names in any case (Python lowercases them), section names taken
 * whole (`[profile prod.eu]`), `#` and `;` starting comment lines only (never inside a
 * value), indented lines continuing a value, and `[DEFAULT]` values seen in every section.
 *
 * @module
 */
import { BotoClientError } from './errors';

/** Sections of a config file: section name → option name (lowercase) → value. */
export type ConfigSections = Record<string, Record<string, string>>;

const SECTION = /^\[(?<name>.+)\]/;
const OPTION = /^(?<key>.*?)\s*[=:]\s*(?<value>.*)$/;

// Sections and options are own data properties of prototype-less objects, so that a file
// naming a section or option `__proto__` or `constructor` cannot reach Object.prototype.
function sectionOf(into: ConfigSections, name: string): Record<string, string> {
  if (!Object.hasOwn(into, name)) {
    Object.defineProperty(into, name, { value: Object.create(null), enumerable: true, writable: true, configurable: true });
  }
  return into[name];
}

/**
 * Parses one file's text into `into` (later files override earlier ones, as Python's
 * `read()` of several files does). Lines Python would reject (an option before any
 * section, a line that is neither a section, an option nor a comment) are a
 * {@link BotoClientError} naming the file and line; values never appear in messages.
 */
export function parseConfig(text: string, source: string, into: ConfigSections = {}): ConfigSections {
  let section: Record<string, string> | undefined;
  // The option being read and its lines so far (blank lines inside a value are kept).
  let key: string | undefined;
  let value: string[] = [];
  let keyIndent = 0;
  const finish = (): void => {
    if (section !== undefined && key !== undefined) section[key] = value.join('\n').trimEnd();
    key = undefined;
  };
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (trimmed === '') {
      if (key !== undefined) value.push('');
      return;
    }
    const indent = line.length - line.trimStart().length;
    if (key !== undefined && indent > keyIndent) {
      value.push(trimmed);
      return;
    }
    finish();
    const header = SECTION.exec(trimmed);
    if (header?.groups !== undefined) {
      section = sectionOf(into, header.groups.name);
      return;
    }
    if (section === undefined) {
      throw new BotoClientError(`${source}, line ${index + 1}: an option before any [section] header`);
    }
    const option = OPTION.exec(trimmed);
    if (option?.groups === undefined || option.groups.key === '') {
      throw new BotoClientError(`${source}, line ${index + 1}: expected [section], "name = value" or "name: value"`);
    }
    key = option.groups.key.toLowerCase();
    keyIndent = indent;
    value = [option.groups.value];
  });
  finish();
  return into;
}
