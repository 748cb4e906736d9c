/**
 * The simulated CloudWatch (API 2010-08-01) of botoscale local: metrics, alarms and their
 * evaluator, behind {@link SimulatedService}.
 *
 * @module
 */
import type { Cloud, CloudWatchApi, Datapoint, SimulatedService } from '../types';
import { deleteAlarms, putMetricAlarm, type PutAlarmParams } from './alarms';
import { validation } from './errors';
import { evaluateAlarms } from './evaluator';
import { cloudWatchHandlers } from './handlers';
import { COMPARISONS, STATISTICS, UNITS, isStandardUnit, type CloudWatchSnapshot, type DimensionRecord, type StoredPoint } from './model';
import { dimensionShapes } from './readqueries';
import { CloudWatchState } from './state';

export { CloudWatchState } from './state';

/**
 * A target tracking policy's alarm, as Auto Scaling asks for it: PutMetricAlarm's input,
 * with the metric as the policy keeps it (its dimension records, and the statistic and
 * unit as text, which CloudWatch checks here as its model would on the wire).
 */
export type ManagedAlarmSpec = Omit<PutAlarmParams, 'Dimensions' | 'Statistic' | 'Unit' | 'ComparisonOperator'> & {
  Dimensions: readonly DimensionRecord[];
  Statistic: string;
  Unit?: string;
  ComparisonOperator: string;
};

/** The alarms a target tracking policy creates and owns (users can't change or delete them). */
export interface ManagedAlarms {
  /** Throws what {@link putManagedAlarm} would for a metric outside CloudWatch's model, before anything changes. */
  checkManagedAlarm(params: ManagedAlarmSpec): void;
  /** Creates or updates an alarm owned by `owner` (a policy ARN). */
  putManagedAlarm(params: ManagedAlarmSpec, owner: string): { alarmName: string; alarmArn: string };
  /** Deletes the alarms named that `owner` owns. */
  deleteManagedAlarms(names: readonly string[], owner: string): void;
}

/**
 * CloudWatch as other services use it, plus the alarms that name an action ARN (Auto
 * Scaling's DescribePolicies lists a policy's alarms with it).
 */
export interface LocalCloudWatchApi extends CloudWatchApi, ManagedAlarms {
  alarmsForAction(arn: string): Array<{ alarmName: string; alarmArn: string }>;
}

/** A simulated CloudWatch together with its state model (for tests and tools). */
export interface CloudWatchSimulation {
  service: SimulatedService<LocalCloudWatchApi>;
  state: CloudWatchState;
}

function isSnapshot(value: unknown): value is CloudWatchSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof CloudWatchSnapshot, unknown>>;
  return v.version === 1 && Array.isArray(v.series) && Array.isArray(v.alarms) && Array.isArray(v.history) && typeof v.lastEvaluation === 'number' && typeof v.seq === 'number';
}

/** `value` if it is one of `values` (member `name` of a managed alarm); CloudWatch's ValidationError otherwise. */
function oneOf<T extends string>(name: string, value: string, values: readonly T[]): T {
  const known = values.find((v) => v === value);
  if (known === undefined) throw validation(`${name} ${value} is not one CloudWatch knows: use one of [${values.join(', ')}].`);
  return known;
}

/** PutMetricAlarm's input for a managed alarm: the statistic, operator and unit narrowed to CloudWatch's model, as the protocol layer would check them. */
function managedAlarmInput(spec: ManagedAlarmSpec): PutAlarmParams {
  const { Dimensions: dimensions, Statistic: statistic, Unit: unit, ComparisonOperator: comparison, ...rest } = spec;
  const input: PutAlarmParams = { ...rest, Dimensions: dimensionShapes(dimensions), Statistic: oneOf('Statistic', statistic, STATISTICS), ComparisonOperator: oneOf('ComparisonOperator', comparison, COMPARISONS) };
  if (unit !== undefined) input.Unit = oneOf('Unit', unit, UNITS);
  return input;
}

/** A datapoint another service publishes; a unit CloudWatch does not know is left out (the datapoint counts as `None`). */
function toPoint(d: Datapoint): StoredPoint {
  const p: StoredPoint =
    d.statistics !== undefined
      ? { t: d.timestamp, n: d.statistics.sampleCount, sum: d.statistics.sum, min: d.statistics.minimum, max: d.statistics.maximum, set: true }
      : { t: d.timestamp, n: 1, sum: d.value ?? 0, min: d.value ?? 0, max: d.value ?? 0 };
  if (d.unit !== undefined && isStandardUnit(d.unit)) p.unit = d.unit;
  return p;
}

/** The simulated CloudWatch of a cloud. */
export function createCloudWatchService(cloud: Cloud): SimulatedService<CloudWatchApi> {
  return buildCloudWatch(cloud).service;
}

/** Builds the service and hands out its state model too. */
export function buildCloudWatch(cloud: Cloud): CloudWatchSimulation {
  const state = new CloudWatchState(cloud);
  const api: LocalCloudWatchApi = {
    putDatapoint(datapoint) {
      if (datapoint.value === undefined && datapoint.statistics === undefined) return;
      state.metrics.put(datapoint.namespace, datapoint.metricName, datapoint.dimensions, toPoint(datapoint), cloud.clock.now());
    },
    alarmsForAction(arn) {
      return state.alarmsForAction(arn);
    },
    checkManagedAlarm(params) {
      managedAlarmInput(params);
    },
    putManagedAlarm(params, owner): ReturnType<LocalCloudWatchApi['putManagedAlarm']> {
      const alarm = putMetricAlarm(state, managedAlarmInput(params), cloud.clock.now(), owner);
      return { alarmName: alarm.name, alarmArn: alarm.arn };
    },
    deleteManagedAlarms(names, owner) {
      const known = names.filter((n) => state.alarms.get(n)?.managedBy === owner);
      if (known.length > 0) deleteAlarms(state, known, cloud.clock.now(), owner);
    },
  };
  let lastExpiry = 0;
  const service: SimulatedService<LocalCloudWatchApi> = {
    api,
    handlers: cloudWatchHandlers(state),
    step(now) {
      evaluateAlarms(state, now);
      // Each step (only the oldest items are looked at): history past two weeks is never described.
      state.history.expire(now);
      if (now - lastExpiry >= 3_600_000) {
        state.metrics.expire(now);
        lastExpiry = now;
      }
    },
    snapshot() {
      return state.snapshot();
    },
    restore(snapshot) {
      if (!isSnapshot(snapshot)) throw new TypeError('not a CloudWatch snapshot of this version');
      state.restore(snapshot);
    },
  };
  return { service, state };
}
