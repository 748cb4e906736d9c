/**
 * A load balancer's health check (boto2's `boto.ec2.elb.healthcheck`).
 *
 * @module
 */
import type { HealthCheck as SdkHealthCheck } from '@aws-sdk/client-elastic-load-balancing';
import type { CallOptions } from '../core/connection';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link HealthCheck}, boto2's keyword arguments with boto2's defaults. */
export interface HealthCheckOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The name of the load balancer the health check belongs to (what `update()` configures). */
  accessPoint?: string;
  /** Seconds between checks of one instance, 5 to 300; default 30. */
  interval?: number;
  /**
   * What to check: `TCP:port` or `SSL:port` (a connection opens), or `HTTP:port/path` or
   * `HTTPS:port/path` (the path answers 200 OK), e.g. `HTTP:8080/health`.
   */
  target?: string;
  /** Consecutive successes that make an instance healthy, 2 to 10; default 3. */
  healthyThreshold?: number;
  /** Seconds without an answer that fail a check, 2 to 60 and less than `interval`; default 5. */
  timeout?: number;
  /** Consecutive failures that make an instance unhealthy, 2 to 10; default 5. */
  unhealthyThreshold?: number;
}

/**
 * How a load balancer decides which instances are up: it checks `target` on each
 * instance every `interval` seconds, and stops sending requests to an instance after
 * `unhealthyThreshold` failures in a row (and resumes after `healthyThreshold` successes).
 * Prints as `HealthCheck:HTTP:8080/health`.
 *
 * ```ts
 * const hc = new HealthCheck({ interval: 20, healthyThreshold: 3, unhealthyThreshold: 5, target: 'HTTP:8080/health' });
 * await lb.configureHealthCheck(hc);
 * ```
 */
export class HealthCheck extends BotoObject<ELBConnection> {
  /** The name of the load balancer the health check belongs to. */
  accessPoint: string | undefined;
  /** Seconds between checks of one instance. */
  interval: number;
  /** What to check, e.g. `HTTP:8080/health` or `TCP:80`. */
  target: string | undefined;
  /** Consecutive successes that make an instance healthy. */
  healthyThreshold: number;
  /** Seconds without an answer that fail a check. */
  timeout: number;
  /** Consecutive failures that make an instance unhealthy. */
  unhealthyThreshold: number;

  constructor(options: HealthCheckOptions = {}) {
    checkNew(HealthCheck, arguments);
    super(options.connection);
    this.accessPoint = options.accessPoint;
    this.interval = options.interval ?? 30;
    this.target = options.target;
    this.healthyThreshold = options.healthyThreshold ?? 3;
    this.timeout = options.timeout ?? 5;
    this.unhealthyThreshold = options.unhealthyThreshold ?? 5;
  }

  /** Builds one from an SDK `HealthCheck`, belonging to the load balancer `accessPoint`. @internal */
  static fromSdk(connection: ELBConnection, h: SdkHealthCheck, accessPoint?: string): HealthCheck {
    return new HealthCheck({
      connection,
      accessPoint,
      interval: h.Interval,
      target: h.Target,
      healthyThreshold: h.HealthyThreshold,
      timeout: h.Timeout,
      unhealthyThreshold: h.UnhealthyThreshold,
    });
  }

  toString(): string {
    return `HealthCheck:${this.target ?? 'None'}`;
  }

  /**
   * Sends this health check's values to its load balancer (`accessPoint`) and takes back
   * what AWS answers. As in boto2, a health check without `accessPoint` (a new one, not
   * read from a load balancer or configured yet) does nothing: resolves `false` without
   * sending anything. Resolves `true` once AWS accepted it.
   */
  async update(options?: CallOptions): Promise<boolean> {
    if (!this.accessPoint) return false;
    const answer = await this.requireConnection().configureHealthCheck(this.accessPoint, this, options);
    this.interval = answer.interval;
    this.target = answer.target;
    this.healthyThreshold = answer.healthyThreshold;
    this.unhealthyThreshold = answer.unhealthyThreshold;
    this.timeout = answer.timeout;
    return true;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(HealthCheck, {
  new: '{connection, accessPoint, interval, target, healthyThreshold, timeout, unhealthyThreshold}',
  update: '{signal}',
});
