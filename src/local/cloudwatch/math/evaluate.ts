/**
 * The metric math evaluator: computes a parsed expression over time series as CloudWatch
 * defines it (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html).
 *
 * - A value is a scalar, a time series, or an array of time series (`METRICS()`).
 * - Arithmetic between two series keeps the timestamps both have; with a scalar it
 *   applies to every datapoint; with an array it applies to each member.
 * - `SUM`, `AVG`, `MIN`, `MAX` of one series give a scalar (over all its datapoints); of
 *   an array, a series (per timestamp, over the members that have a datapoint there).
 * - `FILL(m, value | REPEAT | LINEAR)` fills every period of the query's range that has
 *   no datapoint.
 * - `ABS`, `CEIL`, `FLOOR` apply per datapoint.
 * - A result that is not a finite number (division by zero, `0^-1`) is left out, as
 *   CloudWatch answers no NaN or infinite datapoints.
 *
 * @module
 */
import type { MathNode } from './parser';

/** A time series: datapoints by timestamp (ms), with a label and the period of its grid. */
export interface TimeSeries {
  label: string;
  /** Period in seconds. */
  period: number;
  points: Map<number, number>;
}

/** What an expression evaluates to. */
export type MathValue = { kind: 'scalar'; value: number } | { kind: 'series'; series: TimeSeries } | { kind: 'array'; items: TimeSeries[] };

/** A meaning error (unknown id or function, wrong argument), reported with the expression's id. */
export class MathEvaluationError extends Error {
  /** A meaning error. */
  constructor(message: string) {
    super(message);
    this.name = 'MathEvaluationError';
  }
}

/** What the evaluator needs from the request it serves. */
export interface MathContext {
  /** The value of another query by id (throws MathEvaluationError when unknown). */
  resolve(id: string): MathValue;
  /** The metrics (not expressions) of the request, with their ids, in request order. */
  metrics(): Array<{ id: string; series: TimeSeries }>;
  /** Start (inclusive) and end (exclusive) of the range, in ms, for FILL. */
  start: number;
  end: number;
  /** Counts datapoints worked on; throws when the request has used its budget. */
  charge(points: number): void;
}

/** The functions this evaluator knows. */
export const FUNCTIONS = ['ABS', 'AVG', 'CEIL', 'FILL', 'FLOOR', 'MAX', 'METRICS', 'MIN', 'SUM'] as const;

function mapSeries(s: TimeSeries, f: (v: number) => number, label = s.label): TimeSeries {
  const points = new Map<number, number>();
  for (const [t, v] of s.points) {
    const r = f(v);
    if (Number.isFinite(r)) points.set(t, r);
  }
  return { label, period: s.period, points };
}

function zipSeries(a: TimeSeries, b: TimeSeries, f: (x: number, y: number) => number, label: string): TimeSeries {
  const points = new Map<number, number>();
  for (const [t, x] of a.points) {
    const y = b.points.get(t);
    if (y === undefined) continue;
    const r = f(x, y);
    if (Number.isFinite(r)) points.set(t, r);
  }
  return { label, period: Math.max(a.period, b.period), points };
}

function arithmetic(op: string): (x: number, y: number) => number {
  switch (op) {
    case '+':
      return (x, y) => x + y;
    case '-':
      return (x, y) => x - y;
    case '*':
      return (x, y) => x * y;
    case '/':
      return (x, y) => x / y;
    default:
      return (x, y) => x ** y;
  }
}

