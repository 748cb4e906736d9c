/**
 * The request pipeline of botoscale local, one HTTP request from arrival to answer:
 * read and decode the body, pick the region's cloud (the SigV4 credential scope's region;
 * the default one for an unsigned request or a scope naming no region, such as boto 2's
 * host-derived `0`; a region not served is refused as AWS refuses it), check the signature (`--auth`), hand `/_botoscale/` paths to the control API,
 * replay a read kept in the response cache, route to a service's action,
 * decode and validate the input against the model, invoke the handler synchronously against
 * the state, journal the change (`--state`), keep a read's answer, and encode the answer in
 * the service's wire format. With `--state` every answer waits until the changes it may
 * reflect are on disk (`InternalFailure` if they could not be written: then they are undone).
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { readSignature, verifyRequest, type Credentials } from './auth';
import type { LocalCloud } from './cloud';
import { invalidRegionError, type CloudSet } from './clouds';
import { namesRegion } from './ec2/regions';
import { commonError, ServiceError } from './errors';
import { uuid } from './ids';
import { decodeJson, decodeQuery, encodeError, encodeOutput, operationOf, unknownAction, type Encoded } from './protocol/codec';
import { PROFILES } from './protocol/services';
import type { ResponseCache } from './response-cache';
import { guessFromHeaders, routeRequest, RouteError, scopeService, type HeaderGuess, type Route } from './router';
import { callChange, type Change } from './changes';
import type { StateStore } from './store';
import type { RequestContext, ServiceName, WireObject } from './types';

/** The message of an `InternalFailure` answer. */
export const INTERNAL_FAILURE = 'The request processing has failed because of an unknown error, exception or failure.';

const DRAIN_LIMIT = 64 * 1024 * 1024;

/** What the pipeline runs requests against: the server's clouds (one per region, on one clock), journal and cache. */
export interface PipelineContext {
  /** The simulated clouds, by region. */
  clouds: CloudSet;
  /** The state file's store, with `--state`. */
  store: StateStore | undefined;
  /** The response cache, unless turned off. */
  cache: ResponseCache | undefined;
  /** Largest request body accepted, in bytes. */
  maxBody: number;
  /** When set, every request must be SigV4-signed with this key pair. */
  auth: Credentials | undefined;
  /** Makes a change through `fn`, recording it in the journal with `--state`. */
  record: <T>(change: Change, fn: () => T) => T;
  /** Answers a control-API request (`/_botoscale/...`) through `reply`. */
  control(method: string, path: string, body: Buffer, reply: (status: number, value: unknown) => void): Promise<void>;
  /** Called with internal errors. */
  onError(err: unknown): void;
}

/** The listener of the HTTP server: every request through the pipeline, its answer held by the journal with `--state`. */
export function requestListener(p: PipelineContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (p.store !== undefined) gateAnswer(req, res, p.store);
    handleRequest(p, req, res).catch((err: unknown) => {
      p.onError(err);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'InternalFailure', message: INTERNAL_FAILURE } });
    });
  };
}

/** One request, top to bottom. */
async function handleRequest(p: PipelineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = uuid();
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? '' : rawUrl.slice(q + 1);
  const method = req.method ?? 'GET';
  const signature = readSignature({ headers: req.headers, query });
  const signed = signature !== undefined && signature !== 'malformed';
  const region = signed && namesRegion(signature.region) ? signature.region : p.clouds.defaultRegion;
  const scoped = scopeService(signed ? signature.service : undefined);
  let fallback: HeaderGuess = guessFromHeaders({ headers: req.headers, scopeService: scoped });
  try {
    // Decode and check.
    const received = await readBody(req, p.maxBody);
    if (received === 'aborted') return;
    if (received === 'too-large') throw commonError('RequestEntityTooLarge', `Request body must not be larger than ${p.maxBody} bytes.`);
    // AWS checks the credential scope before the signature: a region it does not have is refused whoever signed.
    if (!p.clouds.serves(region)) throw invalidRegionError(region);
    if (p.auth !== undefined) await verifyRequest({ method, path, query, headers: req.headers, body: received }, p.auth, fallback.profile?.flavour === 'ec2');
    const body = decodeBody(req.headers, received, p.maxBody);
    if (path.startsWith('/_botoscale/') || path === '/_botoscale') return p.control(method, path, body, (status, value) => sendJson(res, status, value));
    if (method !== 'GET' && method !== 'POST') throw commonError('MethodNotAllowed', `The HTTP method ${method} is not allowed; use POST (or GET for query requests).`);
    // A read seen before in the same region at the same time and revision (a region's first request has none).
    const made = p.clouds.find(region);
    const key = p.cache === undefined ? '' : cacheKey(method, path, query, req.headers, scoped, body);
    const kept = made === undefined ? undefined : p.cache?.replay(region, epoch(p, made), key, requestId);
    if (kept !== undefined) return sendParts(res, kept.status, kept.headers, kept.body);
    // Route, invoke (and persist), cache, encode.
    const route = routeRequest({ method, query, headers: req.headers, body, scopeService: scoped }, (service, action) => implemented(p.clouds.default, service, action));
    fallback = { profile: route.profile, protocol: route.protocol };
    const cloud = made ?? p.clouds.get(region);
    const at = epoch(p, cloud);
    const answer = invoke(p, cloud, route, requestId);
    const parts = p.cache !== undefined && !isMutating(route.action) && epoch(p, cloud) === at ? p.cache.keep(region, at, key, requestId, answer) : undefined;
    if (parts === undefined) send(res, answer);
    else sendParts(res, answer.status, answer.headers, parts);
  } catch (err) {
    if (err instanceof RouteError) return send(res, encodeError(err.profile, err.protocol, err.error, requestId));
    if (err instanceof ServiceError) return send(res, encodeError(fallback.profile, fallback.protocol, err, requestId));
    p.onError(err);
    send(res, encodeError(fallback.profile, fallback.protocol, commonError('InternalFailure', INTERNAL_FAILURE), requestId));
  }
}

