/**
 * The control API of botoscale local, under `/_botoscale/`: health, the simulated clock
 * (read and advance; one clock for every region), a group's load or demand, an instance's
 * health, and the spot market. JSON in, JSON out. A body's `"region"` names the region
 * whose cloud an input acts on (default: the server's default region). Every input that
 * changes a cloud goes through the server's `record`, so that `--state` journals it as a
 * {@link Change} and replays it.
 *
 * @module
 */
import { checkAdvance, parseDuration, type SimClock } from './clock';
import type { LocalCloud } from './cloud';
import type { CloudSet } from './clouds';
import type { Change } from './changes';
import { MAX_JSON_DEPTH, parseJsonBody } from './protocol/json-body';
import { PROFILES } from './protocol/services';
import { ControlInputError, type DemandSetting, type SpotCapacitySetting, type SpotInterruption } from './spot-control';

/** What the control API acts on: the server's clouds (one per region, on one clock) and journal. */
export interface ControlContext {
  /** The simulated clouds, by region. */
  clouds: CloudSet;
  /** Makes a change through `fn`, recording it in the journal with `--state`. */
  record: <T>(change: Change, fn: () => T) => T;
  /** Sets a group's demand in a region (recorded). */
  setDemand(group: string, demand: number, region?: string): DemandSetting;
  /** The spot market's controls (recorded). */
  spot: {
    /** Interrupts `count` of the group's InService spot instances. */
    interrupt(group: string, count: number, region?: string): SpotInterruption;
    /** Sets how many more spot instances a pool can provide. */
    setCapacity(zone: string, instanceType: string, available?: number, region?: string): SpotCapacitySetting;
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

/** The cloud of the body's `"region"` (the default region's when it names none); a region not served is a `ControlInputError`. */
function cloudOf(clouds: CloudSet, json: Record<string, unknown>): LocalCloud {
  return json.region === undefined ? clouds.default : clouds.get(json.region as string);
}

/** Answers one control request (`method`, `path` under `/_botoscale/`, raw `body`) through `reply`. */
export async function handleControl(ctx: ControlContext, method: string, path: string, body: Buffer, reply: ControlReply): Promise<void> {
  const { clouds, record, setDemand, spot } = ctx;
  const { clock } = clouds;
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
        return reply(200, { status: 'ok', region: clouds.defaultRegion, regions: clouds.regions(), accountId: clouds.default.accountId, time: clock.date().toISOString(), services: Object.keys(PROFILES) });
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
        const region = json.region as string | undefined;
        const answer = route.endsWith('interrupt') ? spot.interrupt(json.group as string, json.count as number, region) : spot.setCapacity(json.zone as string, json.instanceType as string, json.available as number | undefined, region);
        return reply(200, answer);
      }
      case 'POST /_botoscale/load': {
        const { group, cpu } = json;
        if (typeof group !== 'string' || group === '') return fail(400, 'InvalidRequest', 'give "group": the Auto Scaling group name');
        if ('demand' in json) {
          if (cpu !== undefined) return fail(400, 'InvalidRequest', 'give either "cpu" (each instance\'s CPU percent) or "demand" (CPU-percent units shared by the group), not both');
          return reply(200, setDemand(group, json.demand as number, json.region as string | undefined));
        }
        if (typeof cpu !== 'number' || !Number.isFinite(cpu) || cpu < 0 || cpu > 100) return fail(400, 'InvalidRequest', 'give "cpu": a number from 0 to 100');
        const cloud = cloudOf(clouds, json);
        record({ kind: 'load', region: cloud.region, group, cpu }, () => cloud.setLoad(group, cpu));
        return reply(200, { group, cpu });
      }
      case 'POST /_botoscale/instance/health': {
        const { instance, healthy } = json;
        if (typeof instance !== 'string' || typeof healthy !== 'boolean') return fail(400, 'InvalidRequest', 'give "instance": an instance id and "healthy": true or false');
        const cloud = cloudOf(clouds, json);
        const view = cloud.ec2.getInstance(instance);
        if (view === undefined) return fail(404, 'NotFound', `no instance ${instance} in ${cloud.region}`);
        record({ kind: 'health', region: cloud.region, instance, healthy }, () => {
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
