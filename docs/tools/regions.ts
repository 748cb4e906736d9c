/**
 * Code regions of the example files and the two ways the docs show them.
 *
 * An example marks a region with `// #region NAME` and `// #endregion` (`# #region`
 * and `# #endregion` in Python and shell files). The docs show
 * a region as a script (its code, with the examples' `../src` imports written as a
 * user writes them, `botoscale/...`) and as a Node REPL session (each statement after
 * `> `, continuation lines after `... `, `console.log(x)` as just `x`, imports as
 * `require`, and what the statement printed when the example ran against botoscale
 * local). In a doc, `<!-- region: FILE#NAME -->` and `<!-- repl: FILE#NAME -->` each
 * precede the fenced block they describe; `<!-- output: FILE -->` precedes everything
 * the example file printed in its run.
 */
import ts from 'typescript';

/** A region of an example file. */
export interface Region {
  name: string;
  /** 1-based line of the first line of code (after the `#region` line). */
  startLine: number;
  /** 1-based line of the last line of code (before the `#endregion` line). */
  endLine: number;
  /** The code, with the common indentation removed. */
  code: string;
}

/** Something an example printed, and where from. */
export interface Printed {
  /** 1-based lines in the example file of the calls on the stack that printed it, innermost first. */
  lines: number[];
  /** As `console.log` printed it. */
  text: string;
  /** As the REPL would show the value, when one value was printed. */
  inspected?: string;
}

/** Reads every region of an example file; names must be unique and regions closed. */
export function readRegions(source: string, file = 'example'): Map<string, Region> {
  const regions = new Map<string, Region>();
  const lines = source.split('\n');
  let open: { name: string; start: number } | undefined;
  lines.forEach((line, i) => {
    const start = /^\s*(?:\/\/|#) #region (\S+)\s*$/.exec(line);
    if (start !== null) {
      if (open !== undefined) throw new Error(`${file}:${i + 1}: region ${start[1]} starts inside region ${open.name}`);
      open = { name: start[1] as string, start: i + 1 };
      return;
    }
    if (/^\s*(?:\/\/|#) #endregion\b/.test(line)) {
      if (open === undefined) throw new Error(`${file}:${i + 1}: #endregion without #region`);
      if (regions.has(open.name)) throw new Error(`${file}: region ${open.name} is defined twice`);
      const body = lines.slice(open.start, i);
      const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
      regions.set(open.name, {
        name: open.name,
        startLine: open.start + 1,
        endLine: i,
        code: body.map((l) => l.slice(indent)).join('\n').replace(/\s+$/, ''),
      });
      open = undefined;
    }
  });
  if (open !== undefined) throw new Error(`${file}: region ${open.name} is not closed`);
  return regions;
}

/** The examples import `../src/x`; a user imports `botoscale/x`. */
export function userImports(code: string): string {
  return code.replace(/(['"])\.\.\/src(\/[\w-]+)?\1/g, (_m, q: string, sub: string | undefined) => `${q}botoscale${sub ?? ''}${q}`);
}

/** A region as the docs show it in a script. */
export function scriptBlock(region: Region): string {
  return userImports(region.code);
}

function requireOf(node: ts.ImportDeclaration, source: ts.SourceFile): string {
  const from = node.moduleSpecifier.getText(source);
  const clause = node.importClause;
  if (clause === undefined) return `require(${from})`;
  const parts: string[] = [];
  if (clause.name !== undefined) parts.push(`const ${clause.name.text} = require(${from}).default`);
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) parts.push(`const ${bindings.name.text} = require(${from})`);
  if (bindings !== undefined && ts.isNamedImports(bindings)) {
    const names = bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName === undefined ? e.name.text : `${e.propertyName.text}: ${e.name.text}`));
    if (names.length > 0) parts.push(`const { ${names.join(', ')} } = require(${from})`);
  }
  return parts.join('\n');
}

/**
 * The statement's text without TypeScript's own syntax (type annotations, `!`, `as`
 * casts, type arguments), so that the REPL (JavaScript) accepts it.
 */
function withoutTypes(node: ts.Node, source: ts.SourceFile): string {
  const cuts: Array<[number, number]> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isNonNullExpression(n)) cuts.push([n.expression.getEnd(), n.getEnd()]);
    if (ts.isAsExpression(n) || ts.isSatisfiesExpression(n)) cuts.push([n.expression.getEnd(), n.getEnd()]);
    if (ts.isVariableDeclaration(n) && n.type !== undefined) cuts.push([(n.exclamationToken ?? n.name).getEnd(), n.type.getEnd()]);
    if (ts.isParameter(n) && n.type !== undefined) cuts.push([n.name.getEnd(), n.type.getEnd()]);
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.type !== undefined) {
      cuts.push([n.parameters.end + 1, n.type.getEnd()]);
    }
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && n.typeArguments !== undefined) {
      cuts.push([n.typeArguments.pos - 1, n.typeArguments.end + 1]);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  const start = node.getStart(source);
  let text = source.text.slice(start, node.getEnd());
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) text = text.slice(0, from - start) + text.slice(to - start);
  return text;
}

