/**
 * The HTTP server of botoscale local: routes each request to a simulated service,
 * verifies its signature in `--auth` mode, decodes it against the service's model,
 * runs the handler synchronously against the state (so parallel clients lose no
 * update), with `--state` holds every answer until the changes it may reflect are on
 * disk (answering `InternalFailure` if they could not be written: then they are undone),
 * and answers in the service's wire format. A small JSON control API lives under `/_botoscale/`
 * (`control.ts`).
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { readSignature, verifyRequest, type Credentials } from './auth';
import { SimClock, type SimClockOptions } from './clock';
import { LocalCloud, type LocalLimits } from './cloud';
import { ServiceError } from './errors';
import { uuid } from './ids';
import { decodeJson, decodeQuery, encodeError, encodeOutput, operationOf, unknownAction, type Encoded } from './protocol/codec';
import { PROFILES } from './protocol/services';
import { handleControl } from './control';
import { ResponseCache } from './response-cache';
import type { DemandSetting, SpotCapacitySetting, SpotInterruption } from './spot-control';
import { guessFromHeaders, routeRequest, RouteError, scopeService, type HeaderGuess, type Route } from './router';
import { callChange, type Change } from './changes';
import type { StateFs } from './journal';
import { StateStore } from './store';
import type { RequestContext, ServiceName, WireObject } from './types';

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
  /** Region of the simulated cloud. Default `us-east-1`. */
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
  /** The simulated cloud. */
  readonly cloud: LocalCloud;
  /** Sets the simulated CPU load of a group's instances (and of the ones it launches later). */
  setLoad(groupName: string, cpuPercent: number): void;
  /** Sets a group's demand in CPU-percent units, shared by its InService instances (each reports min(100, demand / n)). */
  setDemand(groupName: string, demand: number): DemandSetting;
  /** The spot market: `interrupt(group, count)` and `setCapacity(zone, instanceType, available?)`. */
  readonly spot: {
    /** Gives `count` of the group's InService spot instances AWS's interruption (rebalance recommendation, then the two-minute notice). */
    interrupt(group: string, count: number): SpotInterruption;
    /** Sets how many more spot instances a pool can provide; omit `available` to lift the limit. */
    setCapacity(zone: string, instanceType: string, available?: number): SpotCapacitySetting;
  };
  /** Stops the clock, writes the state file, and closes the server. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const DRAIN_LIMIT = 64 * 1024 * 1024;
const INTERNAL_FAILURE = 'The request processing has failed because of an unknown error, exception or failure.';

function isMutating(action: string): boolean {
  return !/^(Describe|List|Get)/.test(action);
}

/**
 * The request body; `'aborted'` when the client hung up before sending all of it (nothing
 * to answer, and nothing worth logging: a client may always go away).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > DRAIN_LIMIT) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => {
      if (!req.complete) resolve(tooLarge ? 'too-large' : 'aborted');
    });
  });
}

/**
 * The body as the protocol reads it: `Content-Encoding: gzip` (what the SDK's CloudWatch
 * client sends for bodies over 10 KB) or `deflate` undone, never beyond `limit` bytes.
 */
