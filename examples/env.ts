/**
 * What the tutorials need from whoever runs them: where to connect, the values the
 * seeds assume (zones, an image, a key, a security group), how time passes and how to
 * put load on a group.
 *
 * Against botoscale local, time is the simulated clock: waiting advances it, so the
 * tutorials take seconds. Against any other endpoint or real AWS, waiting polls in
 * real time with a deadline. In your own code you need none of this: connect, call,
 * and wait as your situation demands.
 */
import { inspect } from 'node:util';
import { EC2Connection } from '../src/ec2';
import type { SimClock } from '../src/local/clock';

/** The values the seeds assume already exist ("defined elsewhere"). */
export interface LaunchSettings {
  /** Availability zones the groups and load balancers span. */
  zones: string[];
  /** A third zone, which the ELB tutorial enables. */
  otherZone: string;
  /** The image instances launch from. */
  imageId: string;
  /** The key pair instances launch with (none when undefined). */
  keyName?: string;
  /** Security groups of the instances (none when undefined). */
  securityGroups?: string[];
  /** Instance type (boto2's default, `m1.small`, when undefined). */
  instanceType?: string;
}

// #region seed-settings
const zones = ['us-east-1a', 'us-east-1b'];
const imageId = 'ami-12345678';
const keyName = 'my_key_name';
const securityGroups = ['my_security_groups'];
const otherZone = 'us-east-1c';
const instanceType = 'm1.small';
// #endregion

/** The seeds' values, as the tutorials use them against botoscale local. */
export const SEED_SETTINGS: LaunchSettings = { zones, otherZone, imageId, keyName, securityGroups, instanceType };

/** How the tutorials let time pass. */
export interface TimeDriver {
  /** `simulated` (botoscale local's clock, advanced by hand) or `real`. */
  readonly kind: 'simulated' | 'real';
  /**
   * Resolves once `check()` resolves true; rejects when it is still false after
   * `within` (`'90s'`, `'10m'`) of simulated or real time. `step` (`'1m'`) is how far a
   * simulated clock moves between checks, when the default (10 s) is finer than needed;
   * real time ignores it.
   */
  until(what: string, check: () => Promise<boolean>, within: string, step?: string): Promise<void>;
  /** Time passed since the driver was made, as `1m30s`. */
  elapsed(): string;
  /** The driver's time (simulated or real), in ms since the epoch. */
  now(): number;
}

/** How the scaling demo puts CPU load on a group's instances. */
export interface LoadDriver {
  /** How the load is made, for the output. */
  readonly description: string;
  /**
   * Sets the average CPU utilisation of the group's instances; `false` when the
   * endpoint cannot fake load (real AWS), so the demo sets the alarm states instead.
   */
  set(groupName: string, cpuPercent: number): Promise<boolean>;
}

/**
 * How the spot demo moves botoscale local's simulated world: the demand on a group (in
 * CPU-percent units shared by its InService instances) and the spot market taking
 * instances back. AWS itself cannot be told either.
 */
export interface MarketDriver {
  /** How it is done, for the output. */
  readonly description: string;
  /** Sets the group's demand: each InService instance then reports `min(100, demand / n)` CPU. */
  setDemand(groupName: string, demand: number): Promise<void>;
  /** Gives `count` of the group's spot instances AWS's interruption notice. */
  interrupt(groupName: string, count: number): Promise<void>;
}

