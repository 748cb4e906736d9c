/**
 * botoscale: boto2's object-oriented interface to Auto Scaling, CloudWatch and Elastic
 * Load Balancing (plus the EC2 instance lookup the Auto Scaling tutorial uses), on the AWS
 * SDK v3.
 *
 * Importing botoscale loads no AWS SDK client: each service's client module is loaded on
 * a connection's first call.
 *
 * @module botoscale
 */
import type { ConnectionOptions } from './core/connection';
import { AutoScaleConnection } from './autoscale/connection';
import { CloudWatchConnection } from './cloudwatch/connection';
import { EC2Connection } from './ec2/connection';
import { ELBConnection } from './elb/connection';

export * from './core';
export * as autoscale from './autoscale';
export * as cloudwatch from './cloudwatch';
export * as elb from './elb';
export * as ec2 from './ec2';

/**
 * A connection to Auto Scaling (boto2's `boto.connect_autoscale()`): `(accessKey,
 * secretKey, options)` or `(options)`; see `ConnectionOptions` for how region, endpoint and
 * credentials are found when not given.
 */
export function connectAutoscale(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions): AutoScaleConnection {
  return new AutoScaleConnection(awsAccessKeyId, awsSecretAccessKey, options);
}

/** A connection to CloudWatch (boto2's `boto.connect_cloudwatch()`), for the alarms that drive scaling policies. */
export function connectCloudwatch(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions): CloudWatchConnection {
  return new CloudWatchConnection(awsAccessKeyId, awsSecretAccessKey, options);
}

/** A connection to Elastic Load Balancing (boto2's `boto.connect_elb()`). */
export function connectElb(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions): ELBConnection {
  return new ELBConnection(awsAccessKeyId, awsSecretAccessKey, options);
}

/** A connection to EC2 (boto2's `boto.connect_ec2()`), for the instance lookups the tutorial makes. */
export function connectEc2(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions): EC2Connection {
  return new EC2Connection(awsAccessKeyId, awsSecretAccessKey, options);
}
