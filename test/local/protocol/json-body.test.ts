/** JSON bodies: parsed with a bound on nesting, brackets inside strings not counted. */
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJsonBody } from '../../../src/local/protocol/json-body';

test('depth counts arrays and objects, not brackets in strings or escaped quotes', () => {
  expect(nestsDeeperThan('[[1]]', 2)).toBe(false);
  expect(nestsDeeperThan('[[[1]]]', 2)).toBe(true);
  expect(nestsDeeperThan('{"a":{"b":[]}}', 2)).toBe(true);
  expect(nestsDeeperThan(`["${'['.repeat(50)}", "\\"[[[["]`, 1)).toBe(false);
  expect(nestsDeeperThan('[1],[2],[3]', 1)).toBe(false);
});

test('a body at the limit parses; one level more is refused; bad syntax is its own problem', () => {
  const at = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
  expect(parseJsonBody(at).ok).toBe(true);
  expect(parseJsonBody(`[${at}]`)).toEqual({ ok: false, problem: 'depth' });
  expect(parseJsonBody('{"a":')).toEqual({ ok: false, problem: 'syntax' });
  expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
});
