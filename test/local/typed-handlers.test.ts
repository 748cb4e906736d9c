/**
 * botoscale local is typed by the service models (issue 15): every service's handlers take
 * the SDK's input types and return its output types, errors take their status from the
 * models' error shapes or the table beside the rules, and nothing reads a request by hand.
 * These scans keep it so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const LOCAL = join(__dirname, '../../src/local');
const SERVICES = ['autoscale', 'cloudwatch', 'elb', 'ec2'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const serviceFiles = SERVICES.flatMap((s) => sources(join(LOCAL, s)));

function unwrap(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) ? unwrap(e.expression) : e;
}

/** Whether a function returns an object literal (its concise body, or a return statement of its own). */
function returnsLiteral(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (body === undefined) return false;
  if (!ts.isBlock(body)) return ts.isObjectLiteralExpression(unwrap(body));
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (n !== body && ts.isFunctionLike(n))) return;
    if (ts.isReturnStatement(n) && n.expression !== undefined && ts.isObjectLiteralExpression(unwrap(n.expression))) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * `file:line name` for every function that is a member of an object literal, returns an
 * object literal, and writes no return type: TypeScript checks such a literal's member
 * names only against a type written on the function, not against the handler table's.
 */
function untypedReturns(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    const member = ts.isMethodDeclaration(n) && ts.isObjectLiteralExpression(n.parent)
      ? n
      : (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isPropertyAssignment(n.parent) && ts.isObjectLiteralExpression(n.parent.parent)
        ? n
        : undefined;
    if (member !== undefined && member.type === undefined && returnsLiteral(member)) {
      const name = ts.isMethodDeclaration(member) ? member.name.getText() : (member.parent as ts.PropertyAssignment).name.getText();
      found.push(`${relative(LOCAL, file)}:${source.getLineAndCharacterOfPosition(member.getStart()).line + 1} ${name}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('botoscale local typed by the models', () => {
  test('every service builds its handler table from the SDK client types', () => {
    for (const service of SERVICES) {
      const texts = sources(join(LOCAL, service)).map((f) => readFileSync(f, 'utf8')).join('\n');
      expect([service, /wireHandlers<typeof \w+>\(/.test(texts)]).toEqual([service, true]);
    }
  });

  test('no handler or shape of a service works on untyped wire objects or reads members by hand', () => {
    const offenders = serviceFiles.filter((f) => /\bWireObject\b|from '\.\.\/input'/.test(readFileSync(f, 'utf8'))).map((f) => relative(LOCAL, f));
    expect(offenders).toEqual([]);
  });

  test('every error answer is built from the error tables (awsError, commonError), never with a status of its own', () => {
    const offenders = sources(LOCAL)
      .filter((f) => relative(LOCAL, f) !== 'errors.ts' && /new ServiceError\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(LOCAL, f));
    expect(offenders).toEqual([]);
  });

  test('a handler or shape returning an object literal writes its SDK output type', () => {
    expect(serviceFiles.flatMap(untypedReturns)).toEqual([]);
  });
});
