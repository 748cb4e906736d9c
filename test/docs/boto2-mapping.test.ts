/**
 * docs/boto2-mapping.md is what docs/tools/boto2-mapping.ts generates from boto 2.49's
 * sources and botoscale's, and every botoscale name it shows is really exported.
 * BOTOSCALE_UPDATE_DOCS=1 rewrites the document instead of comparing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOTO_ROOT, generateMapping, MAPPING_FILE, parseMapping } from '../../docs/tools/boto2-mapping';

const ROOT = join(__dirname, '..', '..');
const FILE = join(ROOT, MAPPING_FILE);
const HAVE_BOTO = existsSync(join(BOTO_ROOT, 'ec2', 'autoscale', '__init__.py'));
const UPDATE = process.env.BOTOSCALE_UPDATE_DOCS === '1';

const ENTRY: Record<string, string> = {
  botoscale: '../../src',
  'botoscale/autoscale': '../../src/autoscale',
  'botoscale/cloudwatch': '../../src/cloudwatch',
  'botoscale/elb': '../../src/elb',
  'botoscale/ec2': '../../src/ec2',
};

function loadModule(section: string): Record<string, unknown> {
  const path = ENTRY[section];
  if (path === undefined) throw new Error(`unknown botoscale module ${section}`);
  return require(path) as Record<string, unknown>;
}

// Without boto's sources (Debian's python3-boto) the table cannot be regenerated: the
// tests that compare with them fail, saying what to install.
const generated = HAVE_BOTO ? generateMapping(ROOT) : undefined;
const NO_BOTO = `boto 2.49's sources are needed (${BOTO_ROOT}): apt-get install python3-boto python3-boto3`;

test('every boto2 name has a botoscale counterpart or a stated reason', () => {
  if (generated === undefined) throw new Error(NO_BOTO);
  const missing = generated.rows.filter((r) => r.status === 'missing').map((r) => `${r.key} → ${r.botoscale}`);
  expect(missing).toEqual([]);
});

test('the committed table is what the generator produces from boto 2.49\'s sources', () => {
  if (generated === undefined) throw new Error(NO_BOTO);
  if (UPDATE) writeFileSync(FILE, generated.markdown);
  const committed = readFileSync(FILE, 'utf8').split('\n');
  const expected = generated.markdown.split('\n');
  const at = expected.findIndex((line, i) => line !== committed[i]);
  const first = at < 0 && committed.length !== expected.length ? expected.length : at;
  // A signature changed in src/: regenerate with BOTOSCALE_UPDATE_DOCS=1 npx jest test/docs/boto2-mapping
  expect({ line: first + 1, committed: committed[first], generated: expected[first] }).toEqual({ line: 0, committed: undefined, generated: undefined });
});

test('the table covers the tutorials\' calls', () => {
  const rows = parseMapping(readFileSync(FILE, 'utf8'));
  const has = (section: string, boto: string): boolean => rows.some((r) => r.section === section && r.boto.startsWith(boto));
  expect(has('boto.ec2.autoscale', 'AutoScaleConnection.get_all_groups(')).toBe(true);
  expect(has('boto.ec2.autoscale.group', 'AutoScalingGroup.shutdown_instances(')).toBe(true);
  expect(has('boto.ec2.cloudwatch', 'CloudWatchConnection.create_alarm(')).toBe(true);
  expect(has('boto.ec2.elb.loadbalancer', 'LoadBalancer.configure_health_check(')).toBe(true);
  expect(has('boto.ec2', 'EC2Connection.get_only_instances(')).toBe(true);
  expect(has('boto.ec2', 'connect_to_region(')).toBe(true);
  expect(has('boto', 'connect_autoscale(')).toBe(true);
});

test('every botoscale name in the committed table is exported', () => {
  const rows = parseMapping(readFileSync(FILE, 'utf8'));
  expect(rows.length).toBeGreaterThan(150);
  const problems: string[] = [];
  for (const row of rows) {
    if (row.botoscale === '—') continue;
    const mod = loadModule(row.module);
    const ctor = /^new (\w+)\(/.exec(row.botoscale);
    const method = /^(\w+)\.(\w+)\(/.exec(row.botoscale);
    const fn = /^(\w+)\(/.exec(row.botoscale);
    if (ctor !== null) {
      if (typeof mod[ctor[1] as string] !== 'function') problems.push(`${row.boto}: class ${ctor[1]} is not exported`);
    } else if (method !== null) {
      const cls = mod[method[1] as string] as { prototype?: Record<string, unknown> } | undefined;
      if (typeof cls?.prototype?.[method[2] as string] !== 'function') problems.push(`${row.boto}: ${method[1]}.${method[2]} is not a method`);
    } else if (fn !== null) {
      if (typeof mod[fn[1] as string] !== 'function') problems.push(`${row.boto}: ${fn[1]} is not exported`);
    } else {
      problems.push(`${row.boto}: cannot read ${row.botoscale}`);
    }
  }
  expect(problems).toEqual([]);
});
