/**
 * The simulated spot market: how many more spot instances each pool (an instance type in
 * an Availability Zone) can provide, and the interruption of running spot instances.
 * A pool without a limit set has unlimited capacity. An interruption follows the EC2
 * User Guide ("EC2 instance rebalance recommendations", "Spot Instance interruption
 * notices"): the instance gets a rebalance recommendation first, the two-minute
 * interruption notice a minute later, and EC2 terminates it when the notice runs out,
 * with the state reason `Server.SpotInstanceTermination`.
 *
 * @module
 */
import { awsError, type ServiceError } from '../errors';

/** Time between the rebalance recommendation and the interruption notice (ms). */
export const REBALANCE_LEAD_MS = 60_000;
/** The interruption notice's warning time: AWS's two minutes (ms). */
export const INTERRUPTION_NOTICE_MS = 120_000;

/** EC2's answer when a pool has no spot capacity left (RunInstances, CreateFleet). */
export function insufficientSpotCapacity(): ServiceError {
  return awsError('ec2', 'InsufficientInstanceCapacity', 'There is no Spot capacity available that matches your request.');
}

function poolKey(zone: string, instanceType: string): string {
  return `${zone}|${instanceType}`;
}

/** The spot pools' remaining capacity, for `--state`. */
export type SpotCapacitySnapshot = Record<string, number>;

/** Remaining spot capacity by pool. */
export class SpotMarket {
  #limits = new Map<string, number>();

  /** How many more spot instances a pool can provide; undefined: no limit. */
  available(zone: string, instanceType: string): number | undefined {
    return this.#limits.get(poolKey(zone, instanceType));
  }

  /** Sets (or, with undefined, lifts) the limit of a pool. */
  setAvailable(zone: string, instanceType: string, available: number | undefined): void {
    if (available === undefined) this.#limits.delete(poolKey(zone, instanceType));
    else this.#limits.set(poolKey(zone, instanceType), available);
  }

  /** Takes one instance's worth of capacity from a pool; throws EC2's error when there is none. */
  take(zone: string, instanceType: string): void {
    const left = this.available(zone, instanceType);
    if (left === undefined) return;
    if (left <= 0) throw insufficientSpotCapacity();
    this.#limits.set(poolKey(zone, instanceType), left - 1);
  }

  /** The limits as JSON-safe data. */
  snapshot(): SpotCapacitySnapshot {
    return Object.fromEntries(this.#limits);
  }

  /** Replaces the limits with a snapshot's (none when absent: files from before the spot market). */
  restore(s: SpotCapacitySnapshot | undefined): void {
    this.#limits = new Map(Object.entries(s ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
  }
}
