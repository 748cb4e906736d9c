/**
 * The botoscale connections autoscalectl talks through, built only from botoscale's
 * public API.
 *
 * @module
 */
import { AutoScaleConnection } from '../../autoscale';
import { CloudWatchConnection } from '../../cloudwatch';
import { EC2Connection } from '../../ec2';
import { ELBConnection } from '../../elb';
import type { ConnectionOptions } from '../../index';

/** The connections of one run. */
export interface Clients {
  /** Auto Scaling. */
  autoscale: AutoScaleConnection;
  /** CloudWatch. */
  cloudwatch: CloudWatchConnection;
  /** Elastic Load Balancing. */
  elb: ELBConnection;
  /** EC2, for launch templates. */
  ec2: EC2Connection;
}

/** Connections to every service with the same region, endpoint and credentials. */
export function connectAll(options: ConnectionOptions): Clients {
  return {
    autoscale: new AutoScaleConnection(options),
    cloudwatch: new CloudWatchConnection(options),
    elb: new ELBConnection(options),
    ec2: new EC2Connection(options),
  };
}
