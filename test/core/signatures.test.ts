/**
 * Every constructor and public method of the four services declares its run-time
 * signature (src/core/signature.ts), and each table says what the TypeScript signature
 * and boto 2.49's parameters say: the positional parameters, boto2's parameters that may
 * follow them positionally (Python's binding), and the option names.
 */
import { join } from 'node:path';
import { expectedSignatures, normalise } from '../../docs/tools/signatures';
import { BOTO_ROOT } from '../../docs/tools/boto2-mapping';
import { declaredSignatures } from '../../src/core/signature';
import { requireDebianFiles } from '../helpers/python';

const ROOT = join(__dirname, '..', '..');
const MODULES: Record<string, Record<string, unknown>> = {
  autoscale: require('../../src/autoscale') as Record<string, unknown>,
  cloudwatch: require('../../src/cloudwatch') as Record<string, unknown>,
  elb: require('../../src/elb') as Record<string, unknown>,
  ec2: require('../../src/ec2') as Record<string, unknown>,
};
// Re-exported from src/core (region lookup) and an Array subclass: not this mechanism's.
const NOT_CHECKED = new Set(['RegionInfo', 'TerminationPolicies']);

test('every class of every service declares the signatures its TypeScript and boto2 say', () => {
  requireDebianFiles(join(BOTO_ROOT, 'ec2', 'autoscale', '__init__.py'), 'boto');
  const expected = expectedSignatures(ROOT, BOTO_ROOT);
  const problems: string[] = [];
  let count = 0;
  for (const [key, members] of expected) {
    const [module, className] = key.split('/') as [string, string];
    const mod = MODULES[module];
    if (mod === undefined || NOT_CHECKED.has(className)) continue;
    const declared = declaredSignatures(mod[className] as object);
    for (const [member, want] of members) {
      count += 1;
      const name = member === 'constructor' ? 'new' : member;
      const got = declared[name];
      if (got === undefined || normalise(got) !== normalise(want)) {
        problems.push(`${key}: declare  ${name}: '${want}',${got === undefined ? '' : `  (declared '${got}')`}`);
      }
    }
  }
  // A class or method added without its line: declareSignatures(Class, { ... }) beside it.
  expect(problems).toEqual([]);
  // 194 constructors and methods when this was written: the reader must not come back empty.
  expect(count).toBeGreaterThan(190);
});
