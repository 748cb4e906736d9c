/**
 * Reads boto 2.49's Python sources far enough to list their public API: module
 * functions, classes, and each class's public methods (`def`s and `name = other`
 * aliases) with their parameters. A line-based reader, not a Python parser: boto's
 * modules are regular enough (four-space indentation, no decorators on these classes).
 */

/** One parameter of a Python `def`. */
export interface PyParam {
  /** The name, without `*` or `**`. */
  name: string;
  /** The default's source text, when there is one. */
  default?: string;
  /** `*args` or `**kwargs`. */
  star?: '*' | '**';
}

/** A public `def` (or an alias of one). */
export interface PyFunction {
  name: string;
  /** Parameters without `self`. */
  params: PyParam[];
  /** For `create_alarm = put_metric_alarm`: the aliased method. */
  aliasOf?: string;
  /** The body answers with `self.get_list(...)`: a boto2 ResultSet of one page. */
  returnsList: boolean;
  /** The body answers with `self.get_status(...)`: `True` on success. */
  returnsStatus: boolean;
}

/** A class and its public methods, in source order. */
export interface PyClass {
  name: string;
  /** The `__init__` parameters without `self` (none when the class has no `__init__`). */
  init: PyParam[];
  methods: PyFunction[];
}

/** What one Python module defines publicly. */
export interface PyModule {
  functions: PyFunction[];
  classes: PyClass[];
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const ch of text) {
    if (quote !== undefined) {
      current += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth += 1;
    else if (')]}'.includes(ch)) depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Parses the text between a `def`'s parentheses. */
export function parseParams(text: string): PyParam[] {
  const params: PyParam[] = [];
  for (const part of splitTopLevel(text.replace(/#[^\n]*/g, ''))) {
    const star = part.startsWith('**') ? '**' : part.startsWith('*') ? '*' : undefined;
    const bare = part.slice(star?.length ?? 0);
    const eq = bare.indexOf('=');
    const name = (eq < 0 ? bare : bare.slice(0, eq)).trim();
    if (name === 'self' || name === '') continue;
    const param: PyParam = { name };
    if (eq >= 0) param.default = bare.slice(eq + 1).trim();
    if (star !== undefined) param.star = star;
    params.push(param);
  }
  return params;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The `def`'s parameter text (which may span lines) and the index of its last line. */
function readSignature(lines: string[], start: number): { params: string; end: number } {
  let text = '';
  let depth = 0;
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i] as string;
    for (const ch of line) {
      if (ch === '(') {
        depth += 1;
        if (depth === 1) continue;
      } else if (ch === ')') {
        depth -= 1;
        if (depth === 0) return { params: text, end: i };
      }
      if (depth >= 1) text += ch;
    }
    text += '\n';
  }
  throw new Error(`unterminated def at line ${start + 1}`);
}

/** The lines of a block that starts after `end` and is indented deeper than `indent`. */
function bodyOf(lines: string[], end: number, indent: number): string {
  const body: string[] = [];
  for (let i = end + 1; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() !== '' && indentOf(line) <= indent) break;
    body.push(line);
  }
  return body.join('\n');
}

/** Lists a module's public functions and classes with their public methods. */
export function parsePythonModule(source: string): PyModule {
  const lines = source.split('\n');
  const out: PyModule = { functions: [], classes: [] };
  let cls: PyClass | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent === 0) cls = undefined;
    const classMatch = /^class (\w+)\s*[(:]/.exec(line);
    if (classMatch !== null) {
      cls = { name: classMatch[1] as string, init: [], methods: [] };
      if (!cls.name.startsWith('_')) out.classes.push(cls);
      continue;
    }
    const defMatch = /^(\s*)def (\w+)\s*\(/.exec(line);
    if (defMatch !== null && (indent === 0 || (cls !== undefined && indent === 4))) {
      const name = defMatch[2] as string;
      const sig = readSignature(lines, i);
      const body = bodyOf(lines, sig.end, indent);
      const fn: PyFunction = {
        name,
        params: parseParams(sig.params),
        returnsList: /return self\.get_list\(/.test(body),
        returnsStatus: /return self\.get_status\(/.test(body),
      };
      if (indent === 0) {
        if (!name.startsWith('_')) out.functions.push(fn);
      } else if (cls !== undefined) {
        if (name === '__init__') cls.init = fn.params;
        else if (!name.startsWith('_')) cls.methods.push(fn);
      }
      i = sig.end;
      continue;
    }
    const alias = /^ {4}(\w+) = (\w+)\s*$/.exec(line);
    if (alias !== null && cls !== undefined) {
      const target = cls.methods.find((m) => m.name === alias[2]);
      if (target !== undefined && !(alias[1] as string).startsWith('_')) {
        cls.methods.push({ ...target, name: alias[1] as string, aliasOf: target.name });
      }
    }
  }
  return out;
}
