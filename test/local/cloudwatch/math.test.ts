/**
 * The metric math parser on its own: precedence and associativity, bounds on length and
 * depth, and a seeded, bounded fuzz run showing any text either parses or is a
 * MathSyntaxError (never a crash or a stack overflow).
 */
import { evaluate, type MathContext } from '../../../src/local/cloudwatch/math/evaluate';
import { MathSyntaxError, parseExpression, referencedIds, type MathNode } from '../../../src/local/cloudwatch/math/parser';

function show(n: MathNode): string {
  switch (n.kind) {
    case 'number':
      return String(n.value);
    case 'string':
      return JSON.stringify(n.value);
    case 'ref':
      return n.id;
    case 'keyword':
      return n.name;
    case 'negate':
      return `(-${show(n.arg)})`;
    case 'binary':
      return `(${show(n.left)} ${n.op} ${show(n.right)})`;
    case 'call':
      return `${n.name}(${n.args.map(show).join(', ')})`;
  }
}

test.each([
  ['1 + 2 * 3', '(1 + (2 * 3))'],
  ['(1 + 2) * 3', '((1 + 2) * 3)'],
  ['8 / 4 / 2', '((8 / 4) / 2)'],
  ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
  ['-2 ^ 2', '(-(2 ^ 2))'],
  ['2 ^ -1', '(2 ^ (-1))'],
  ['m1 - -m2', '(m1 - (-m2))'],
  ['1.5e3 + .5', '(1500 + 0.5)'],
  ['SUM(METRICS("err"))', 'SUM(METRICS("err"))'],
  ["FILL(m1, REPEAT) + AVG(m2)", '(FILL(m1, REPEAT) + AVG(m2))'],
])('%s parses as %s', (text, shown) => {
  expect(show(parseExpression(text))).toBe(shown);
});

test('referenced ids are the lowercase names, not functions or keywords', () => {
  expect(referencedIds(parseExpression('FILL(m1, LINEAR) / SUM(METRICS()) + e_2'))).toEqual(['m1', 'e_2']);
});

test.each([
  ['', 1, 'the expression is empty'],
  ['m1 +', 5, 'unexpected end of expression'],
  ['m1 m2', 4, "unexpected 'm2'"],
  ['SUM(m1', 7, "expected ')' but found end of expression"],
  ['m1 % 2', 4, "unexpected character '%'"],
  ['METRICS("x)', 9, 'unterminated string'],
  ['x'.repeat(2049), 2049, 'the expression is longer than 2048 characters'],
  [`${'-'.repeat(100)}1`, 65, 'the expression nests deeper than 64 levels'],
])('%j is a syntax error at %i: %s', (text, position, message) => {
  let caught: unknown;
  try {
    parseExpression(text);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MathSyntaxError);
  expect([(caught as MathSyntaxError).position, (caught as MathSyntaxError).message]).toEqual([position, message]);
});

test('2,000 seeded random expressions either parse or are MathSyntaxErrors', () => {
  let seed = 14;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pieces = ['m1', 'e2', 'SUM', 'FILL', 'METRICS', '(', ')', ',', '+', '-', '*', '/', '^', '1', '2.5', '"p"', 'REPEAT', ' ', '(((', ')))'];
  for (let i = 0; i < 2000; i++) {
    let text = '';
    const n = 1 + Math.floor(random() * 40);
    for (let k = 0; k < n; k++) text += pieces[Math.floor(random() * pieces.length)];
    try {
      parseExpression(text);
    } catch (e) {
      if (!(e instanceof MathSyntaxError)) throw new Error(`${JSON.stringify(text)} threw ${String(e)}`);
    }
  }
});

test('MIN and MAX of a long series answer its extremes (no argument spreading to overflow the stack)', () => {
  const points = new Map<number, number>();
  for (let i = 0; i < 300_000; i++) points.set(i * 1000, i % 1000);
  const series = { label: 'm1', period: 1, points };
  const ctx: MathContext = { start: 0, end: 300_000_000, resolve: () => ({ kind: 'series', series }), metrics: () => [{ id: 'm1', series }], charge: () => undefined };
  expect(evaluate(parseExpression('MAX(m1) - MIN(m1)'), ctx, 'e1')).toEqual({ kind: 'scalar', value: 999 });
  expect(evaluate(parseExpression('MAX(METRICS())'), ctx, 'e1')).toMatchObject({ kind: 'series' });
});
