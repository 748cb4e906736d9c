/**
 * The HTTP server of botoscale local: its lifecycle (start, listen, close) and what it
 * is made of: the simulated clock and its clouds (one per signing region, `clouds.ts`), the state file's store, the response cache,
 * the control API under `/_botoscale/` (`control.ts`) and the request pipeline that
 * answers each request (`pipeline.ts`).
 *
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials } from './auth';
import { SimClock, type SimClockOptions } from './clock';
import type { LocalCloud, LocalLimits } from './cloud';
import { CloudSet } from './clouds';
import { handleControl } from './control';
import { INTERNAL_FAILURE, requestListener } from './pipeline';
import { ResponseCache } from './response-cache';
import type { DemandSetting, SpotCapacitySetting, SpotInterruption } from './spot-control';
import type { Change } from './changes';
import type { StateFs } from './journal';
import { StateStore } from './store';

/** Options of {@link startLocal}. */
export interface LocalOptions {
  /** Port to listen on; 0 picks a free one. Default 4599. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** State file: loaded at start if present; every change is on disk (in its journal) before it is answered. */
  state?: string;
  /** The file operations `state` makes while serving; tests give one that fails as a full disk would. Default: Node's. */
  stateFs?: StateFs;
  /** How many times faster than real time the clock runs. Default 1. */
  speed?: number;
  /**
   * The default region: unsigned requests and control inputs that name no region go to its
   * cloud. A request signed for another region botoscale local serves gets that region's
   * cloud, made on first use. Default `us-east-1`.
   */
  region?: string;
  /** When set, every request must be SigV4-signed with this key pair. */
  auth?: Credentials;
  /** Options of the simulated clock (start time, step length). */
  clock?: SimClockOptions;
  /** Whether the clock runs by itself at real time × speed (default true); false: only `clock.advance()` moves it. */
  realTime?: boolean;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Called with internal errors (a handler bug, a failed simulation step, a failed state write); default: printed to stderr. */
  onError?: (err: unknown) => void;
  /** Account quotas (groups, launch configurations, load balancers); AWS's defaults where absent. */
  limits?: LocalLimits;
  /** Image ids EC2 accepts besides well-formed `ami-…` ids (a tutorial's placeholder such as `my-ami`). */
  images?: string[];
  /**
   * False: a new-account endpoint, where CreateLaunchConfiguration (and CreateAutoScalingGroup
   * with InstanceId) answer AWS's `UnsupportedOperation`; launch configurations already in the
   * state file keep working. A setting of the server, not saved in the state file. Default true.
   */
  launchConfigurations?: boolean;
  /**
   * Whether a read (Describe…, List…, Get…) asked again before anything changed is answered
   * from the kept answer (default true). Code that changes the simulated state directly
   * calls `cloud.touch()`, or sets this to false.
   */
  responseCache?: boolean;
}

