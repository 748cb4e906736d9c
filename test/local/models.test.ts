/**
 * The committed models in src/local/models/ are what scripts/gen-local-models.mjs makes
 * of the botocore release they name, they cover every action the simulated services
 * handle, and they still accept what Debian's older botocore (the boto3 the
 * independent-client tests run) sends.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODELS_VERSION } from '../../src/core/rules/generated';
import { createCloud } from '../../src/local/cloud';
import type { ServiceModel } from '../../src/local/protocol/model';
import { PROFILES } from '../../src/local/protocol/services';
import type { ServiceName } from '../../src/local/types';
import { DEBIAN_DIST_PACKAGES, requireDebianFiles } from '../helpers/python';

const ROOT = join(__dirname, '../..');
const MODELS = join(ROOT, 'src/local/models');
const GENERATOR = join(ROOT, 'scripts/gen-local-models.mjs');
const DEBIAN_BOTOCORE = `${DEBIAN_DIST_PACKAGES}/botocore`;
const FILES: Record<ServiceName, string> = { autoscaling: 'autoscaling.json', monitoring: 'cloudwatch.json', elasticloadbalancing: 'elb.json', ec2: 'ec2.json' };

/** `botocore 1.43.107` → `1.43.107`. */
const VERSION = MODELS_VERSION.replace(/^botocore /, '');

function botocoreVersionAt(dir: string): string | undefined {
  if (!existsSync(join(dir, '__init__.py'))) return undefined;
  return /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(readFileSync(join(dir, '__init__.py'), 'utf8'))?.[1];
}

/**
 * Where the botocore the committed models name is on this machine, if it is: the path
 * in BOTOSCALE_BOTOCORE (a wheel or a package folder), its wheel where the development
 * machines keep PyPI's files, or Debian's python3-botocore when it is that release. CI
 * installs only Debian's (older) one, so there the committed files are checked without
 * regenerating them; `node scripts/gen-local-models.mjs --botocore PATH` says how.
 */
function namedBotocore(): string | undefined {
  const candidates = [
    process.env.BOTOSCALE_BOTOCORE,
    ...['/opt/pypi/files', '/opt/pypi-more/files'].map((d) => `${d}/botocore-${VERSION}-py3-none-any.whl`),
  ];
  const found = candidates.find((c) => c !== undefined && c !== '' && existsSync(c));
  if (found !== undefined) return found;
  return botocoreVersionAt(DEBIAN_BOTOCORE) === VERSION ? DEBIAN_BOTOCORE : undefined;
}

function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysDeep(v, out);
    }
  }
  return out;
}

/**
 * What an older model's operations accept and a newer one would refuse: an operation,
 * an input member (at any depth) or an enum value gone, or a type changed.
 */
function lostInputs(older: ServiceModel, newer: ServiceModel): string[] {
  const lost: string[] = [];
  const walk = (oldShape: string, newShape: string, path: string, seen: Set<string>): void => {
    if (seen.has(oldShape)) return;
    const o = older.shapes[oldShape];
    const n = newer.shapes[newShape];
    if (o === undefined || n === undefined) return void lost.push(`${path}: shape ${oldShape}`);
    if (o.type !== n.type) return void lost.push(`${path}: ${o.type} became ${n.type}`);
    const inner = new Set(seen).add(oldShape);
    for (const v of o.enum ?? []) if (n.enum !== undefined && !n.enum.includes(v)) lost.push(`${path}: enum value ${v}`);
    for (const [m, ref] of Object.entries(o.members ?? {})) {
      const nref = n.members?.[m];
      if (nref === undefined) lost.push(`${path}.${m}`);
      else walk(ref.shape, nref.shape, `${path}.${m}`, inner);
    }
    if (o.member && n.member) walk(o.member.shape, n.member.shape, `${path}[]`, inner);
    if (o.value && n.value) walk(o.value.shape, n.value.shape, `${path}{}`, inner);
  };
  for (const [name, op] of Object.entries(older.operations)) {
    const nop = newer.operations[name];
    if (nop === undefined) lost.push(name);
    else if (op.input !== undefined && nop.input !== undefined) walk(op.input.shape, nop.input.shape, name, new Set());
  }
  return lost;
}