/** Decodes the routed input, runs its handler against the region's cloud (journalled when it may change it) and encodes the output. */
function invoke(p: PipelineContext, cloud: LocalCloud, route: Route, requestId: string): Encoded {
  const { profile, action } = route;
  const handler = cloud.handlers(profile.name)[action];
  if (handler === undefined || !Object.prototype.hasOwnProperty.call(cloud.handlers(profile.name), action)) throw unknownAction(profile, action);
  const op = operationOf(profile, action);
  const input = route.protocol === 'json' ? decodeJson(profile, op, route.body) : decodeQuery(profile, op, route.params);
  const ctx: RequestContext = { cloud, region: cloud.region, accountId: cloud.accountId, requestId, now: p.clouds.clock.now() };
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
    output = mutating ? p.record(callChange(route, requestId, cloud.region), run) : run();
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    p.onError(err);
    throw commonError('InternalFailure', INTERNAL_FAILURE);
  }
  return encodeOutput(profile, route.protocol, op, output, requestId);
}

function implemented(cloud: LocalCloud, service: ServiceName, action: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROFILES[service].model.operations, action) && typeof cloud.handlers(service)[action] === 'function';
}

function isMutating(action: string): boolean {
  return !/^(Describe|List|Get)/.test(action);
}

/** What a kept answer is valid for: its region's cloud's revision and the simulated time. */
function epoch(p: PipelineContext, cloud: LocalCloud): string {
  return `${cloud.revision}:${p.clouds.clock.now()}`;
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
      else throw commonError('UnsupportedMediaType', `Content-Encoding ${e} is not supported: use gzip or deflate.`);
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw commonError('RequestEntityTooLarge', `Request body must not be larger than ${limit} bytes.`);
      throw commonError('MalformedInput', `The request body is not valid ${e} data.`);
    }
  }
  return out;
}

/** What decides a request's answer besides the cloud's state: its route and its parameters. */
function cacheKey(method: string, path: string, query: string, headers: IncomingMessage['headers'], scoped: ServiceName | undefined, body: Buffer): string {
  const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  return `${method} ${path}?${query}\n${scoped ?? ''}\n${first(headers['content-type'])}\n${first(headers['x-amz-target'])}\n${body.toString('latin1')}`;
}

/** What an answer waits for before it leaves: the changes it may reflect on disk, or the answer to give if they could not be written. */
interface AnswerGate {
  settle(): Promise<void> | undefined;
  failure(): Encoded;
}

const gates = new WeakMap<ServerResponse, AnswerGate>();

/** Holds the answer to `req` until the store has the changes it may reflect on disk. */
function gateAnswer(req: IncomingMessage, res: ServerResponse, store: StateStore): void {
  const control = (req.url ?? '').startsWith('/_botoscale');
  gates.set(res, {
    settle: () => store.settle(),
    failure: () => {
      if (control) return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'InternalFailure', message: INTERNAL_FAILURE } }) };
      const guess = guessFromHeaders({ headers: req.headers, scopeService: undefined });
      return encodeError(guess.profile, guess.protocol, commonError('InternalFailure', INTERNAL_FAILURE), uuid());
    },
  });
}

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

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
}
