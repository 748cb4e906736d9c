/**
 * The changes the `--state` journal records, and how one is applied again to a cloud.
 * A change is recorded as what caused it, not as the state it produced: a request (its
 * service, action and parameters as received), a move of the clock, a load, an instance's
 * health. Applying the same changes in the same order to the same state gives the same
 * state, because the cloud's only other input is the ids it makes, and those are
 * recorded with each change ({@link IdTape}) and handed out again on replay.
 *
 * @module
 */
import type { LocalCloud } from './cloud';
import type { CloudSet } from './clouds';
import { ServiceError } from './errors';
import { ControlInputError } from './spot-control';
import { withIdRecorder, type IdRecorder } from './ids';
import { decodeJson, decodeQuery, operationOf } from './protocol/codec';
import { PROFILES } from './protocol/services';
import type { Route } from './router';
import type { ServiceName } from './types';

/** A request that may have changed the state. */
export interface CallChange {
  /** A request. */
  kind: 'call';
  /** The service's signing name. */
  service: ServiceName;
  /** The action. */
  action: string;
  /** Query parameters in order (query protocol). */
  params?: Array<[string, string]>;
  /** The parsed body (AWS JSON protocol). */
  body?: unknown;
  /** The request id it was answered with. */
  requestId: string;
  /** The ids it made, in order. */
  ids: string[];
  /** The region whose cloud it changed; absent in journals written before botoscale local served several regions (then the default region). */
  region?: string;
}

/** The clock moved to `now` (running every step on the way). */
export interface ClockChange {
  /** A move of the clock. */
  kind: 'clock';
  /** Simulated time after the move. */
  now: number;
  /** Simulated time of the step after it. */
  nextStep: number;
  /** The ids the steps made, in order. */
  ids: string[];
}

/** A group's simulated CPU load was set. */
export interface LoadChange {
  /** A load set. */
  kind: 'load';
  /** The group. */
  group: string;
  /** CPU percent, 0 to 100. */
  cpu: number;
  /** The region whose cloud it changed; absent in journals written before botoscale local served several regions (then the default region). */
  region?: string;
}

/** An instance was made to pass or fail its health checks. */
export interface HealthChange {
  /** An instance's health set. */
  kind: 'health';
  /** The instance id. */
  instance: string;
  /** Whether it passes its health checks. */
  healthy: boolean;
  /** The region whose cloud it changed; absent in journals written before botoscale local served several regions (then the default region). */
  region?: string;
}

/** A group's demand was set (CPU-percent units shared by its instances). */
export interface DemandChange {
  /** A demand set. */
  kind: 'demand';
  /** The group. */
  group: string;
  /** The demand, as given (checked again when applied). */
  demand: number;
  /** The region whose cloud it changed; absent in journals written before botoscale local served several regions (then the default region). */
  region?: string;
}

/** Some of a group's spot instances were given AWS's interruption. */
export interface SpotInterruptChange {
  /** An interruption. */
  kind: 'spot-interrupt';
  /** The group. */
  group: string;
  /** How many of its spot instances. */
  count: number;
  /** The region whose cloud it changed; absent in journals written before botoscale local served several regions (then the default region). */
  region?: string;
}

/** A spot pool's remaining capacity was set (or its limit lifted: `available` absent). */
export interface SpotCapacityChange {
  /** A capacity set. */
  kind: 'spot-capacity';
  /** The zone. */
  zone: string;
  /** The instance type. */
  instanceType: string;
  /** How many more instances it can provide; absent: no limit. */
  available?: number;
  /** The region whose cloud it changed; absent in journals written before botoscale local served several regions (then the default region). */
  region?: string;
}

/** A region's cloud was made, on the first request or control input naming the region. */
export interface RegionChange {
  /** A region's cloud made. */
  kind: 'region';
  /** The region. */
  region: string;
  /** The ids its making made (its default VPC, subnets and security group), in order. */
  ids: string[];
}

/** One recorded change. */
export type Change = CallChange | ClockChange | LoadChange | HealthChange | DemandChange | SpotInterruptChange | SpotCapacityChange | RegionChange;

