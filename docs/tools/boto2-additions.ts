/**
 * botoscale's calls and classes beyond boto2 (what AWS added since boto 2.49), listed
 * in docs/boto2-mapping.md after boto2's names, each with its signature read from
 * botoscale's sources like the other rows. Options added to boto2's own calls show in
 * their rows as "adds ...".
 *
 * @module
 */
import type { ServiceModule } from './botoscale-api';

/** One addition: a method (or `constructor`) of a class of a botoscale module. */
export interface Addition {
  /** The botoscale module. */
  module: ServiceModule;
  /** The class. */
  className: string;
  /** The method, or `constructor`. */
  member: string;
  /** What it is for, and the AWS action behind it. */
  note: string;
}

/** Every addition, by module. */
export const ADDITIONS: Addition[] = [
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'getMetricData', note: 'GetMetricData: metrics and metric math (`SUM(METRICS())`, `100 * errors / requests`); paged by `maxDatapoints`' },
  { module: 'cloudwatch', className: 'MetricDataResult', member: 'constructor', note: 'one series `getMetricData` answers: `id`, `label`, `timestamps`, `values`, `statusCode`' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'tagAlarm', note: 'TagResource on an alarm, by ARN or `MetricAlarm`' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'untagAlarm', note: 'UntagResource on an alarm' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'listTagsForAlarm', note: 'ListTagsForResource on an alarm, as an object of keys to values' },
];
