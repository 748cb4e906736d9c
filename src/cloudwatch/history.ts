/**
 * One entry of an alarm's history (boto2's `AlarmHistoryItem` of `boto.ec2.cloudwatch.alarm`).
 *
 * @module
 */
import type { AlarmHistoryItem as SdkAlarmHistoryItem } from '@aws-sdk/client-cloudwatch';
import { pyStr } from '../core/repr';
import { BotoObject } from '../core/repr';
import type { CloudWatchConnection } from './connection';
import { pyDatetimeStr } from './pytime';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link AlarmHistoryItem}. */
export interface AlarmHistoryItemOptions {
  /** The connection the object talks through. */
  connection?: CloudWatchConnection;
  /** The alarm's name. */
  name?: string;
  /** The details, as parsed from AWS's JSON `HistoryData`. */
  data?: unknown;
  /** `ConfigurationUpdate`, `StateUpdate` or `Action`. */
  itemType?: string;
  /** What happened, in words. */
  summary?: string;
  /** When it happened. */
  timestamp?: Date;
}

/**
 * A configuration change, state change or action of an alarm (`describeAlarmHistory`,
 * `MetricAlarm.describeHistory`). Prints as boto2's:
 * `AlarmHistory:scale_up_on_cpu[Alarm updated from OK to ALARM at 2013-05-24 21:15:31]`.
 */
export class AlarmHistoryItem extends BotoObject<CloudWatchConnection> {
  /** The alarm's name. */
  name: string | undefined;
  /** The details: AWS's `HistoryData` parsed from JSON (the text itself if it is not JSON). */
  data: unknown;
  /** `ConfigurationUpdate`, `StateUpdate` or `Action`. */
  itemType: string | undefined;
  /** What happened, in words. */
  summary: string | undefined;
  /** When it happened. */
  timestamp: Date | undefined;

  constructor(options: AlarmHistoryItemOptions = {}) {
    checkNew(AlarmHistoryItem, arguments);
    super(options.connection);
    this.name = options.name;
    this.data = options.data;
    this.itemType = options.itemType;
    this.summary = options.summary;
    this.timestamp = options.timestamp;
  }

  /** boto2's (misspelt) name of {@link itemType}. */
  get temType(): string | undefined {
    return this.itemType;
  }

  /** Builds one from a `DescribeAlarmHistory` answer. @internal */
  static fromSdk(connection: CloudWatchConnection, h: SdkAlarmHistoryItem): AlarmHistoryItem {
    let data: unknown = h.HistoryData;
    if (h.HistoryData !== undefined) {
      try {
        data = JSON.parse(h.HistoryData);
      } catch {
        data = h.HistoryData;
      }
    }
    return new AlarmHistoryItem({
      connection,
      name: h.AlarmName,
      data,
      itemType: h.HistoryItemType,
      summary: h.HistorySummary,
      timestamp: h.Timestamp,
    });
  }

  toString(): string {
    return `AlarmHistory:${pyStr(this.name)}[${pyStr(this.summary)} at ${pyDatetimeStr(this.timestamp)}]`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(AlarmHistoryItem, {
  new: '{connection, name, data, itemType, summary, timestamp}',
});