/** Applies a binary function to two values of any kinds. */
function combine(a: MathValue, b: MathValue, f: (x: number, y: number) => number, label: string): MathValue {
  if (a.kind === 'scalar' && b.kind === 'scalar') return { kind: 'scalar', value: f(a.value, b.value) };
  if (a.kind === 'array' || b.kind === 'array') {
    if (a.kind === 'array' && b.kind === 'array') throw new MathEvaluationError('arithmetic between two arrays of time series is not defined');
    const arr = (a.kind === 'array' ? a : b) as { kind: 'array'; items: TimeSeries[] };
    const other = a.kind === 'array' ? b : a;
    return {
      kind: 'array',
      items: arr.items.map((s) => {
        const one = combine(a.kind === 'array' ? { kind: 'series', series: s } : other, a.kind === 'array' ? other : { kind: 'series', series: s }, f, s.label);
        return (one as { kind: 'series'; series: TimeSeries }).series;
      }),
    };
  }
  if (a.kind === 'scalar' && b.kind === 'series') return { kind: 'series', series: mapSeries(b.series, (y) => f(a.value, y), label) };
  if (a.kind === 'series' && b.kind === 'scalar') return { kind: 'series', series: mapSeries(a.series, (x) => f(x, b.value), label) };
  const sa = (a as { kind: 'series'; series: TimeSeries }).series;
  const sb = (b as { kind: 'series'; series: TimeSeries }).series;
  return { kind: 'series', series: zipSeries(sa, sb, f, label) };
}

type Reducer = (values: number[]) => number;

const REDUCERS: Record<string, Reducer> = {
  SUM: (v) => v.reduce((s, x) => s + x, 0),
  AVG: (v) => v.reduce((s, x) => s + x, 0) / v.length,
  // A loop, not Math.min(...v): spreading a long series would overflow the call stack.
  MIN: (v) => v.reduce((m, x) => (x < m ? x : m), Infinity),
  MAX: (v) => v.reduce((m, x) => (x > m ? x : m), -Infinity),
};

function reduce(name: string, arg: MathValue, label: string): MathValue {
  const f = REDUCERS[name] as Reducer;
  if (arg.kind === 'scalar') throw new MathEvaluationError(`${name} takes a time series or an array of time series, not a scalar`);
  if (arg.kind === 'series') {
    const values = [...arg.series.points.values()];
    // A series without datapoints has no sum, average or extreme: the result is empty.
    if (values.length === 0) return { kind: 'series', series: { label, period: arg.series.period, points: new Map() } };
    return { kind: 'scalar', value: f(values) };
  }
  const byTime = new Map<number, number[]>();
  for (const s of arg.items) {
    for (const [t, v] of s.points) {
      const list = byTime.get(t);
      if (list === undefined) byTime.set(t, [v]);
      else list.push(v);
    }
  }
  const points = new Map<number, number>();
  for (const [t, list] of byTime) {
    const r = f(list);
    if (Number.isFinite(r)) points.set(t, r);
  }
  const period = arg.items.reduce((p, s) => Math.max(p, s.period), 0);
  return { kind: 'series', series: { label, period: period === 0 ? 60 : period, points } };
}

function fillSeries(s: TimeSeries, how: MathValue | 'REPEAT' | 'LINEAR', ctx: MathContext, label: string): TimeSeries {
  const step = s.period * 1000;
  ctx.charge(Math.ceil((ctx.end - ctx.start) / step));
  const points = new Map<number, number>();
  const known = [...s.points.entries()].sort((x, y) => x[0] - y[0]);
  let k = 0;
  let previous: [number, number] | undefined;
  for (let t = ctx.start; t < ctx.end; t += step) {
    while (k < known.length && (known[k] as [number, number])[0] < t) previous = known[k++];
    const here = s.points.get(t);
    if (here !== undefined) {
      points.set(t, here);
      continue;
    }
    let v: number | undefined;
    if (how === 'REPEAT') v = previous?.[1];
    else if (how === 'LINEAR') {
      const following = known[k];
      if (previous !== undefined && following !== undefined) v = previous[1] + ((following[1] - previous[1]) * (t - previous[0])) / (following[0] - previous[0]);
    } else if (how.kind === 'scalar') v = how.value;
    else if (how.kind === 'series') v = how.series.points.get(t);
    if (v !== undefined && Number.isFinite(v)) points.set(t, v);
  }
  return { label, period: s.period, points };
}