/** Everything a tutorial is given. */
export interface TutorialEnv extends LaunchSettings {
  /** The endpoint URL; undefined means AWS itself. */
  endpoint: string | undefined;
  /** The region to connect to. */
  region: string;
  time: TimeDriver;
  load: LoadDriver;
  /** Demand and spot interruptions (botoscale local only; the spot demo is skipped without). */
  market?: MarketDriver;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds in `'1m30s'`, `'90s'`, `'250ms'`. */
export function durationMs(text: string): number {
  let total = 0;
  const rest = text.replace(/(\d+(?:\.\d+)?)(ms|s|m|h)/g, (_m, n: string, unit: string) => {
    total += Number(n) * (UNITS[unit] as number);
    return '';
  });
  if (rest.trim() !== '' || text.trim() === '') throw new RangeError(`a duration looks like 90s, 5m or 1m30s, got ${JSON.stringify(text)}`);
  return total;
}

/** `90500` → `1m30s`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${s % 60 === 0 ? '' : `${s % 60}s`}` : `${s}s`;
}

/** Waits on botoscale local's clock: each step advances it by `stepMs` (default 10 s). */
export function simulatedTime(clock: SimClock, stepMs = 10_000): TimeDriver {
  const start = clock.now();
  return {
    kind: 'simulated',
    async until(what, check, within, step) {
      const deadline = clock.now() + durationMs(within);
      const by = step === undefined ? stepMs : durationMs(step);
      const from = clock.now();
      for (;;) {
        if (await check()) {
          if (clock.now() > from) console.log(`  (${formatDuration(clock.now() - from)} of simulated time later: ${what})`);
          return;
        }
        if (clock.now() >= deadline) throw new Error(`still waiting for ${what} after ${within} of simulated time`);
        clock.advance(Math.min(by, deadline - clock.now()));
      }
    },
    elapsed: () => formatDuration(clock.now() - start),
    now: () => clock.now(),
  };
}

/** Waits in real time, checking every `pollMs` (default 5 s). */
export function realTime(pollMs = 5_000): TimeDriver {
  const start = Date.now();
  return {
    kind: 'real',
    async until(what, check, within) {
      const from = Date.now();
      const deadline = from + durationMs(within);
      let reported = from;
      for (;;) {
        if (await check()) {
          if (Date.now() - from >= 1000) console.log(`  (${formatDuration(Date.now() - from)} later: ${what})`);
          return;
        }
        if (Date.now() >= deadline) throw new Error(`still waiting for ${what} after ${within}`);
        if (Date.now() - reported >= 30_000) {
          console.log(`  ... waiting for ${what} (${formatDuration(Date.now() - from)} so far, at most ${within})`);
          reported = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, deadline - Date.now())));
      }
    },
    elapsed: () => formatDuration(Date.now() - start),
    now: () => Date.now(),
  };
}

/**
 * Waits in real time on a botoscale local in another process, reading its clock
 * (`GET /_botoscale/clock`) so that durations are the endpoint's: a server started
 * with `--speed 60` runs the tutorials 60 times faster. Checks every `pollMs` of real
 * time (default 1 s).
 */
export async function endpointClockTime(endpoint: string, pollMs = 1_000): Promise<TimeDriver | undefined> {
  const base = endpoint.replace(/\/+$/, '');
  const read = async (): Promise<number> => {
    const answer = await fetch(`${base}/_botoscale/clock`, { signal: AbortSignal.timeout(5_000) });
    const body = (await answer.json()) as { epochMillis?: unknown };
    if (!answer.ok || typeof body.epochMillis !== 'number') throw new Error(`GET ${base}/_botoscale/clock answered ${answer.status}`);
    return body.epochMillis;
  };
  let last: number;
  try {
    last = await read();
  } catch {
    return undefined;
  }
  const start = last;
  return {
    kind: 'real',
    async until(what, check, within) {
      const from = (last = await read());
      const deadline = from + durationMs(within);
      for (;;) {
        if (await check()) {
          if (last > from) console.log(`  (${formatDuration(last - from)} of the endpoint's time later: ${what})`);
          return;
        }
        if (last >= deadline) throw new Error(`still waiting for ${what} after ${within} of the endpoint's time`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        last = await read();
      }
    },
    elapsed: () => formatDuration(last - start),
    now: () => last,
  };
}

/** Load through a function, e.g. botoscale local's in-process `setLoad`. */
export function loadThrough(setLoad: (groupName: string, cpuPercent: number) => void | Promise<void>, description: string): LoadDriver {
  return {
    description,
    async set(groupName, cpuPercent) {
      await setLoad(groupName, cpuPercent);
      return true;
    },
  };
}

/**
 * Load through botoscale local's control API (`POST /_botoscale/load`), for a botoscale
 * local in another process; `undefined` when the endpoint has no such API.
 */
export async function controlApiLoad(endpoint: string): Promise<LoadDriver | undefined> {
  const base = endpoint.replace(/\/+$/, '');
  try {
    const health = await fetch(`${base}/_botoscale/health`, { signal: AbortSignal.timeout(5_000) });
    if (!health.ok) return undefined;
  } catch {
    return undefined;
  }
  return {
    description: `botoscale local's control API, POST ${base}/_botoscale/load`,
    async set(groupName, cpuPercent) {
      const answer = await fetch(`${base}/_botoscale/load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ group: groupName, cpu: cpuPercent }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!answer.ok) throw new Error(`POST /_botoscale/load answered ${answer.status}: ${await answer.text()}`);
      return true;
    },
  };
}

/**
 * Demand and interruptions through botoscale local's control API (`POST /_botoscale/load`
 * with `demand`, `POST /_botoscale/spot/interrupt`), for a botoscale local in another
 * process; `undefined` when the endpoint has no such API.
 */
export async function controlApiMarket(endpoint: string): Promise<MarketDriver | undefined> {
  const base = endpoint.replace(/\/+$/, '');
  if ((await controlApiLoad(endpoint)) === undefined) return undefined;
  const post = async (path: string, body: unknown): Promise<void> => {
    const answer = await fetch(`${base}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000),
    });
    if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}: ${await answer.text()}`);
  };
  return {
    description: `botoscale local's control API, POST ${base}/_botoscale/load and /_botoscale/spot/interrupt`,
    setDemand: (group, demand) => post('/_botoscale/load', { group, demand }),
    interrupt: (group, count) => post('/_botoscale/spot/interrupt', { group, count }),
  };
}