function isConsoleLog(node: ts.Statement): ts.Expression | undefined {
  if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return undefined;
  const call = node.expression;
  if (call.expression.getText() !== 'console.log' || call.arguments.length !== 1) return undefined;
  return call.arguments[0];
}

/** What the REPL is given for one statement, and the lines of the example it spans. */
interface ReplStatement {
  input: string;
  /** Shows the value (a `console.log(x)` given to the REPL as `x`). */
  showsValue: boolean;
  firstLine: number;
  lastLine: number;
}

function replStatements(region: Region): ReplStatement[] {
  const source = ts.createSourceFile('region.ts', region.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return source.statements.map((node) => {
    const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    const value = isConsoleLog(node);
    let input: string;
    if (ts.isImportDeclaration(node)) input = requireOf(node, source);
    else if (value !== undefined) input = withoutTypes(value, source);
    else input = withoutTypes(node, source).replace(/;$/, '');
    return { input: userImports(input), showsValue: value !== undefined, firstLine: region.startLine + start, lastLine: region.startLine + end };
  });
}

/** The REPL prompt lines of a region, without output: what the reader types. */
export function replInput(region: Region): string[] {
  return replStatements(region).flatMap((s) => s.input.split('\n').map((l, i) => `${i === 0 ? '>' : '...'} ${l}`.trimEnd()));
}

/** A region as a REPL session, with what each statement printed when the example ran. */
export function replBlock(region: Region, printed: Printed[]): string {
  const out: string[] = [];
  const lines = (s: ReplStatement): string[] => s.input.split('\n').map((l, i) => `${i === 0 ? '>' : '...'} ${l}`.trimEnd());
  for (const s of replStatements(region)) {
    out.push(...lines(s));
    for (const p of printed) {
      if (!p.lines.some((l) => l >= s.firstLine && l <= s.lastLine)) continue;
      out.push(s.showsValue && p.inspected !== undefined ? p.inspected : p.text);
    }
  }
  return out.join('\n');
}

/** Everything an example file printed, in order. */
export function outputBlock(printed: Printed[]): string {
  return printed.map((p) => p.text).join('\n');
}

/** A `<!-- region|repl: FILE#NAME -->` or `<!-- output: FILE -->` marker and the fenced block after it. */
export interface DocBlock {
  kind: 'region' | 'repl' | 'output';
  file: string;
  /** The region's name (`''` for an output block). */
  region: string;
  /** The block's content (between the fences). */
  content: string;
  /** The fence's info string (`ts`, `console`). */
  lang: string;
  /** 0-based line indexes in the document: first and last content line. */
  from: number;
  to: number;
}

/** Finds every marked block of a document. */
export function readDocBlocks(markdown: string, doc = 'doc'): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const m = /^<!-- (?:(region|repl): ([\w.-]+)#([\w-]+)|(output): ([\w.-]+)) -->$/.exec(lines[i] as string);
    if (m === null) continue;
    const fence = /^```(\w*)$/.exec(lines[i + 1] ?? '');
    if (fence === null) throw new Error(`${doc}:${i + 1}: a fenced block must follow ${lines[i]}`);
    let end = i + 2;
    while (end < lines.length && lines[end] !== '```') end += 1;
    if (end >= lines.length) throw new Error(`${doc}:${i + 2}: unclosed fence`);
    blocks.push({
      kind: (m[1] ?? m[4]) as DocBlock['kind'],
      file: (m[2] ?? m[5]) as string,
      region: m[3] ?? '',
      lang: fence[1] as string,
      content: lines.slice(i + 2, end).join('\n'),
      from: i + 2,
      to: end - 1,
    });
    i = end;
  }
  return blocks;
}

/** Replaces the content of each block with `render(block)`. */
export function rewriteDocBlocks(markdown: string, render: (block: DocBlock) => string): string {
  const lines = markdown.split('\n');
  const blocks = readDocBlocks(markdown);
  for (const b of [...blocks].reverse()) lines.splice(b.from, b.to - b.from + 1, ...render(b).split('\n'));
  return lines.join('\n');
}