function decodeBody(headers: IncomingMessage['headers'], body: Buffer, limit: number): Buffer {
  const encoding = (headers['content-encoding'] ?? '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e !== '' && e !== 'identity');
  let out = body;
  for (const e of encoding.reverse()) {
    try {
      if (e === 'gzip' || e === 'x-gzip') out = gunzipSync(out, { maxOutputLength: limit });
      else if (e === 'deflate') out = inflateSync(out, { maxOutputLength: limit });
      else throw new ServiceError('UnsupportedMediaType', `Content-Encoding ${e} is not supported: use gzip or deflate.`, 415);
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ServiceError('RequestEntityTooLarge', `Request body must not be larger than ${limit} bytes.`, 413);
      throw new ServiceError('MalformedInput', `The request body is not valid ${e} data.`, 400);
    }
  }
  return out;
}

/** What an answer waits for before it leaves: the changes it may reflect on disk, or the answer to give if they could not be written. */
interface AnswerGate {
  settle(): Promise<void> | undefined;
  failure(): Encoded;
}

const gates = new WeakMap<ServerResponse, AnswerGate>();

function send(res: ServerResponse, answer: Encoded): void {
  sendParts(res, answer.status, answer.headers, [Buffer.from(answer.body, 'utf8')]);
}

function sendParts(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer[]): void {
  const gate = gates.get(res);
  if (gate !== undefined) {
    gates.delete(res);
    const durable = gate.settle();
    if (durable !== undefined) {
      durable.then(() => sendParts(res, status, headers, body), () => send(res, gate.failure()));
      return;
    }
  }
  if (res.headersSent || res.destroyed) return;
  let length = 0;
  for (const part of body) length += part.length;
  res.writeHead(status, { ...headers, 'content-length': String(length) });
  if (body.length === 1) return void res.end(body[0]);
  res.cork();
  for (const part of body) res.write(part);
  res.end();
}

/** What decides a request's answer besides the cloud's state: its route and its parameters. */
function cacheKey(method: string, path: string, query: string, headers: IncomingMessage['headers'], scoped: ServiceName | undefined, body: Buffer): string {
  const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  return `${method} ${path}?${query}\n${scoped ?? ''}\n${first(headers['content-type'])}\n${first(headers['x-amz-target'])}\n${body.toString('latin1')}`;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
}

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
  const cloud = new LocalCloud({ region, clock, onError, ...(options.limits === undefined ? {} : { limits: options.limits }), ...(options.images === undefined ? {} : { images: options.images }), launchConfigurations: options.launchConfigurations !== false });
  const store = options.state === undefined ? undefined : new StateStore(options.state, cloud, { onError, ...(options.stateFs === undefined ? {} : { fs: options.stateFs }) });
  store?.open();
  const cache = options.responseCache === false ? undefined : new ResponseCache();
  const epoch = (): string => `${cloud.revision}:${clock.now()}`;

  const implemented = (service: ServiceName, action: string): boolean =>
    Object.prototype.hasOwnProperty.call(PROFILES[service].model.operations, action) && typeof cloud.handlers(service)[action] === 'function';

  /** Makes a change through `fn`, recording it in the journal with `--state`. */
  const record = <T>(change: Change, fn: () => T): T => (store === undefined ? fn() : store.change(change, fn));
  // Control inputs are recorded as given; a refused one is recorded too and refused again on replay.
  const setDemand = (group: string, demand: number): DemandSetting => record({ kind: 'demand', group, demand }, () => cloud.setDemand(group, demand));
  const spot: LocalEndpoint['spot'] = {
    interrupt: (group, count) => record({ kind: 'spot-interrupt', group, count }, () => cloud.spot.interrupt(group, count)),
    setCapacity: (zone, instanceType, available) => record(
      { kind: 'spot-capacity', zone, instanceType, ...(available === undefined || available === null ? {} : { available }) },
      () => cloud.spot.setCapacity(zone, instanceType, available),
    ),
  };

  const invoke = (route: Route, requestId: string): Encoded => {
    const { profile, action } = route;
    const handler = cloud.handlers(profile.name)[action];
    if (handler === undefined || !Object.prototype.hasOwnProperty.call(cloud.handlers(profile.name), action)) throw unknownAction(profile, action);
    const op = operationOf(profile, action);
    const input = route.protocol === 'json' ? decodeJson(profile, op, route.body) : decodeQuery(profile, op, route.params);
    const ctx: RequestContext = { cloud, region, accountId: cloud.accountId, requestId, now: clock.now() };
    const mutating = isMutating(action);
    const run = (): WireObject => {
      try {
        return handler(input, ctx) ?? {};
      } finally {
        // Even a failed change may have begun; no read kept from before is replayed after it.
        if (mutating) cloud.touch();
      }
    };
    let output: WireObject;
    try {
      output = mutating ? record(callChange(route, requestId), run) : run();
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      onError(err);
      throw new ServiceError('InternalFailure', INTERNAL_FAILURE, 500);
    }
    return encodeOutput(profile, route.protocol, op, output, requestId);
  };

  const control = (method: string, path: string, body: Buffer, res: ServerResponse): Promise<void> => handleControl(
    { region, cloud, clock, record, setDemand, spot, sync: () => store?.sync(), onError, internalFailure: INTERNAL_FAILURE },
    method, path, body, (status, value) => sendJson(res, status, value),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = uuid();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = q < 0 ? '' : rawUrl.slice(q + 1);
    const method = req.method ?? 'GET';
    const signature = readSignature({ headers: req.headers, query });
    const scoped = scopeService(signature === undefined || signature === 'malformed' ? undefined : signature.service);
    let fallback: HeaderGuess = guessFromHeaders({ headers: req.headers, scopeService: scoped });
    try {
      const received = await readBody(req, maxBody);
      if (received === 'aborted') return;
      if (received === 'too-large') throw new ServiceError('RequestEntityTooLarge', `Request body must not be larger than ${maxBody} bytes.`, 413);
      if (options.auth !== undefined) await verifyRequest({ method, path, query, headers: req.headers, body: received }, options.auth, fallback.profile?.flavour === 'ec2');
      const body = decodeBody(req.headers, received, maxBody);
      if (path.startsWith('/_botoscale/') || path === '/_botoscale') return control(method, path, body, res);
      if (method !== 'GET' && method !== 'POST') throw new ServiceError('MethodNotAllowed', `The HTTP method ${method} is not allowed; use POST (or GET for query requests).`, 405);
      const key = cache === undefined ? '' : cacheKey(method, path, query, req.headers, scoped, body);
      const kept = cache?.replay(epoch(), key, requestId);
      if (kept !== undefined) return sendParts(res, kept.status, kept.headers, kept.body);
      const route = routeRequest({ method, query, headers: req.headers, body, scopeService: scoped }, implemented);
      fallback = { profile: route.profile, protocol: route.protocol };
      const at = epoch();
      const answer = invoke(route, requestId);
      const parts = cache !== undefined && !isMutating(route.action) && epoch() === at ? cache.keep(at, key, requestId, answer) : undefined;
      if (parts === undefined) send(res, answer);
      else sendParts(res, answer.status, answer.headers, parts);
    } catch (err) {
      if (err instanceof RouteError) return send(res, encodeError(err.profile, err.protocol, err.error, requestId));
      if (err instanceof ServiceError) return send(res, encodeError(fallback.profile, fallback.protocol, err, requestId));
      onError(err);
      send(res, encodeError(fallback.profile, fallback.protocol, new ServiceError('InternalFailure', INTERNAL_FAILURE, 500), requestId));
    }
  };

  const server = createServer((req, res) => {
    if (store !== undefined) {
      const control = (req.url ?? '').startsWith('/_botoscale');
      gates.set(res, {
        settle: () => store.settle(),
        failure: () => {
          if (control) return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'InternalFailure', message: INTERNAL_FAILURE } }) };
          const guess = guessFromHeaders({ headers: req.headers, scopeService: undefined });
          return encodeError(guess.profile, guess.protocol, new ServiceError('InternalFailure', INTERNAL_FAILURE, 500), uuid());
        },
      });
    }
    handle(req, res).catch((err: unknown) => {
      onError(err);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'InternalFailure', message: INTERNAL_FAILURE } });
    });
  });
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
    cloud,
    setLoad(groupName, cpuPercent) {
      record({ kind: 'load', group: groupName, cpu: cpuPercent }, () => cloud.setLoad(groupName, cpuPercent));
    },
    setDemand,
    spot,
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
          cloud.dispose();
          await stopped;
        }
      })();
      return closing;
    },
  };
}
