#!/usr/bin/env node
// Writes the trimmed AWS service models botoscale local runs on (src/local/models/*.json)
// from the models Debian's python3-botocore ships. Only the operations botoscale local
// implements are kept, with the shapes reachable from them, and without documentation:
// npm users have no botocore, so the result is committed.
//
//   node scripts/gen-local-models.mjs [--botocore DIR] [--out DIR]
//
// The output is a pure function of the botocore files: running it twice gives the same
// bytes, which test/local/models.test.ts checks against the committed copies.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The operations botoscale local implements, by model file. */
export const SERVICES = {
  autoscaling: {
    dir: 'autoscaling/2011-01-01',
    operations: [
      'AttachInstances', 'AttachLoadBalancers', 'BatchDeleteScheduledAction', 'BatchPutScheduledUpdateGroupAction',
      'CompleteLifecycleAction', 'CreateAutoScalingGroup', 'CreateLaunchConfiguration',
      'CreateOrUpdateTags', 'DeleteAutoScalingGroup', 'DeleteLaunchConfiguration', 'DeleteLifecycleHook',
      'DeleteNotificationConfiguration', 'DeletePolicy', 'DeleteScheduledAction', 'DeleteTags', 'DescribeAccountLimits', 'DescribeAdjustmentTypes',
      'DescribeAutoScalingGroups', 'DescribeAutoScalingInstances', 'DescribeAutoScalingNotificationTypes',
      'DescribeLaunchConfigurations', 'DescribeLifecycleHookTypes', 'DescribeLifecycleHooks', 'DescribeLoadBalancers', 'DescribeMetricCollectionTypes',
      'DescribeNotificationConfigurations', 'DescribePolicies', 'DescribeScalingActivities',
      'DescribeScalingProcessTypes', 'DescribeScheduledActions', 'DescribeTags', 'DescribeTerminationPolicyTypes',
      'DetachInstances', 'DetachLoadBalancers', 'DisableMetricsCollection', 'EnableMetricsCollection', 'EnterStandby',
      'ExecutePolicy', 'ExitStandby', 'PutLifecycleHook', 'PutNotificationConfiguration', 'PutScalingPolicy', 'PutScheduledUpdateGroupAction', 'RecordLifecycleActionHeartbeat', 'ResumeProcesses',
      'SetDesiredCapacity', 'SetInstanceHealth', 'SetInstanceProtection', 'SuspendProcesses',
      'TerminateInstanceInAutoScalingGroup', 'UpdateAutoScalingGroup',
    ],
  },
  cloudwatch: {
    dir: 'cloudwatch/2010-08-01',
    operations: [
      'DeleteAlarms', 'DescribeAlarmHistory', 'DescribeAlarms', 'DescribeAlarmsForMetric', 'DisableAlarmActions',
      'EnableAlarmActions', 'GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'ListTagsForResource',
      'PutMetricAlarm', 'PutMetricData', 'SetAlarmState', 'TagResource', 'UntagResource',
    ],
  },
  elb: {
    dir: 'elb/2012-06-01',
    operations: [
      'AddTags', 'ApplySecurityGroupsToLoadBalancer', 'AttachLoadBalancerToSubnets', 'ConfigureHealthCheck',
      'CreateAppCookieStickinessPolicy', 'CreateLBCookieStickinessPolicy', 'CreateLoadBalancer',
      'CreateLoadBalancerListeners', 'CreateLoadBalancerPolicy', 'DeleteLoadBalancer', 'DeleteLoadBalancerListeners',
      'DeleteLoadBalancerPolicy', 'DeregisterInstancesFromLoadBalancer', 'DescribeAccountLimits',
      'DescribeInstanceHealth', 'DescribeLoadBalancerAttributes', 'DescribeLoadBalancerPolicies',
      'DescribeLoadBalancerPolicyTypes', 'DescribeLoadBalancers', 'DescribeTags', 'DetachLoadBalancerFromSubnets',
      'DisableAvailabilityZonesForLoadBalancer', 'EnableAvailabilityZonesForLoadBalancer',
      'ModifyLoadBalancerAttributes', 'RegisterInstancesWithLoadBalancer', 'RemoveTags',
      'SetLoadBalancerListenerSSLCertificate', 'SetLoadBalancerPoliciesForBackendServer',
      'SetLoadBalancerPoliciesOfListener',
    ],
  },
  ec2: {
    dir: 'ec2/2016-11-15',
    operations: [
      'AuthorizeSecurityGroupEgress', 'AuthorizeSecurityGroupIngress', 'CreateLaunchTemplate',
      'CreateLaunchTemplateVersion', 'CreateSecurityGroup', 'CreateSubnet', 'CreateTags', 'CreateVpc', 'DeleteLaunchTemplate',
      'DeleteLaunchTemplateVersions', 'DeleteSecurityGroup', 'DeleteSubnet', 'DeleteTags', 'DeleteVpc', 'DescribeAvailabilityZones',
      'DescribeImages', 'DescribeInstanceAttribute', 'DescribeInstanceStatus', 'DescribeInstances',
      'DescribeLaunchTemplateVersions', 'DescribeLaunchTemplates', 'DescribeRegions', 'DescribeSecurityGroups',
      'DescribeSubnets', 'DescribeTags', 'DescribeVolumes', 'DescribeVpcs', 'ModifyInstanceAttribute', 'ModifyLaunchTemplate',
      'RevokeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RunInstances', 'StartInstances', 'StopInstances', 'TerminateInstances',
    ],
  },
};

