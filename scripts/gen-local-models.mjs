#!/usr/bin/env node
// Writes the trimmed AWS service models botoscale local runs on (src/local/models/*.json)
// from a botocore release's models. Only the operations botoscale local implements are
// kept, with the shapes reachable from them, and without documentation: npm users have
// no botocore, so the result is committed, and each file's "source" names the botocore
// it comes from (scripts/gen-rules.mjs turns that into MODELS_VERSION).
//
//   node scripts/gen-local-models.mjs --botocore PATH [--out DIR]
//
// PATH is a botocore wheel (botocore-X.Y.Z-py3-none-any.whl), a botocore package folder
// (the one holding __init__.py and data/, such as Debian python3-botocore's
// /usr/lib/python3/dist-packages/botocore) or its data/ folder. Models are read as
// service-2.json or, as botocore ships them since 2023, service-2.json.gz. The committed
// models come from the newest botocore on the development machine:
//
//   node scripts/gen-local-models.mjs --botocore /opt/pypi/files/botocore-1.43.107-py3-none-any.whl
//
// There is no default: Debian's python3-botocore (1.29.27, December 2022) is older than
// the committed models, and regenerating from it would silently take AWS's newer members,
// enums and constraints away.
//
// The output is a pure function of the botocore models (plain or gzipped, wheel or
// folder give the same bytes), which test/local/models.test.ts checks against the
// committed copies when it finds the botocore they name (BOTOSCALE_BOTOCORE=PATH, or the
// wheel under /opt/pypi*/files); CI, with only Debian's older botocore, checks instead
// that the committed models still take everything that one sends.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
// A wheel is a zip. fflate (already in the lock file: the AWS SDK's request compression
// depends on it) reads one in memory in plain JavaScript, so the script needs no system
// `unzip` (absent from minimal images) and no temporary extraction through Python.
import { unzipSync } from 'fflate';

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

// protocols, targetPrefix, jsonVersion and awsQueryCompatible: newer models list every
// protocol a service speaks (CloudWatch: CBOR first, then AWS JSON 1.0, then query) and the
// JSON target prefix, which the protocol layer reads instead of writing it again.
const METADATA_KEYS = [
  'apiVersion', 'awsQueryCompatible', 'endpointPrefix', 'jsonVersion', 'protocol', 'protocols', 'serviceFullName', 'serviceId',
  'signatureVersion', 'targetPrefix', 'uid', 'xmlNamespace',
];
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

const VERSION = /^__version__\s*=\s*['"]([^'"]+)['"]/m;

function versionOf(initText, where) {
  const m = VERSION.exec(initText);
  if (!m) throw new Error(`no __version__ in ${where}`);
  return m[1];
}

/** Reads `data/<dir>/service-2.json` or its `.gz` through `read(relativePath)` (undefined when absent). */
function readModel(read, dir, where) {
  const plain = read(`data/${dir}/service-2.json`);
  if (plain !== undefined) return plain.toString('utf8');
  const packed = read(`data/${dir}/service-2.json.gz`);
  if (packed !== undefined) return gunzipSync(packed).toString('utf8');
  throw new Error(`${where}: no data/${dir}/service-2.json or service-2.json.gz`);
}

/** The files of a botocore wheel that the models need, by path inside the botocore package. */
function wheelReader(wheel) {
  const wanted = new Set(['botocore/__init__.py']);
  for (const { dir } of Object.values(SERVICES)) {
    wanted.add(`botocore/data/${dir}/service-2.json`);
    wanted.add(`botocore/data/${dir}/service-2.json.gz`);
  }
  const files = unzipSync(readFileSync(wheel), { filter: (f) => wanted.has(f.name) });
  return (path) => (files[`botocore/${path}`] === undefined ? undefined : Buffer.from(files[`botocore/${path}`]));
}

function folderReader(root) {
  return (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : undefined);
}

/**
 * The botocore release at `path` (a wheel, a botocore package folder or its data/
 * folder): its version and a reader of its files by path inside the package.
 */
export function openBotocore(path) {
  let read;
  if (statSync(path).isFile()) read = wheelReader(path);
  else read = folderReader(basename(resolve(path)) === 'data' && !existsSync(join(path, 'data')) ? dirname(resolve(path)) : path);
  const init = read('__init__.py');
  if (init === undefined) throw new Error(`${path}: not a botocore wheel or package folder (no botocore/__init__.py)`);
  return { version: versionOf(init.toString('utf8'), `${path} __init__.py`), read };
}

/** Generates every model file into `outDir` from the botocore at `botocorePath`; returns the file names written. */
export function generate(botocorePath, outDir) {
  const { version, read } = openBotocore(botocorePath);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const [service, { dir, operations }] of Object.entries(SERVICES)) {
    const model = JSON.parse(readModel(read, dir, botocorePath));
    // The source names the model, not how it was packed: a wheel's .gz and an unpacked
    // folder's .json of one release give the same bytes.
    const trimmed = trimModel(model, operations, `botocore ${version} data/${dir}/service-2.json`);
    const target = join(outDir, `${service}.json`);
    writeFileSync(target, `${JSON.stringify(trimmed, null, 1)}\n`);
    written.push(target);
  }
  return written;
}

const USAGE = 'usage: gen-local-models.mjs --botocore WHEEL|DIR [--out DIR]';

function main(argv) {
  let botocorePath;
  let outDir = resolve(here, '../src/local/models');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--botocore' && argv[i + 1] !== undefined) botocorePath = argv[++i];
    else if (argv[i] === '--out' && argv[i + 1] !== undefined) outDir = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; ${USAGE}`);
  }
  if (botocorePath === undefined) throw new Error(`--botocore is required (the committed models name their botocore in "source"); ${USAGE}`);
  for (const f of generate(botocorePath, outDir)) process.stdout.write(`wrote ${f}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`gen-local-models: ${err.message}\n`);
    process.exit(1);
  }
}
