/**
 * The spot market and load controls of botoscale local, shared by code
 * (`local.spot.interrupt`, `local.spot.setCapacity`, `local.setDemand`) and the JSON control
 * API (`POST /_botoscale/spot/interrupt`, `POST /_botoscale/spot/capacity`,
 * `POST /_botoscale/load` with `demand`). Every input is checked and bounded before
 * anything changes; a refused call changes nothing.
 *
 * @module
 */
import type { Cloud } from './types';

/** Largest `count` of one interruption call. */
export const MAX_INTERRUPT = 1000;
/** Largest spot capacity a pool can be given. */
export const MAX_SPOT_CAPACITY = 1_000_000;
/** Largest demand of a group, in CPU-percent units (10,000 instances at 100%). */
export const MAX_DEMAND = 1_000_000;
const NAME = /^[\u0020-\uD7FF\uE000-\uFFFD]{1,255}$/;
const INSTANCE_TYPE = /^[a-z0-9-]{1,24}\.[a-z0-9-]{1,24}$/;

/** A control input that is not allowed: the control API answers it with a 400. */
export class ControlInputError extends RangeError {
  /** `ControlInputError`. */
  override readonly name = 'ControlInputError';
}

/** A group's demand as set. */
export interface DemandSetting {
  /** The group. */
  group: string;
  /** Its demand, in CPU-percent units. */
  demand: number;
}

/** What an interruption did. */
export interface SpotInterruption {
  /** The group. */
  group: string;
  /** How many of its spot instances were given notice. */
  count: number;
  /** Their ids. */
  instances: string[];
}

/** A pool's spot capacity setting. */
export interface SpotCapacitySetting {
  /** The zone. */
  zone: string;
  /** The instance type. */
  instanceType: string;
  /** How many more spot instances the pool can provide; null: no limit. */
  available: number | null;
}

/** Checks a group name given to a control. */
export function checkGroupName(who: string, group: unknown): string {
  if (typeof group !== 'string' || !NAME.test(group)) throw new ControlInputError(`${who}: give "group": the Auto Scaling group name (1 to 255 characters)`);
  return group;
}

function checkCount(who: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ControlInputError(`${who}: give "${name}": a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return value;
}

/** Checks a demand given to `setDemand` or the load control. */
export function checkDemand(who: string, demand: unknown): number {
  if (typeof demand !== 'number' || !Number.isFinite(demand) || demand < 0 || demand > MAX_DEMAND) {
    throw new ControlInputError(`${who}: give "demand": a number from 0 to ${MAX_DEMAND} (CPU-percent units shared by the group's InService instances), got ${JSON.stringify(demand) ?? 'nothing'}`);
  }
  return demand;
}

/** The spot market of a simulated cloud, as users drive it. */
export class SpotControl {
  readonly #cloud: Cloud;
  readonly #changed: () => void;

  constructor(cloud: Cloud, changed: () => void) {
    this.#cloud = cloud;
    this.#changed = changed;
  }

  /**
   * Gives `count` of the group's InService spot instances (oldest first) AWS's interruption:
   * a rebalance recommendation now, the two-minute notice a minute later, termination two
   * minutes after that. Refused, with nothing changed, when the group has fewer.
   */
  interrupt(group: unknown, count: unknown): SpotInterruption {
    const name = checkGroupName('spot.interrupt', group);
    const n = checkCount('spot.interrupt', 'count', count, 1, MAX_INTERRUPT);
    const ids = this.#cloud.autoscaling.groupInstances(name);
    if (ids === undefined) throw new ControlInputError(`spot.interrupt: no Auto Scaling group named ${name}`);
    const ec2 = this.#cloud.ec2;
    const candidates = ids
      .map((id) => ec2.getInstance(id))
      .filter((v) => v !== undefined && v.instanceLifecycle === 'spot' && v.state === 'running' && v.rebalanceRecommendedAt === undefined)
      .sort((a, b) => (a?.launchTime ?? 0) - (b?.launchTime ?? 0));
    if (candidates.length < n) {
      throw new ControlInputError(`spot.interrupt: group ${name} has ${candidates.length} InService spot instance(s) not already interrupted; asked for ${n}`);
    }
    const chosen = candidates.slice(0, n).map((v) => v?.id as string);
    for (const id of chosen) ec2.interruptSpotInstance(id);
    this.#changed();
    return { group: name, count: n, instances: chosen };
  }

  /** Sets how many more spot instances a pool can provide; `available` undefined or null lifts the limit. */
  setCapacity(zone: unknown, instanceType: unknown, available?: unknown): SpotCapacitySetting {
    const zones = this.#cloud.ec2.zones();
    if (typeof zone !== 'string' || !zones.includes(zone)) throw new ControlInputError(`spot.setCapacity: give "zone": one of ${zones.join(', ')}`);
    if (typeof instanceType !== 'string' || !INSTANCE_TYPE.test(instanceType)) throw new ControlInputError('spot.setCapacity: give "instanceType": an instance type such as m5.large');
    const limit = available === undefined || available === null ? undefined : checkCount('spot.setCapacity', 'available', available, 0, MAX_SPOT_CAPACITY);
    this.#cloud.ec2.setSpotCapacity(zone, instanceType, limit);
    this.#changed();
    return { zone, instanceType, available: limit ?? null };
  }

  /** A pool's setting now. */
  capacity(zone: string, instanceType: string): SpotCapacitySetting {
    return { zone, instanceType, available: this.#cloud.ec2.spotCapacity(zone, instanceType) ?? null };
  }
}