const METADATA_KEYS = ['apiVersion', 'endpointPrefix', 'protocol', 'serviceFullName', 'serviceId', 'signatureVersion', 'uid', 'xmlNamespace'];
const OPERATION_KEYS = ['name', 'http', 'input', 'output', 'errors'];
const SHAPE_KEYS = ['type', 'required', 'members', 'member', 'key', 'value', 'min', 'max', 'enum', 'pattern', 'flattened', 'locationName', 'timestampFormat', 'error', 'exception', 'fault'];
const REF_KEYS = ['shape', 'locationName', 'queryName', 'flattened', 'xmlNamespace', 'xmlAttribute', 'timestampFormat', 'idempotencyToken', 'resultWrapper'];

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function refsOf(shape) {
  const refs = [];
  if (shape.members) refs.push(...Object.values(shape.members));
  for (const k of ['member', 'key', 'value']) if (shape[k]) refs.push(shape[k]);
  return refs;
}

/** The trimmed model of one service, as a JSON-safe object. */
export function trimModel(model, operations, source) {
  const ops = {};
  const wanted = [];
  for (const name of operations) {
    const op = model.operations[name];
    if (op === undefined) throw new Error(`${source}: no operation ${name}`);
    const trimmed = pick(op, OPERATION_KEYS);
    if (trimmed.input) trimmed.input = pick(trimmed.input, REF_KEYS);
    if (trimmed.output) trimmed.output = pick(trimmed.output, REF_KEYS);
    if (trimmed.errors) trimmed.errors = trimmed.errors.map((e) => pick(e, REF_KEYS));
    ops[name] = trimmed;
    if (op.input) wanted.push(op.input.shape);
    if (op.output) wanted.push(op.output.shape);
    for (const e of op.errors ?? []) wanted.push(e.shape);
  }
  const seen = new Set();
  while (wanted.length > 0) {
    const name = wanted.pop();
    if (seen.has(name)) continue;
    const shape = model.shapes[name];
    if (shape === undefined) throw new Error(`${source}: no shape ${name}`);
    seen.add(name);
    for (const ref of refsOf(shape)) wanted.push(ref.shape);
  }
  const shapes = {};
  for (const name of Object.keys(model.shapes).filter((n) => seen.has(n)).sort()) {
    const shape = pick(model.shapes[name], SHAPE_KEYS);
    if (shape.members) {
      const members = {};
      for (const [m, ref] of Object.entries(shape.members)) members[m] = pick(ref, REF_KEYS);
      shape.members = members;
    }
    for (const k of ['member', 'key', 'value']) if (shape[k]) shape[k] = pick(shape[k], REF_KEYS);
    shapes[name] = shape;
  }
  return {
    source,
    metadata: pick(model.metadata, METADATA_KEYS),
    operations: ops,
    shapes,
  };
}

function botocoreVersion(dir) {
  const init = readFileSync(join(dir, '__init__.py'), 'utf8');
  const m = /__version__\s*=\s*'([^']+)'/.exec(init);
  if (!m) throw new Error(`no __version__ in ${join(dir, '__init__.py')}`);
  return m[1];
}

/** Generates every model file into `outDir`; returns the file names written. */
export function generate(botocoreDir, outDir) {
  const version = botocoreVersion(botocoreDir);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const [service, { dir, operations }] of Object.entries(SERVICES)) {
    const file = join(botocoreDir, 'data', dir, 'service-2.json');
    const model = JSON.parse(readFileSync(file, 'utf8'));
    const trimmed = trimModel(model, operations, `botocore ${version} data/${dir}/service-2.json`);
    const target = join(outDir, `${service}.json`);
    writeFileSync(target, `${JSON.stringify(trimmed, null, 1)}\n`);
    written.push(target);
  }
  return written;
}

function main(argv) {
  let botocoreDir = '/usr/lib/python3/dist-packages/botocore';
  let outDir = resolve(here, '../src/local/models');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--botocore') botocoreDir = argv[++i];
    else if (argv[i] === '--out') outDir = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; usage: gen-local-models.mjs [--botocore DIR] [--out DIR]`);
  }
  for (const f of generate(botocoreDir, outDir)) process.stdout.write(`wrote ${f}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