/** Whether a change records the ids it made. */
export function recordsIds(change: Change): change is CallChange | ClockChange | RegionChange {
  return change.kind === 'call' || change.kind === 'clock' || change.kind === 'region';
}

/**
 * Records the ids made while it is armed (the live server), or hands out the ids of a
 * recorded change again (replay), making new ones once those run out.
 */
export class IdTape implements IdRecorder {
  #recorded: string[] = [];
  #replay: string[] = [];

  /** {@inheritDoc IdRecorder.next} */
  next(make: () => string): string {
    const id = this.#replay.length > 0 ? (this.#replay.shift() as string) : make();
    this.#recorded.push(id);
    return id;
  }

  /** The ids made since the last call. */
  drain(): string[] {
    const ids = this.#recorded;
    this.#recorded = [];
    return ids;
  }

  /** Makes the next ids handed out be `ids`. */
  replay(ids: readonly string[]): void {
    this.#replay = [...ids];
  }

  /** Forgets every recorded and replayable id. */
  reset(): void {
    this.#recorded = [];
    this.#replay = [];
  }
}

/** The change a routed request makes in `region`, before its ids are known. */
export function callChange(route: Route, requestId: string, region: string): CallChange {
  const change: CallChange = { kind: 'call', region, service: route.profile.name, action: route.action, requestId, ids: [] };
  if (route.protocol === 'query') change.params = [...route.params];
  else change.body = route.body;
  return change;
}

function applyCall(cloud: LocalCloud, change: CallChange): void {
  const profile = PROFILES[change.service];
  const handlers = cloud.handlers(change.service);
  if (!Object.prototype.hasOwnProperty.call(handlers, change.action)) throw new Error(`no handler for ${change.service} ${change.action}`);
  const handler = handlers[change.action] as NonNullable<(typeof handlers)[string]>;
  const op = operationOf(profile, change.action);
  const ctx = { cloud, region: cloud.region, accountId: cloud.accountId, requestId: change.requestId, now: cloud.clock.now() };
  try {
    const input = change.params !== undefined ? decodeQuery(profile, op, new Map(change.params)) : decodeJson(profile, op, change.body);
    handler(input, ctx);
  } catch (err) {
    // The request was answered with this error the first time too; what it did before failing is replayed.
    if (!(err instanceof ServiceError)) throw err;
  } finally {
    cloud.touch();
  }
}

/** Applies a spot or demand setting; one that was refused the first time is refused again, changing nothing. */
function applyControl(cloud: LocalCloud, change: DemandChange | SpotInterruptChange | SpotCapacityChange): void {
  try {
    if (change.kind === 'demand') cloud.setDemand(change.group, change.demand);
    else if (change.kind === 'spot-interrupt') cloud.spot.interrupt(change.group, change.count);
    else cloud.spot.setCapacity(change.zone, change.instanceType, change.available);
  } catch (err) {
    if (!(err instanceof ControlInputError)) throw err;
  }
}

/**
 * Applies one recorded change to the region's cloud it names (the default region's when it
 * names none: a journal written before botoscale local served several regions), handing
 * out the ids it recorded through `tape`.
 */
export function applyChange(clouds: CloudSet, tape: IdTape, change: Change): void {
  tape.replay(recordsIds(change) ? change.ids : []);
  // A journal records a region's making before its first change; made here only if the line is missing.
  const region = change.kind === 'clock' ? undefined : change.region;
  const cloud = (): LocalCloud => clouds.create(region);
  const { clock } = clouds;
  try {
    switch (change.kind) {
      case 'call':
        withIdRecorder(tape, () => applyCall(cloud(), change));
        break;
      case 'clock':
        if (change.now > clock.now()) clock.advance(change.now - clock.now());
        clock.restore({ now: change.now, nextStep: change.nextStep });
        break;
      case 'region':
        withIdRecorder(tape, cloud);
        break;
      case 'load':
        cloud().setLoad(change.group, change.cpu);
        break;
      case 'health': {
        const target = cloud();
        const view = target.ec2.getInstance(change.instance);
        if (view !== undefined) view.healthy = change.healthy;
        target.touch();
        break;
      }
      default:
        applyControl(cloud(), change);
    }
  } finally {
    tape.reset();
  }
}