function fill(args: MathNode[], ctx: MathContext, label: string): MathValue {
  if (args.length !== 2) throw new MathEvaluationError('FILL takes two arguments: a time series and a value, REPEAT or LINEAR');
  const target = evaluate(args[0] as MathNode, ctx, label);
  const second = args[1] as MathNode;
  let how: MathValue | 'REPEAT' | 'LINEAR';
  if (second.kind === 'keyword') {
    if (second.name !== 'REPEAT' && second.name !== 'LINEAR') throw new MathEvaluationError(`FILL's second argument must be a value, REPEAT or LINEAR, not ${second.name}`);
    how = second.name;
  } else {
    how = evaluate(second, ctx, label);
    if (how.kind === 'array') throw new MathEvaluationError("FILL's second argument must be a scalar or a time series");
  }
  if (target.kind === 'scalar') throw new MathEvaluationError("FILL's first argument must be a time series or an array of time series");
  if (target.kind === 'series') return { kind: 'series', series: fillSeries(target.series, how, ctx, label) };
  return { kind: 'array', items: target.items.map((s) => fillSeries(s, how, ctx, s.label)) };
}

function metricsCall(args: MathNode[], ctx: MathContext): MathValue {
  if (args.length > 1 || (args.length === 1 && args[0]?.kind !== 'string')) throw new MathEvaluationError('METRICS takes no argument or one string');
  const prefix = args.length === 1 ? (args[0] as { value: string }).value : '';
  return { kind: 'array', items: ctx.metrics().filter((m) => m.id.startsWith(prefix)).map((m) => m.series) };
}

function perPoint(name: string, arg: MathValue): MathValue {
  const f = name === 'ABS' ? Math.abs : name === 'CEIL' ? Math.ceil : Math.floor;
  if (arg.kind === 'scalar') return { kind: 'scalar', value: f(arg.value) };
  if (arg.kind === 'series') return { kind: 'series', series: mapSeries(arg.series, f) };
  return { kind: 'array', items: arg.items.map((s) => mapSeries(s, f)) };
}

function call(node: { name: string; args: MathNode[] }, ctx: MathContext, label: string): MathValue {
  const { name, args } = node;
  if (name === 'METRICS') return metricsCall(args, ctx);
  if (name === 'FILL') return fill(args, ctx, label);
  if (!(FUNCTIONS as readonly string[]).includes(name)) {
    throw new MathEvaluationError(`unknown function ${name}; botoscale local evaluates ${FUNCTIONS.join(', ')}`);
  }
  if (args.length !== 1) throw new MathEvaluationError(`${name} takes one argument`);
  const arg = evaluate(args[0] as MathNode, ctx, label);
  if (name in REDUCERS) return reduce(name, arg, label);
  return perPoint(name, arg);
}

function size(v: MathValue): number {
  if (v.kind === 'scalar') return 1;
  if (v.kind === 'series') return v.series.points.size;
  return v.items.reduce((n, s) => n + s.points.size, 0);
}

/** Evaluates an expression; `label` names the series it makes. */
export function evaluate(node: MathNode, ctx: MathContext, label: string): MathValue {
  const value = evaluateNode(node, ctx, label);
  ctx.charge(size(value));
  return value;
}

function evaluateNode(node: MathNode, ctx: MathContext, label: string): MathValue {
  switch (node.kind) {
    case 'number':
      return { kind: 'scalar', value: node.value };
    case 'string':
      throw new MathEvaluationError(`a string ("${node.value}") can only be an argument of METRICS`);
    case 'keyword':
      throw new MathEvaluationError(`${node.name} is not a query id (ids start with a lowercase letter) nor a value here`);
    case 'ref':
      return ctx.resolve(node.id);
    case 'negate':
      return combine({ kind: 'scalar', value: 0 }, evaluate(node.arg, ctx, label), (_x, y) => -y, label);
    case 'binary':
      return combine(evaluate(node.left, ctx, label), evaluate(node.right, ctx, label), arithmetic(node.op), label);
    case 'call':
      return call(node, ctx, label);
  }
}