/** A running botoscale local. */
export interface LocalEndpoint {
  /** `http://127.0.0.1:4599`: give it to clients as their endpoint. */
  readonly endpoint: string;
  /** The port it listens on. */
  readonly port: number;
  /** The simulated clock (`clock.advance('5m')`). */
  readonly clock: SimClock;
  /** The default region's simulated cloud. */
  readonly cloud: LocalCloud;
  /** The default region. */
  readonly region: string;
  /** The regions that have a cloud so far, sorted. */
  regions(): string[];
  /** A region's simulated cloud, made (and journalled) on first use; a region botoscale local does not serve is a RangeError. */
  cloudIn(region: string): LocalCloud;
  /** Sets the simulated CPU load of a group's instances (and of the ones it launches later), in `region` (default: the default region). */
  setLoad(groupName: string, cpuPercent: number, region?: string): void;
  /** Sets a group's demand in CPU-percent units, shared by its InService instances (each reports min(100, demand / n)), in `region`. */
  setDemand(groupName: string, demand: number, region?: string): DemandSetting;
  /** The spot market: `interrupt(group, count, region?)` and `setCapacity(zone, instanceType, available?, region?)`. */
  readonly spot: {
    /** Gives `count` of the group's InService spot instances AWS's interruption (rebalance recommendation, then the two-minute notice). */
    interrupt(group: string, count: number, region?: string): SpotInterruption;
    /** Sets how many more spot instances a pool can provide; omit `available` to lift the limit. */
    setCapacity(zone: string, instanceType: string, available?: number, region?: string): SpotCapacitySetting;
  };
  /** Stops the clock, writes the state file, and closes the server. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts botoscale local. */
export async function startLocal(options: LocalOptions = {}): Promise<LocalEndpoint> {
  const region = options.region ?? 'us-east-1';
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const onError = options.onError ?? ((err: unknown) => process.stderr.write(`botoscale local: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`));
  const clock = new SimClock({ ...options.clock, ...(options.speed !== undefined ? { speed: options.speed } : {}) });
  const clouds = new CloudSet({ region, clock, onError, ...(options.limits === undefined ? {} : { limits: options.limits }), ...(options.images === undefined ? {} : { images: options.images }), launchConfigurations: options.launchConfigurations !== false });
  const store = options.state === undefined ? undefined : new StateStore(options.state, clouds, { onError, ...(options.stateFs === undefined ? {} : { fs: options.stateFs }) });
  store?.open();
  const cache = options.responseCache === false ? undefined : new ResponseCache();

  /** Makes a change through `fn`, recording it in the journal with `--state`. */
  const record = <T>(change: Change, fn: () => T): T => (store === undefined ? fn() : store.change(change, fn));
  // A region's cloud is made, and journalled with the ids it made, before the first change in it.
  clouds.onCreate = (name, make) => record({ kind: 'region', region: name, ids: [] }, make);
  const inputs = regionInputs(clouds, record);
  const { setDemand, spot } = inputs;

  const control = (method: string, path: string, body: Buffer, reply: (status: number, value: unknown) => void): Promise<void> => handleControl(
    { clouds, record, setDemand, spot, sync: () => store?.sync(), onError, internalFailure: INTERNAL_FAILURE },
    method, path, body, reply,
  );

  const server = createServer(requestListener({
    clouds, store, cache, maxBody, auth: options.auth, record, control, onError,
  }));
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    const onListenError = (err: Error): void => {
      store?.abandon();
      reject(err);
    };
    server.once('error', onListenError);
    server.listen(options.port ?? 4599, host, () => {
      server.off('error', onListenError);
      resolve();
    });
  });
  server.on('error', onError);
  const port = (server.address() as AddressInfo).port;
  if (options.realTime !== false) clock.start();
  store?.start();

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${formatHost(host)}:${port}`,
    port,
    clock,
    cloud: clouds.default,
    region,
    ...inputs,
    close() {
      closing ??= (async () => {
        clock.stop();
        clock.cancelAdvances();
        const stopped = new Promise<void>((resolve, reject) => server.close((err) => (err === undefined ? resolve() : reject(err))));
        server.closeAllConnections();
        try {
          // The last snapshot; if it cannot be written, closing fails (the journal keeps every acknowledged change).
          await store?.close();
        } finally {
          clouds.dispose();
          await stopped;
        }
      })();
      return closing;
    },
  };
}

/** The handle is called from plain JavaScript and REPLs too: an argument past the last one is a mistake, not ignored. */
function noMore(method: string, takes: string, extra: readonly unknown[]): void {
  if (extra.length > 0) throw new TypeError(`${method}(${takes}) takes no more arguments, got ${extra.length} more`);
}

/**
 * The handle's inputs that name a region (the default one when they name none): each is
 * recorded as given with `--state`, and a refused one is recorded too and refused again on replay.
 */
function regionInputs(
  clouds: CloudSet,
  record: <T>(change: Change, fn: () => T) => T,
): Pick<LocalEndpoint, 'regions' | 'cloudIn' | 'setLoad' | 'setDemand' | 'spot'> {
  const at = (name: string | undefined): LocalCloud => (name === undefined ? clouds.default : clouds.get(name));
  return {
    regions: (...extra: unknown[]) => {
      noMore('regions', '', extra);
      return clouds.regions();
    },
    cloudIn: (name, ...extra: unknown[]) => {
      noMore('cloudIn', 'region', extra);
      return clouds.get(name);
    },
    setLoad(groupName, cpuPercent, name, ...extra: unknown[]) {
      noMore('setLoad', 'groupName, cpuPercent, region?', extra);
      const cloud = at(name);
      record({ kind: 'load', region: cloud.region, group: groupName, cpu: cpuPercent }, () => cloud.setLoad(groupName, cpuPercent));
    },
    setDemand(group, demand, name, ...extra: unknown[]): DemandSetting {
      noMore('setDemand', 'groupName, demand, region?', extra);
      const cloud = at(name);
      return record({ kind: 'demand', region: cloud.region, group, demand }, () => cloud.setDemand(group, demand));
    },
    spot: {
      interrupt: (group, count, name, ...extra: unknown[]) => {
        noMore('spot.interrupt', 'group, count, region?', extra);
        const cloud = at(name);
        return record({ kind: 'spot-interrupt', region: cloud.region, group, count }, () => cloud.spot.interrupt(group, count));
      },
      setCapacity: (zone, instanceType, available, name, ...extra: unknown[]) => {
        noMore('spot.setCapacity', 'zone, instanceType, available?, region?', extra);
        const cloud = at(name);
        return record(
          { kind: 'spot-capacity', region: cloud.region, zone, instanceType, ...(available === undefined || available === null ? {} : { available }) },
          () => cloud.spot.setCapacity(zone, instanceType, available),
        );
      },
    },
  };
}
