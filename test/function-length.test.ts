/**
 * No function in src/ longer than about 100 lines unless it is data (BRIEF.md's style rule,
 * issue 15's "smaller rooms"). Every function-like node is measured (declarations, methods,
 * constructors, accessors, function expressions and arrow functions, nested ones too), from
 * its first line to its last. Data is exempt: tables are `const` literals, not functions,
 * and a function whose whole body returns one literal with no function in it is data too.
 * What is still too long is named in {@link ALLOWED} with the reason; an entry that is gone
 * or short enough makes the test fail, so the list only shrinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname, '../src');
const MAX_LINES = 100;

/** Functions over {@link MAX_LINES} still to split, by `path relative to src/:name`, with the reason they are left. */
const ALLOWED: Record<string, string> = {};

interface Measured {
  key: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The name a function goes by: its own, else the variable, property or class member it is assigned to. */
function nameOf(node: ts.SignatureDeclaration, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return `${(node.parent as ts.ClassLikeDeclaration).name?.getText(source) ?? '<class>'}.constructor`;
  if (node.name !== undefined) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name !== undefined) return parent.name.getText(source);
  return `<anonymous at line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}>`;
}

function containsFunction(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || (ts.forEachChild(node, containsFunction) ?? false);
}

function isLiteral(e: ts.Expression): boolean {
  const inner = ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) ? e.expression : e;
  return ts.isObjectLiteralExpression(inner) || ts.isArrayLiteralExpression(inner);
}

/** A function whose whole body is one literal (an object or array) with no function inside: data. */
function isData(body: ts.ConciseBody): boolean {
  let value: ts.Expression | undefined;
  if (ts.isBlock(body)) {
    const [only] = body.statements;
    if (body.statements.length === 1 && only !== undefined && ts.isReturnStatement(only)) value = only.expression;
  } else {
    value = body;
  }
  return value !== undefined && isLiteral(value) && !containsFunction(value);
}

/** Every function of `text` longer than `max` lines. */
function longFunctions(fileName: string, text: string, max: number): Measured[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Measured[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const body = node.body as ts.ConciseBody;
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max && !isData(body)) found.push({ key: `${fileName}:${nameOf(node, source)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  const measured = sourceFiles(SRC).flatMap((path) => longFunctions(relative(SRC, path).split('\\').join('/'), readFileSync(path, 'utf8'), MAX_LINES));

  it(`finds no function in src/ over ${MAX_LINES} lines but data and the allowed ones`, () => {
    const tooLong = measured.filter((m) => ALLOWED[m.key] === undefined).map((m) => `${m.key} (${m.lines} lines)`);
    expect(tooLong).toEqual([]);
  });

  it('has no allowed entry that is gone or short enough now (take it off the list)', () => {
    const stillLong = new Set(measured.map((m) => m.key));
    expect(Object.keys(ALLOWED).filter((key) => !stillLong.has(key))).toEqual([]);
  });

  it('measures functions of every kind, nested ones too, and exempts only pure data', () => {
    const filler = (n: number): string => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const rows = (n: number): string => Array.from({ length: n }, (_, i) => `    k${i}: ${i},`).join('\n');
    const text = [
      `export function long(): void {\n${filler(100)}\n}`,
      `export function short(): void {\n${filler(98)}\n}`,
      `export const arrow = (): void => {\n${filler(100)}\n};`,
      `class C {\n  constructor() {\n${filler(100)}\n  }\n  method(): void {\n${filler(100)}\n  }\n}`,
      `export function table(): object {\n  return {\n${rows(100)}\n  };\n}`,
      `export function handlers(): object {\n  return {\n    f() {\n      return 1;\n    },\n${rows(100)}\n  };\n}`,
      `export function outer(): void {\n  const inner = function (): void {\n${filler(100)}\n  };\n  inner();\n}`,
      'void C;',
    ].join('\n');
    const found = longFunctions('sample.ts', text, MAX_LINES).map((m) => m.key);
    expect(found).toEqual([
      'sample.ts:long',
      'sample.ts:arrow',
      'sample.ts:C.constructor',
      'sample.ts:method',
      'sample.ts:handlers',
      'sample.ts:outer',
      'sample.ts:inner',
    ]);
  });
});
