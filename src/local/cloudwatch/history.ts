/**
 * Alarm history: StateUpdate, ConfigurationUpdate and Action items with AWS's summaries
 * and HistoryData documents, kept two weeks (and at most a bounded number).
 *
 * @module
 */
import { dataTime, javaJson, jd, type JsonValue } from './format';
import type { AlarmRecord, AlarmState, HistoryItemType, HistoryRecord } from './model';

/** History older than this is dropped (AWS keeps two weeks). */
export const HISTORY_RETENTION_MS = 14 * 86_400_000;
/** Most history items kept in all. */
export const MAX_HISTORY = 50_000;

/** The alarm history log. */
export class AlarmHistory {
  /** Items, oldest first. */
  items: HistoryRecord[] = [];
  /** Sequence number of the next item. */
  seq = 0;

  /** Records an item, dropping those past retention. */
  add(alarmName: string, timestamp: number, type: HistoryItemType, summary: string, data: string): void {
    this.items.push({ alarmName, timestamp, type, summary, data, seq: this.seq++ });
    this.expire(timestamp);
  }

  /** Drops the items older than two weeks at `now` (and the oldest beyond {@link MAX_HISTORY}). */
  expire(now: number): void {
    const cutoff = now - HISTORY_RETENTION_MS;
    let drop = 0;
    while (drop < this.items.length && (this.items[drop] as HistoryRecord).timestamp < cutoff) drop++;
    drop = Math.max(drop, this.items.length - MAX_HISTORY);
    if (drop > 0) this.items.splice(0, drop);
  }
}

/** The alarm as history data describes it (camelCase, doubles as Java prints them). */
export function alarmJson(a: AlarmRecord): JsonValue {
  return {
    alarmName: a.name,
    alarmArn: a.arn,
    alarmDescription: a.description,
    alarmConfigurationUpdatedTimestamp: dataTime(a.configUpdated),
    actionsEnabled: a.actionsEnabled,
    okactions: a.okActions,
    alarmActions: a.alarmActions,
    insufficientDataActions: a.insufficientDataActions,
    stateValue: a.stateValue,
    stateReason: a.stateReason,
    stateUpdatedTimestamp: dataTime(a.stateUpdated),
    metricName: a.metricName,
    namespace: a.namespace,
    statistic: a.statistic,
    extendedStatistic: a.extendedStatistic,
    dimensions: a.dimensions.map((d) => ({ name: d.name, value: d.value })),
    period: a.period,
    unit: a.unit,
    evaluationPeriods: a.evaluationPeriods,
    datapointsToAlarm: a.datapointsToAlarm,
    threshold: jd(a.threshold),
    comparisonOperator: a.comparisonOperator,
    treatMissingData: a.treatMissingData,
    evaluateLowSampleCountPercentile: a.evaluateLowSampleCountPercentile,
  };
}

/** HistoryData of a created, updated or deleted alarm. */
export function configurationData(type: 'Create' | 'Update' | 'Delete', alarm: AlarmRecord, before?: AlarmRecord): string {
  if (type === 'Create') return javaJson({ version: '1.0', type, createdAlarm: alarmJson(alarm) });
  if (type === 'Delete') return javaJson({ version: '1.0', type, deletedAlarm: alarmJson(alarm) });
  const original: Record<string, JsonValue | undefined> = {};
  if (before !== undefined) {
    const now = alarmJson(alarm) as Record<string, JsonValue | undefined>;
    const old = alarmJson(before) as Record<string, JsonValue | undefined>;
    for (const [k, v] of Object.entries(old)) {
      if (k.startsWith('state') || k === 'alarmConfigurationUpdatedTimestamp') continue;
      if (javaJson(v ?? null) !== javaJson(now[k] ?? null)) original[k] = v;
    }
  }
  return javaJson({ version: '1.0', type, updatedAlarm: alarmJson(alarm), originalUpdatedFields: original });
}

/** One side of a state update. */
export interface StateSide {
  stateValue: AlarmState;
  stateReason: string;
  stateReasonData?: string;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function sideJson(s: StateSide): string {
  const base = javaJson({ stateValue: s.stateValue, stateReason: s.stateReason });
  if (s.stateReasonData === undefined) return base;
  // Reason data is embedded as the object it encodes, exactly as written (its doubles keep their `.0`).
  const data = isJson(s.stateReasonData) ? s.stateReasonData : JSON.stringify(s.stateReasonData);
  return `${base.slice(0, -1)},"stateReasonData":${data}}`;
}

/** HistoryData of a state update: the old and new states with their reasons. */
export function stateData(oldState: StateSide, newState: StateSide): string {
  return `{"version":"1.0","oldState":${sideJson(oldState)},"newState":${sideJson(newState)}}`;
}

/** The summary of a state update. */
export function stateSummary(from: AlarmState, to: AlarmState): string {
  return `Alarm updated from ${from} to ${to}`;
}
