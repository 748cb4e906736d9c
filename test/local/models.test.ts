/**
 * The committed models in src/local/models/ are what scripts/gen-local-models.mjs makes
 * of botocore's service-2.json files, and they cover every action the simulated
 * services handle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloud } from '../../src/local/cloud';
import { PROFILES } from '../../src/local/protocol/services';
import type { ServiceName } from '../../src/local/types';

const ROOT = join(__dirname, '../..');
const MODELS = join(ROOT, 'src/local/models');
const BOTOCORE = '/usr/lib/python3/dist-packages/botocore';
const FILES: Record<ServiceName, string> = { autoscaling: 'autoscaling.json', monitoring: 'cloudwatch.json', elasticloadbalancing: 'elb.json', ec2: 'ec2.json' };

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

describe('local models', () => {
  test('the committed files are what the script makes of botocore (or, without botocore, parse and cover every handled action)', () => {
    expect(readdirSync(MODELS).sort()).toEqual(['autoscaling.json', 'cloudwatch.json', 'ec2.json', 'elb.json']);
    if (existsSync(BOTOCORE)) {
      const out = mkdtempSync(join(tmpdir(), 'botoscale-models-'));
      try {
        execFileSync(process.execPath, [join(ROOT, 'scripts/gen-local-models.mjs'), '--botocore', BOTOCORE, '--out', out]);
        for (const f of Object.values(FILES)) {
          expect({ file: f, text: readFileSync(join(out, f), 'utf8') }).toEqual({ file: f, text: readFileSync(join(MODELS, f), 'utf8') });
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    } else {
      const cloud = createCloud();
      for (const [service, f] of Object.entries(FILES) as Array<[ServiceName, string]>) {
        const model = JSON.parse(readFileSync(join(MODELS, f), 'utf8')) as { operations: Record<string, unknown> };
        for (const action of Object.keys(cloud.handlers(service))) expect(`${service} ${action}: ${action in model.operations}`).toBe(`${service} ${action}: true`);
      }
      cloud.dispose();
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
      protocol: 'query',
      serviceFullName: 'Amazon CloudWatch',
      serviceId: 'CloudWatch',
      signatureVersion: 'v4',
      uid: 'monitoring-2010-08-01',
      xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
    });
  });
});
