import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/ctl/cli';
import { formatConfigError } from '../../src/ctl/config/errors';
import { parseConfig } from '../../src/ctl/config/load';
import { emptyState } from '../../src/ctl/model/types';
import { plan } from '../../src/ctl/plan/plan';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'autoscalectl.md'), 'utf8');

function blocks(lang: string): string[] {
  return [...DOC.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string);
}

test('the complete example of docs/autoscalectl.md is valid and uses every extension', () => {
  const [example] = blocks('yaml');
  const r = parseConfig(example ?? '', 'docs/autoscalectl.md');
  if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
  const d = r.config.desired;
  expect(d.groups.map((g) => g.name)).toEqual(['backend', 'stage', 'frontend']);
  expect(d.loadBalancers.map((l) => l.name)).toEqual(['web']);
  const frontend = d.groups[2];
  expect(frontend?.alarms.map((a) => a.name)).toEqual([
    'frontend|scale_up|CPUUtilization',
    'frontend|scale_down|CPUUtilization',
    'frontend|scale_out_fast|Latency',
    'frontend|scale_up|ApproximateNumberOfMessagesVisible',
  ]);
  expect(frontend?.policies.map((p) => p.name)).toEqual(['frontend|scale_up', 'frontend|scale_down', 'frontend|scale_out_fast']);
  expect(frontend?.lifecycleHooks.map((h) => [h.name, h.transition, h.heartbeatTimeout, h.defaultResult])).toEqual([['warm-up', 'autoscaling:EC2_INSTANCE_LAUNCHING', 600, 'CONTINUE']]);
  expect(plan(emptyState(), d).actions).toHaveLength(1 + 3 + 3 + 3 + 2 + 7 + 8);
});

test('the validation output shown is what autoscalectl prints', async () => {
  const fixture = readFileSync(join(__dirname, 'fixtures', 'autoscale.yaml'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'autoscalectl-doc-'));
  const file = join(dir, 'autoscale.yaml');
  writeFileSync(file, fixture
    .replace('    min_size: 2\n', '    min_size: 20\n')
    .replace("comparison: '<='", "comparison: '=<'")
    .replace("type: 'PercentChangeInCapacity'\n    cooldown: 600", "type: 'Percent'\n    cooldown: 600")
    .replace("    instance_type: 'c1.medium'\n", "    instance_type: 'c1.medium'\n    instance_typ: 'c1.medium'\n"));
  let stderr = '';
  const code = await main(['validate', file], { stdout: { write: () => true }, stderr: { write: (t: string) => { stderr += t; } }, env: {} });
  expect(code).toBe(1);
  const shown = blocks('text').find((b) => b.startsWith('error: autoscale.yaml'));
  expect(stderr.split(file).join('autoscale.yaml')).toBe(shown);
});

test('the lifecycle hooks example is valid, and its plan shows the hooks with the group as documented', () => {
  const example = blocks('yaml').find((b) => b.includes('lifecycle_hooks:\n      - name: warm-up'));
  const r = parseConfig(example ?? '', 'docs/autoscalectl.md');
  if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
  const [create] = plan(emptyState(), r.config.desired).actions.filter((a) => a.resource === 'group');
  const shown = DOC.slice(DOC.indexOf('## Lifecycle hooks'));
  for (const c of create?.changes.filter((x) => x.field.startsWith('lifecycle_hooks.')) ?? []) expect(shown).toContain(`${c.field}: ${String(c.new)}`);
  expect(shown).toContain(`# ${create?.note ?? ''}`);
});
