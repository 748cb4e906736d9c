#!/usr/bin/env node
// Writes src/core/rules/generated.ts: the constraints the AWS service models state
// (enums, lengths, ranges, patterns) that the client checks, botoscale local and
// autoscalectl's schema use, read from the trimmed models in src/local/models/*.json
// (themselves made by scripts/gen-local-models.mjs from one botocore release, which every
// model's "source" names and MODELS_VERSION repeats from there).
//
//   node scripts/gen-rules.mjs [--check]
//
// Only the shapes named in SHAPES are written, so that adding operations to the models
// does not change this file unless one of these shapes changes. The output is a pure
// function of the model files; test/rules/generated.test.ts checks the committed copy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const OUT = join(ROOT, 'src/core/rules/generated.ts');

/** The shapes exported, by model file and the constant they are written into. */
export const SHAPES = {
  CLOUDWATCH: {
    model: 'cloudwatch.json',
    title: 'CloudWatch',
    shapes: [
      'AlarmDescription', 'AlarmName', 'AlarmNames', 'ComparisonOperator', 'DatapointsToAlarm', 'DimensionFilters',
      'DimensionName', 'DimensionValue', 'Dimensions', 'EvaluationPeriods', 'HistoryItemType', 'MaxRecords', 'MetricName', 'Namespace',
      'Period', 'ResourceList', 'StandardUnit', 'StateValue', 'Statistic', 'Statistics', 'TagKey', 'TagValue',
    ],
  },
  AUTOSCALING: {
    model: 'autoscaling.json',
    title: 'Auto Scaling',
    shapes: [
      'AnyPrintableAsciiStringMaxLen4000', 'AsciiStringMaxLen255', 'LifecycleActionToken', 'LifecycleHookNames', 'MetricStatistic', 'MetricType',
      'MixedInstanceSpotPrice', 'NotificationTargetResourceName', 'ResourceName', 'TagKey', 'TagValue', 'XmlStringMaxLen1023',
      'XmlStringMaxLen19', 'XmlStringMaxLen255', 'XmlStringMaxLen5000',
    ],
  },
  ELB: {
    model: 'elb.json',
    title: 'Elastic Load Balancing',
    shapes: ['HealthCheckInterval', 'HealthCheckTimeout', 'HealthyThreshold', 'IdleTimeout', 'InstancePort', 'UnhealthyThreshold'],
  },
};

const KEYS = ['enum', 'min', 'max', 'pattern'];

/** The models whose error shapes are written, by the service's signing name. */
export const ERROR_MODELS = { autoscaling: 'autoscaling.json', monitoring: 'cloudwatch.json', elasticloadbalancing: 'elb.json', ec2: 'ec2.json' };

/** The error shapes each model states: code, HTTP status and fault, by signing name. */
function renderErrors(modelsDir) {
  const lines = [
    '/**',
    ' * The error answers the models state, by signing name: code → HTTP status and whose fault',
    " * it is. EC2's model states none; its codes are in `./aws-errors`.",
    ' */',
    'export const MODEL_ERRORS = {',
  ];
  for (const [service, model] of Object.entries(ERROR_MODELS)) {
    const m = JSON.parse(readFileSync(join(modelsDir, model), 'utf8'));
    // An error trait without a code (CloudWatch's ConflictException since botocore 1.43)
    // answers with the shape's name, as botocore reads it.
    const errors = Object.entries(m.shapes)
      .filter(([, shape]) => shape.exception && shape.error)
      .map(([name, shape]) => [shape.error.code ?? name, { status: shape.error.httpStatusCode, fault: shape.error.senderFault ? 'Sender' : 'Receiver' }])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (errors.length === 0) {
      lines.push(`  ${service}: {},`);
      continue;
    }
    lines.push(`  ${service}: {`);
    for (const [code, info] of errors) lines.push(`    ${/^[A-Za-z]\w*$/.test(code) ? code : literal(code)}: ${literal(info)},`);
    lines.push('  },');
  }
  lines.push('} as const;');
  return lines.join('\n');
}

function describe(name, type, c) {
  const parts = [];
  if (c.enum) parts.push(`one of ${c.enum.length} values`);
  const what = type === 'string' ? ' characters' : type === 'list' ? ' items' : '';
  if (c.min !== undefined && c.max !== undefined) parts.push(`${c.min} to ${c.max}${what}`);
  else if (c.min !== undefined) parts.push(`at least ${c.min}${what}`);
  else if (c.max !== undefined) parts.push(`at most ${c.max}${what}`);
  if (c.pattern) parts.push('matching a pattern');
  return `\`${name}\` (${type}): ${parts.join(', ')}.`;
}

/** A JSON value as a TypeScript literal in the project's style (single quotes, bare keys). */
function literal(value) {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
  return String(value);
}

/** The text of generated.ts for the models in `modelsDir`. */
export function render(modelsDir) {
  // Every model file, not only those SHAPES reads: they must all come from one botocore.
  const sources = new Set();
  for (const file of readdirSync(modelsDir).filter((f) => f.endsWith('.json')).sort()) {
    sources.add(JSON.parse(readFileSync(join(modelsDir, file), 'utf8')).source.replace(/ data\/.*$/, ''));
  }
  const blocks = [];
  for (const [constant, { model, title, shapes }] of Object.entries(SHAPES)) {
    const m = JSON.parse(readFileSync(join(modelsDir, model), 'utf8'));
    const lines = [`/** Constraints of ${title}'s model (${m.metadata.apiVersion}), by shape name. */`, `export const ${constant} = {`];
    for (const name of shapes) {
      const shape = m.shapes[name];
      if (shape === undefined) throw new Error(`${model}: no shape ${name}`);
      const c = {};
      for (const k of KEYS) if (shape[k] !== undefined) c[k] = shape[k];
      if (Object.keys(c).length === 0) throw new Error(`${model}: shape ${name} states no constraint`);
      lines.push(`  /** ${describe(name, shape.type, c)} */`);
      lines.push(`  ${name}: ${literal(c)},`);
    }
    lines.push('} as const;');
    blocks.push(lines.join('\n'));
  }
  if (sources.size !== 1) throw new Error(`the models come from more than one botocore: ${[...sources].join(', ')}`);
  const [version] = [...sources];
  return [
    '/**',
    ' * The constraints the AWS service models state (enums, lengths, ranges, patterns), for',
    " * the client's checks, botoscale local and autoscalectl's schema alike.",
    ' *',
    ' * Generated by scripts/gen-rules.mjs from src/local/models/*.json: do not edit; change',
    ' * the script (or regenerate the models) and run it again.',
    ' *',
    ' * @module',
    ' */',
    '',
    '/** Where the service models, and so these constraints, come from. */',
    `export const MODELS_VERSION = ${literal(version)};`,
    '',
    blocks.join('\n\n'),
    '',
    renderErrors(modelsDir),
    '',
  ].join('\n');
}

function main(argv) {
  const text = render(join(ROOT, 'src/local/models'));
  if (argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      process.stderr.write(`${OUT} is out of date: run node scripts/gen-rules.mjs\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(OUT, text);
  process.stdout.write(`wrote ${OUT}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
