/**
 * CloudWatch metric alarms, metric data and statistics, as boto2's `boto.ec2.cloudwatch`.
 *
 * @module
 */
import { regionFunctions } from '../core/service';
import { CloudWatchConnection, CLOUDWATCH_SPEC } from './connection';

export {
  CloudWatchConnection, CLOUDWATCH_SPEC,
  type AlarmNames, type DescribeAlarmsOptions, type DescribeAlarmHistoryOptions, type DescribeAlarmsForMetricOptions,
  type ListMetricsOptions, type SetAlarmStateOptions, type GetMetricDataOptions, type AlarmRef,
} from './connection';
export { MetricDataResult, type MetricDataResultOptions, type MetricDataQuery, type MetricStatInput } from './metricquery';
export { MetricAlarm, type MetricAlarmOptions, type SetStateOptions, type DescribeHistoryOptions } from './alarm';
export { AlarmHistoryItem, type AlarmHistoryItemOptions } from './history';
export { Metric, type MetricOptions, type QueryOptions, type MetricCreateAlarmOptions } from './metric';
export { Datapoint, type DatapointOptions } from './datapoint';
export { Dimension, type Dimensions, type DimensionFilters } from './dimension';
export { MAX_DATA_PER_REQUEST, MAX_BODY_BYTES, type PutMetricDataOptions, type StatisticSetInput } from './metricdata';
export {
  STATISTICS, UNITS, COMPARISON_OPERATORS, AWS_COMPARISON_OPERATORS, COMPARISONS, STATE_VALUES, HISTORY_ITEM_TYPES, TREAT_MISSING_DATA,
  MAX_DIMENSIONS, MAX_DIMENSION_FILTERS, MAX_ACTIONS, MAX_ALARM_NAMES, ALARM_SHORT_PERIODS, STATISTICS_SHORT_PERIODS,
  type Statistic, type Unit, type ComparisonShorthand, type AwsComparisonOperator, type Comparison, type StateValue, type HistoryItemType,
} from './checks';
export { RegionInfo } from '../core/regions';

const fns = regionFunctions(CLOUDWATCH_SPEC, (options) => new CloudWatchConnection(options));
/** Every CloudWatch region, each a `RegionInfo` that can `connect()`. */
export const regions = fns.regions;
/** A connection to CloudWatch in the named region (boto2's `boto.ec2.cloudwatch.connect_to_region`). */
export const connectToRegion = fns.connectToRegion;
