/**
 * The control API of botoscale local, under `/_botoscale/`: health, the simulated clock
 * (read and advance), a group's load or demand, an instance's health, and the spot market.
 * JSON in, JSON out. Every input that changes the cloud goes through the server's
 * `record`, so that `--state` journals it as a {@link Change} and replays it.
 *
 * @module
 */
import { checkAdvance, parseDuration, type SimClock } from './clock';
import type { LocalCloud } from './cloud';
import type { Change } from './changes';
import { MAX_JSON_DEPTH, parseJsonBody } from './protocol/json-body';
import { PROFILES } from './protocol/services';
import { ControlInputError, type DemandSetting, type SpotCapacitySetting, type SpotInterruption } from './spot-control';

/** What the control API acts on: the server's cloud, clock and journal. */
export interface ControlContext {
  /** Region of the simulated cloud. */
  region: string;
  /** The simulated cloud. */
  cloud: LocalCloud;
  /** Its clock. */
  clock: SimClock;
  /** Makes a change through `fn`, recording it in the journal with `--state`. */
  record: <T>(change: Change, fn: () => T) => T;
  /** Sets a group's demand (recorded). */
  setDemand(group: string, demand: number): DemandSetting;
  /** The spot market's controls (recorded). */
  spot: {
    /** Interrupts `count` of the group's InService spot instances. */
    interrupt(group: string, count: number): SpotInterruption;
    /** Sets how many more spot instances a pool can provide. */
    setCapacity(zone: string, instanceType: string, available?: number): SpotCapacitySetting;
  };
  /** Writes the state file after a clock advance (nothing without `--state`). */
  sync(): void;
  /** Called with internal errors. */
  onError(err: unknown): void;
  /** The message of an `InternalFailure` answer. */
  internalFailure: string;
}

/** Sends a JSON answer with its status. */
export type ControlReply = (status: number, value: unknown) => void;

/** What `GET /_botoscale/clock` answers: the simulated time and how the clock runs. */
export function clockInfo(clock: SimClock): Record<string, unknown> {
  return {
    now: clock.date().toISOString(),
    epochMillis: clock.now(),
    speed: clock.speed,
    running: clock.running,
    stepMs: clock.stepMs,
  };
}

/** Answers one control request (`method`, `path` under `/_botoscale/`, raw `body`) through `reply`. */
export async function handleControl(ctx: ControlContext, method: string, path: string, body: Buffer, reply: ControlReply): Promise<void> {
  const { region, cloud, clock, record, setDemand, spot } = ctx;
  const fail = (status: number, code: string, message: string): void => reply(status, { error: { code, message } });
  let json: Record<string, unknown> = {};
  if (method === 'POST' && body.length > 0) {
    const read = parseJsonBody(body.toString('utf8'));
    if (!read.ok) return fail(400, 'InvalidRequest', read.problem === 'depth' ? `the body nests deeper than ${MAX_JSON_DEPTH} levels` : 'the body is not valid JSON');
    const parsed = read.value;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail(400, 'InvalidRequest', 'the body must be a JSON object');
    json = parsed as Record<string, unknown>;
  }
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /_botoscale/health':
        return reply(200, { status: 'ok', region, accountId: cloud.accountId, time: clock.date().toISOString(), services: Object.keys(PROFILES) });
      case 'GET /_botoscale/clock':
        return reply(200, clockInfo(clock));
      case 'POST /_botoscale/clock/advance': {
        const by = json.by;
        if (typeof by !== 'string' && typeof by !== 'number') return fail(400, 'InvalidRequest', 'give "by": a duration such as "5m", "90s" or a number of milliseconds');
        let ms: number;
        try {
          ms = checkAdvance(parseDuration(by), '"by" must be', 'request');
        } catch (err) {
          return fail(400, 'InvalidRequest', (err as Error).message);
        }
        // In slices, so the server answers other requests while a long advance runs.
        await clock.advanceInSlices(ms);
        // The server closed while it ran: nothing more is written or answered.
        if (clock.advancesCancelled) return;
        ctx.sync();
        return reply(200, clockInfo(clock));
      }
      case 'POST /_botoscale/spot/interrupt':
      case 'POST /_botoscale/spot/capacity': {
        const answer = route.endsWith('interrupt') ? spot.interrupt(json.group as string, json.count as number) : spot.setCapacity(json.zone as string, json.instanceType as string, json.available as number | undefined);
        return reply(200, answer);
      }
      case 'POST /_botoscale/load': {
        const { group, cpu } = json;
        if (typeof group !== 'string' || group === '') return fail(400, 'InvalidRequest', 'give "group": the Auto Scaling group name');
        if ('demand' in json) {
          if (cpu !== undefined) return fail(400, 'InvalidRequest', 'give either "cpu" (each instance\'s CPU percent) or "demand" (CPU-percent units shared by the group), not both');
          return reply(200, setDemand(group, json.demand as number));
        }
        if (typeof cpu !== 'number' || !Number.isFinite(cpu) || cpu < 0 || cpu > 100) return fail(400, 'InvalidRequest', 'give "cpu": a number from 0 to 100');
        record({ kind: 'load', group, cpu }, () => cloud.setLoad(group, cpu));
        return reply(200, { group, cpu });
      }
      case 'POST /_botoscale/instance/health': {
        const { instance, healthy } = json;
        if (typeof instance !== 'string' || typeof healthy !== 'boolean') return fail(400, 'InvalidRequest', 'give "instance": an instance id and "healthy": true or false');
        const view = cloud.ec2.getInstance(instance);
        if (view === undefined) return fail(404, 'NotFound', `no instance ${instance}`);
        record({ kind: 'health', instance, healthy }, () => {
          view.healthy = healthy;
          cloud.touch();
        });
        return reply(200, { instance, healthy });
      }
      default:
        if (['/_botoscale/health', '/_botoscale/clock', '/_botoscale/clock/advance', '/_botoscale/load', '/_botoscale/instance/health', '/_botoscale/spot/interrupt', '/_botoscale/spot/capacity'].includes(path.replace(/\/+$/, ''))) {
          return fail(405, 'MethodNotAllowed', `${method} is not allowed on ${path}`);
        }
        return fail(404, 'NotFound', `no control endpoint ${path}; try GET /_botoscale/health, GET /_botoscale/clock, POST /_botoscale/clock/advance, POST /_botoscale/load, POST /_botoscale/instance/health, POST /_botoscale/spot/interrupt or POST /_botoscale/spot/capacity`);
    }
  } catch (err) {
    if (err instanceof ControlInputError) return fail(400, 'InvalidRequest', err.message);
    ctx.onError(err);
    return fail(500, 'InternalFailure', ctx.internalFailure);
  }
}