/** No way to fake load (real AWS): the demo sets alarm states instead. */
export const NO_LOAD: LoadDriver = {
  description: 'none: AWS cannot be told what CPU to report, so the demo sets the alarms\' state, which runs their actions as a real breach would',
  set: async () => false,
};

/** A heading in the output, so the output reads alongside the seed. */
export function heading(text: string): void {
  console.log(`\n## ${text}\n`);
}

/** One-line form of a value as the REPL shows it, for lines that label a value. */
export function show(value: unknown): string {
  return inspect(value, { breakLength: Infinity, depth: 4 });
}

/** The seed's security groups this process created (and deletes again), by endpoint. */
const madeGroups = new Map<string | undefined, Set<string>>();

/** Which of `names` no security group of the region's default VPC has. */
async function missingGroups(endpoint: string | undefined, names: readonly string[]): Promise<string[]> {
  const lookup = new EC2Connection({ endpoint });
  try {
    const sdk = await lookup.client();
    const out = await sdk.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [...names] }] });
    const found = new Set((out.SecurityGroups ?? []).map((g) => g.GroupName));
    return names.filter((n) => !found.has(n));
  } finally {
    lookup.close();
  }
}

/**
 * Creates the security groups the seeds assume "defined elsewhere", as a user must before
 * anything launches in them (AWS and botoscale local both fail a launch naming a group
 * that does not exist). Only the seed's own names, and only those missing: groups given
 * on the command line are the user's. botoscale's EC2 connection has only the tutorials'
 * lookups, so this goes through the AWS SDK client it is built on (`client()`, with its
 * endpoint, region and credentials). Returns the names it created.
 */
export async function makeSeedGroups(env: TutorialEnv): Promise<string[]> {
  const seed = SEED_SETTINGS.securityGroups ?? [];
  const wanted = env.securityGroups ?? [];
  if (wanted.length !== seed.length || wanted.some((g, i) => g !== seed[i])) return [];
  const { endpoint } = env;
  const securityGroups = await missingGroups(endpoint, wanted);
  // #region create-security-group
  const ec2Lookup = new EC2Connection({ endpoint });
  const ec2Api = await ec2Lookup.client();
  for (const GroupName of securityGroups) {
    await ec2Api.createSecurityGroup({ GroupName, Description: 'the tutorial instances' });
  }
  // #endregion
  ec2Lookup.close();
  const made = madeGroups.get(endpoint) ?? new Set<string>();
  for (const name of securityGroups) made.add(name);
  madeGroups.set(endpoint, made);
  return securityGroups;
}

/**
 * Deletes the security groups {@link makeSeedGroups} created. A group is in use until its
 * instances have terminated (EC2 answers DependencyViolation until then), so this waits.
 * Returns what it could not delete.
 */
export async function deleteMadeGroups(env: TutorialEnv): Promise<string[]> {
  const made = madeGroups.get(env.endpoint) ?? new Set<string>();
  const lookup = new EC2Connection({ endpoint: env.endpoint });
  const problems: string[] = [];
  try {
    const ec2Api = await lookup.client();
    for (const GroupName of [...made]) {
      let last = '';
      const gone = async (): Promise<boolean> => {
        try {
          await ec2Api.deleteSecurityGroup({ GroupName });
          return true;
        } catch (err) {
          last = err instanceof Error ? err.message : String(err);
          return (err as { name?: string }).name === 'InvalidGroup.NotFound';
        }
      };
      await env.time.until(`security group ${GroupName} to be deleted`, gone, '15m').then(
        () => made.delete(GroupName),
        () => problems.push(`security group ${GroupName}: ${last}`),
      );
    }
  } finally {
    lookup.close();
  }
  return problems;
}

/** Deletes the security groups {@link makeSeedGroups} created, at the end of a tutorial; throws what it could not delete. */
export async function deleteSeedGroups(env: TutorialEnv): Promise<void> {
  const problems = await deleteMadeGroups(env);
  if (problems.length > 0) throw new Error(`Could not delete:\n  ${problems.join('\n  ')}`);
}
