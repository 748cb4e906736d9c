/**
 * The services the composition builds answer every action boto 2.49 calls, and only
 * actions of the AWS models.
 */
import { readFileSync } from 'node:fs';
import { createAutoScalingService } from '../../../src/local/autoscale';
import { createCloudWatchService } from '../../../src/local/cloudwatch';
import { fakeCloud } from '../autoscale/fakes';
import { DEBIAN_DIST_PACKAGES, requireDebianFiles } from '../../helpers/python';

const BOTO = `${DEBIAN_DIST_PACKAGES}/boto/ec2`;
const MODELS = `${DEBIAN_DIST_PACKAGES}/botocore/data`;

function botoActions(file: string): string[] {
  requireDebianFiles(`${BOTO}/${file}`, 'boto');
  const text = readFileSync(`${BOTO}/${file}`, 'utf8');
  return [...new Set([...text.matchAll(/get_(?:list|object|status)\(\s*'([A-Za-z]+)'/g)].map((m) => m[1] as string))].sort();
}

function modelActions(path: string): string[] {
  requireDebianFiles(`${MODELS}/${path}`, 'botocore');
  const model = JSON.parse(readFileSync(`${MODELS}/${path}`, 'utf8')) as { operations: Record<string, unknown> };
  return Object.keys(model.operations);
}

test.each([
  ['Auto Scaling', 'autoscale/__init__.py', 'autoscaling/2011-01-01/service-2.json', createAutoScalingService],
  ['CloudWatch', 'cloudwatch/__init__.py', 'cloudwatch/2010-08-01/service-2.json', createCloudWatchService],
])('%s handles every action boto2 calls, and only model actions', (_name, boto, model, create) => {
  const cloud = fakeCloud();
  const service = create(cloud);
  const handled = Object.keys(service.handlers);
  const missing = botoActions(boto).filter((a) => !handled.includes(a));
  expect(missing).toEqual([]);
  const known = modelActions(model);
  expect(handled.filter((a) => !known.includes(a))).toEqual([]);
  expect(typeof service.step).toBe('function');
  expect(JSON.parse(JSON.stringify(service.snapshot()))).toEqual(service.snapshot());
});
