/**
 * Each AWS fact lives in one place: no module of src/ other than the rules modules
 * (src/core/rules/) writes out a list of AWS statistics, units, adjustment types or
 * termination policies. The scan reads every array literal of src/ with the TypeScript
 * parser and flags one holding three or more names of one of those lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ADJUSTMENT_TYPES, TERMINATION_POLICIES } from '../../src/core/rules/aws-rules';
import { CLOUDWATCH } from '../../src/core/rules/generated';
import { Metric } from '../../src/cloudwatch';

const SRC = join(__dirname, '../../src');
const RULES_DIR = 'core/rules/';

const LISTS: Record<string, readonly string[]> = {
  statistics: CLOUDWATCH.Statistic.enum,
  units: CLOUDWATCH.StandardUnit.enum,
  'adjustment types': ADJUSTMENT_TYPES,
  'termination policies': TERMINATION_POLICIES,
};

/**
 * Lists that are not AWS facts but boto2's, kept as boto2 wrote them: `Metric.Statistics`
 * is boto2's class attribute, in boto2's order (checked below to hold the model's names).
 */
const ALLOWED = new Set(['cloudwatch/metric.ts: statistics']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file: list` for every array literal naming three or more members of one list. */
function copies(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) {
      const strings = node.elements.filter(ts.isStringLiteralLike).map((e) => e.text);
      for (const [list, names] of Object.entries(LISTS)) {
        if (strings.filter((s) => names.includes(s)).length >= 3) found.push(`${relative(SRC, file)}: ${list}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('one source for AWS lists', () => {
  test('no module outside src/core/rules writes out statistics, units, adjustment types or termination policies', () => {
    const files = sources(SRC).filter((f) => !relative(SRC, f).startsWith(RULES_DIR));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap(copies).filter((c) => !ALLOWED.has(c));
    expect(found).toEqual([]);
  });

  test('the scan finds a copy when there is one', () => {
    const probe = ts.createSourceFile('probe.ts', "const s = ['Average', 'Sum', 'Maximum'];", ts.ScriptTarget.ES2022, true);
    let arrays = 0;
    ts.forEachChild(probe, function visit(n): void {
      if (ts.isArrayLiteralExpression(n)) arrays += 1;
      ts.forEachChild(n, visit);
    });
    expect(arrays).toBe(1);
    expect(copies(join(SRC, 'cloudwatch/metric.ts'))).toEqual(['cloudwatch/metric.ts: statistics']);
  });

  test("boto2's Metric.Statistics holds exactly the model's statistics", () => {
    expect([...Metric.Statistics].sort()).toEqual([...CLOUDWATCH.Statistic.enum].sort());
  });
});
