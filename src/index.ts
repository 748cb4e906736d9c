/**
 * botoscale: boto2's object-oriented interface to Auto Scaling, CloudWatch and Elastic
 * Load Balancing, on the AWS SDK v3.
 *
 * @module botoscale
 */
import type { ConnectionOptions } from './core/connection';
import { AutoScaleConnection } from './autoscale/connection';

export * from './core';
export * as autoscale from './autoscale';

/** A connection to Auto Scaling (boto2's `boto.connect_autoscale()`). */
export function connectAutoscale(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions): AutoScaleConnection {
  return new AutoScaleConnection(awsAccessKeyId, awsSecretAccessKey, options);
}
