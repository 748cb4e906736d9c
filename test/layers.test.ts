/**
 * The layering ARCHITECTURE.md describes, checked on every import of src/ (static imports,
 * re-exports, `import()` and `require()`, types included):
 * - src/core/rules (the AWS rules) and src/core/version.ts (the package's version) import
 *   nothing else of src/: every side may use them;
 * - the client (src/index.ts, src/core, src/autoscale, src/cloudwatch, src/elb, src/ec2)
 *   never imports botoscale local (src/local) or autoscalectl (src/ctl);
 * - botoscale local imports only itself and src/core/rules (types and rules, nothing of
 *   the client's code);
 * - autoscalectl imports only itself, src/core/rules and the public entry points
 *   (src/index.ts and each service's index.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname, '../src');
const SERVICES = ['autoscale', 'cloudwatch', 'elb', 'ec2'];
const PUBLIC_ENTRIES = new Set(['index.ts', ...SERVICES.map((s) => `${s}/index.ts`)]);

/** The layer of a file of src/, by its path relative to src/. */
function layerOf(path: string): 'rules' | 'client' | 'local' | 'ctl' {
  if (path.startsWith('core/rules/') || path === 'core/version.ts') return 'rules';
  if (path.startsWith('local/')) return 'local';
  if (path.startsWith('ctl/')) return 'ctl';
  return 'client';
}

/** Why an import from `from` to `to` (both relative to src/) crosses a forbidden line, or undefined. */
function forbidden(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (b === 'rules') return undefined;
  if (a === 'rules') return 'src/core/rules imports nothing else of src/';
  if (a === 'client' && (b === 'local' || b === 'ctl')) return `the client must not import ${b === 'local' ? 'botoscale local' : 'autoscalectl'}`;
  if (a === 'local' && b !== 'local') return 'botoscale local shares only src/core/rules with the client side';
  if (a === 'ctl' && b === 'local') return 'autoscalectl is built on the public entry points only, not botoscale local';
  if (a === 'ctl' && b === 'client' && !PUBLIC_ENTRIES.has(to)) return 'autoscalectl imports only the public entry points (src/index.ts, src/<service>/index.ts)';
  return undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier of a file: imports, re-exports, `import()` and `require()`. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0] as ts.Expression)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push((node.arguments[0] as ts.StringLiteral).text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file of src/ a relative specifier names (a folder means its index.ts). */
function target(file: string, specifier: string): string {
  const base = relative(SRC, resolve(dirname(file), specifier));
  if (base.endsWith('.json') || base.endsWith('.ts')) return base;
  const isFolder = readdirSync(resolve(SRC, dirname(base)), { withFileTypes: true }).some((e) => e.isDirectory() && e.name === base.split('/').pop());
  return isFolder ? join(base, 'index.ts') : `${base}.ts`;
}

describe('layers', () => {
  test('no import in src/ crosses a line the architecture forbids', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(100);
    const crossings: string[] = [];
    for (const file of files) {
      const from = relative(SRC, file);
      for (const spec of specifiers(file).filter((s) => s.startsWith('.'))) {
        const to = target(file, spec);
        const why = forbidden(from, to);
        if (why !== undefined) crossings.push(`${from} imports ${to}: ${why}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  test('the rule sees the crossings it is meant to refuse', () => {
    expect([
      forbidden('autoscale/group.ts', 'local/server.ts'),
      forbidden('core/connection.ts', 'ctl/cli.ts'),
      forbidden('local/cloudwatch/alarms.ts', 'cloudwatch/checks.ts'),
      forbidden('local/cloudwatch/alarms.ts', 'core/validate.ts'),
      forbidden('ctl/aws/apply.ts', 'autoscale/group.ts'),
      forbidden('ctl/aws/apply.ts', 'local/index.ts'),
      forbidden('core/rules/aws-rules.ts', 'core/validate.ts'),
    ].every((why) => why !== undefined)).toBe(true);
    expect([
      forbidden('local/cloudwatch/alarms.ts', 'core/rules/aws-rules.ts'),
      forbidden('local/cloudwatch/model.ts', 'local/models/cloudwatch.json'),
      forbidden('ctl/config/schema.ts', 'core/rules/generated.ts'),
      forbidden('ctl/aws/apply.ts', 'autoscale/index.ts'),
      forbidden('ctl/aws/clients.ts', 'index.ts'),
      forbidden('cloudwatch/checks.ts', 'core/rules/generated.ts'),
      forbidden('autoscale/connection.ts', 'ec2/index.ts'),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test('the scan reads every kind of import', () => {
    const kinds = specifiers(join(SRC, 'cloudwatch/connection.ts'));
    expect(kinds).toEqual(expect.arrayContaining(['@aws-sdk/client-cloudwatch', '../core/errors']));
  });
});
