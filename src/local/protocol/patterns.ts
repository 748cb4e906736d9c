/**
 * The models' `pattern` constraints, written in Java's regular-expression syntax (AWS's
 * services check them with `java.util.regex`, whole value against whole pattern, as
 * `Matcher.matches()` does), translated once per pattern into a JavaScript `RegExp` with
 * the `u` flag, so that `\uD800\uDC00-\uDBFF\uDFFF` is the range of supplementary code
 * points Java reads it as, and a lone surrogate is a character of its own.
 *
 * Java syntax JavaScript lacks or reads differently is translated: escapes of characters
 * that need none (`\_`, `\@`), `.` (Java's excludes U+0085 as well), `\s`/`\S` (ASCII
 * white space in Java), POSIX classes (`\p{Alpha}`), `\A`/`\z`, `\Q...\E` quoting,
 * possessive quantifiers and atomic groups (matched as their greedy forms, which accept
 * the same strings for every pattern of these models). What cannot be translated (nested
 * classes, class intersection `&&`) throws, naming the pattern: a model that needs it is a
 * build error, which test/local/models.test.ts would show.
 *
 * @module
 */

/** Java's `.` without DOTALL: anything but its line terminators. */
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
/** Java's `\s` (without UNICODE_CHARACTER_CLASS), as class contents. */
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';

/** Java's POSIX classes (US-ASCII only), as class contents. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

/** Characters JavaScript's `u` mode lets a backslash escape (anywhere; `-` only in a class). */
const JS_ESCAPABLE = new Set([...'^$\\.*+?()[]{}|/']);

/** A translation error: the pattern uses Java syntax JavaScript cannot express here. */
export class UnsupportedPatternError extends Error {
  constructor(pattern: string, what: string) {
    super(`cannot translate the model pattern ${JSON.stringify(pattern)} for JavaScript: ${what}`);
    this.name = 'UnsupportedPatternError';
  }
}

interface Cursor {
  readonly src: string;
  i: number;
  inClass: boolean;
}

function escapeLiteral(text: string, inClass: boolean): string {
  return text.replace(inClass ? /[\^$\\.*+?()[\]{}|/-]/g : /[\^$\\.*+?()[\]{}|/]/g, '\\$&');
}

/** The translation of the escape at `c.i` (a backslash); advances past it. */
function escape(c: Cursor): string {
  const next = c.src[c.i + 1];
  if (next === undefined) throw new UnsupportedPatternError(c.src, 'a trailing backslash');
  c.i += 2;
  if (next === 'Q') {
    const end = c.src.indexOf('\\E', c.i);
    const quoted = c.src.slice(c.i, end < 0 ? undefined : end);
    c.i = end < 0 ? c.src.length : end + 2;
    return escapeLiteral(quoted, c.inClass);
  }
  if (next === 'p' || next === 'P') {
    const m = /^\{(?:Is)?([A-Za-z_]+)\}/.exec(c.src.slice(c.i));
    const posix = m === null ? undefined : POSIX[m[1] as string];
    if (m !== null && posix !== undefined) {
      c.i += m[0].length;
      if (next === 'P' && c.inClass) throw new UnsupportedPatternError(c.src, `\\P{${m[1] as string}} inside a class`);
      if (c.inClass) return posix;
      return next === 'p' ? `[${posix}]` : `[^${posix}]`;
    }
    return `\\${next}`;
  }
  if (next === 's') return c.inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
  if (next === 'S') {
    if (c.inClass) throw new UnsupportedPatternError(c.src, '\\S inside a class');
    return `[^${JAVA_SPACE}]`;
  }
  if (next === 'A') return '^';
  if (next === 'z') return '$';
  if (/[0-9A-Za-z]/.test(next)) return `\\${next}`;
  if (JS_ESCAPABLE.has(next) || (c.inClass && next === '-')) return `\\${next}`;
  return next;
}

/** Translates a Java pattern into the source of an equivalent JavaScript `u`-mode pattern. */
export function translateJavaPattern(pattern: string): string {
  const c: Cursor = { src: pattern, i: 0, inClass: false };
  let out = '';
  while (c.i < pattern.length) {
    const ch = pattern[c.i] as string;
    if (ch === '\\') {
      out += escape(c);
      continue;
    }
    c.i++;
    if (c.inClass) {
      if (ch === '[') throw new UnsupportedPatternError(pattern, 'a class nested in a class');
      if (ch === '&' && pattern[c.i] === '&') throw new UnsupportedPatternError(pattern, 'class intersection (&&)');
      if (ch === ']') c.inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      c.inClass = true;
      out += ch;
      // A `]` first in a class (after an optional `^`) is a literal in Java.
      if (pattern[c.i] === '^') out += pattern[c.i++];
      if (pattern[c.i] === ']') {
        out += '\\]';
        c.i++;
      }
      continue;
    }
    if (ch === '.') {
      out += JAVA_DOT;
      continue;
    }
    if (ch === '(' && pattern.startsWith('?>', c.i)) {
      out += '(?:';
      c.i += 2;
      continue;
    }
    out += ch;
    // A possessive quantifier (`*+`, `++`, `?+`, `{n}+`) matches as its greedy form.
    if ((ch === '*' || ch === '+' || ch === '?' || ch === '}') && pattern[c.i] === '+') c.i++;
  }
  return out;
}

const compiled = new Map<string, RegExp>();

/**
 * The `RegExp` that accepts exactly the strings Java's `Pattern.matches(pattern, s)` does;
 * compiled once per pattern, on first use.
 */
export function javaPattern(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${translateJavaPattern(pattern)})$`, 'u');
    } catch (err) {
      if (err instanceof UnsupportedPatternError) throw err;
      throw new UnsupportedPatternError(pattern, (err as Error).message);
    }
    compiled.set(pattern, re);
  }
  return re;
}