describe('local models', () => {
  test(`the committed files name ${MODELS_VERSION} and are what the script makes of it (where it is on this machine)`, () => {
    expect(readdirSync(MODELS).sort()).toEqual(['autoscaling.json', 'cloudwatch.json', 'ec2.json', 'elb.json']);
    for (const f of Object.values(FILES)) {
      const { source } = JSON.parse(readFileSync(join(MODELS, f), 'utf8')) as { source: string };
      expect({ file: f, source }).toEqual({ file: f, source: expect.stringMatching(new RegExp(`^${MODELS_VERSION.replace(/\./g, '\\.')} data/[a-z0-9]+/[0-9-]+/service-2\\.json$`)) });
    }
    const botocore = namedBotocore();
    if (botocore === undefined) return; // CI: no such botocore; the tests below check what the files must hold.
    const out = mkdtempSync(join(tmpdir(), 'botoscale-models-'));
    try {
      execFileSync(process.execPath, [GENERATOR, '--botocore', botocore, '--out', out]);
      for (const f of Object.values(FILES)) {
        expect({ file: f, text: readFileSync(join(out, f), 'utf8') }).toEqual({ file: f, text: readFileSync(join(MODELS, f), 'utf8') });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("the models still take every member and enum value Debian's botocore sends for the actions botoscale local implements", () => {
    // Debian's boto3 (python3-botocore) drives botoscale local in the independent-client
    // tests: whatever its older models may send must still be in the committed ones.
    requireDebianFiles(`${DEBIAN_BOTOCORE}/data`, 'botocore');
    const out = mkdtempSync(join(tmpdir(), 'botoscale-models-debian-'));
    try {
      execFileSync(process.execPath, [GENERATOR, '--botocore', DEBIAN_BOTOCORE, '--out', out]);
      for (const [service, f] of Object.entries(FILES) as Array<[ServiceName, string]>) {
        const older = JSON.parse(readFileSync(join(out, f), 'utf8')) as ServiceModel;
        expect({ service, lost: lostInputs(older, PROFILES[service].model) }).toEqual({ service, lost: [] });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('every handled action has its operation in the model, and every operation in the model has a handler', () => {
    const cloud = createCloud();
    for (const service of Object.keys(FILES) as ServiceName[]) {
      const handled = Object.keys(cloud.handlers(service)).sort();
      const modelled = Object.keys(PROFILES[service].model.operations).sort();
      expect({ service, actions: handled }).toEqual({ service, actions: modelled });
    }
    cloud.dispose();
  });

  test('models keep wire names and constraints but no documentation', () => {
    for (const f of Object.values(FILES)) {
      const keys = keysDeep(JSON.parse(readFileSync(join(MODELS, f), 'utf8')));
      expect(keys.has('documentation')).toBe(false);
      expect(keys.has('shapes')).toBe(true);
    }
    const asModel = PROFILES.autoscaling.model;
    expect(asModel.operations.DescribeAutoScalingGroups?.output).toEqual({ shape: 'AutoScalingGroupsType', resultWrapper: 'DescribeAutoScalingGroupsResult' });
    expect(asModel.shapes.XmlStringMaxLen255).toEqual({ type: 'string', min: 1, max: 255, pattern: '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*' });
    expect(PROFILES.ec2.model.shapes.DescribeInstancesRequest?.members?.InstanceIds).toEqual({ shape: 'InstanceIdStringList', locationName: 'InstanceId' });
    expect(PROFILES.monitoring.model.metadata).toEqual({
      apiVersion: '2010-08-01',
      endpointPrefix: 'monitoring',
      awsQueryCompatible: {},
      jsonVersion: '1.0',
      protocol: 'smithy-rpc-v2-cbor',
      protocols: ['smithy-rpc-v2-cbor', 'json', 'query'],
      serviceFullName: 'Amazon CloudWatch',
      serviceId: 'CloudWatch',
      signatureVersion: 'v4',
      targetPrefix: 'GraniteServiceVersion20100801',
      uid: 'monitoring-2010-08-01',
      xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
    });
  });
});
