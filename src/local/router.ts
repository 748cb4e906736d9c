/**
 * Which service and action a request is for: the SigV4 credential scope decides the
 * service, then `X-Amz-Target` (AWS JSON), then the `Action` parameter (an action only
 * one service has; for an action several have, the `Version` parameter).
 *
 * @module
 */
import { commonError, ServiceError } from './errors';
import { MalformedFormError, parseForm } from './protocol/form';
import { MAX_JSON_DEPTH, parseJsonBody } from './protocol/json-body';
import { PROFILES, isServiceName, parseTarget, type ServiceProfile } from './protocol/services';
import type { WireProtocol } from './protocol/codec';
import type { ServiceName } from './types';

/** A query-protocol request routed to a service. */
export interface QueryRoute {
  /** Form-encoded parameters, XML answers. */
  protocol: 'query';
  /** The service. */
  profile: ServiceProfile;
  /** The action. */
  action: string;
  /** The parameters (query string and form body). */
  params: Map<string, string>;
}

/** An AWS JSON request routed to a service. */
export interface JsonRoute {
  /** AWS JSON 1.0. */
  protocol: 'json';
  /** The service. */
  profile: ServiceProfile;
  /** The action. */
  action: string;
  /** The parsed body. */
  body: unknown;
}

/** A request routed to a service. */
export type Route = QueryRoute | JsonRoute;

/** What the headers alone say of a request. */
export interface HeaderGuess {
  /** The service, if the headers name one. */
  profile: ServiceProfile | undefined;
  /** The wire protocol. */
  protocol: WireProtocol;
}

/** A routing failure, with what is known so far for formatting the error. */
export class RouteError extends Error {
  /** The AWS error to answer with. */
  readonly error: ServiceError;
  /** The service, if known, for the error's format. */
  readonly profile: ServiceProfile | undefined;
  /** The wire protocol, for the error's format. */
  readonly protocol: WireProtocol;

  constructor(error: ServiceError, profile: ServiceProfile | undefined, protocol: WireProtocol) {
    super(error.message);
    this.name = 'RouteError';
    this.error = error;
    this.profile = profile;
    this.protocol = protocol;
  }
}

/** What the router needs of a request. */
export interface RoutableRequest {
  /** HTTP method. */
  method: string;
  /** Raw query string, without `?`. */
  query: string;
  /** Headers as Node received them. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as received. */
  body: Buffer;
  /** The service named by the signature's credential scope, if it is one of ours. */
  scopeService: ServiceName | undefined;
}

function header(req: RoutableRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Whether a service implements an action (in its model and with a handler). */
export type Implements = (service: ServiceName, action: string) => boolean;

/** The service and protocol the headers alone point at (for errors raised before the body is read). */
export function guessFromHeaders(req: Pick<RoutableRequest, 'headers' | 'scopeService'>): HeaderGuess {
  const target = req.headers['x-amz-target'];
  const t = Array.isArray(target) ? target[0] : target;
  const fromTarget = t === undefined ? undefined : parseTarget(t);
  const contentType = (Array.isArray(req.headers['content-type']) ? req.headers['content-type'][0] : req.headers['content-type']) ?? '';
  const protocol: WireProtocol = t !== undefined || contentType.startsWith('application/x-amz-json') ? 'json' : 'query';
  const profile = req.scopeService !== undefined ? PROFILES[req.scopeService] : fromTarget?.profile;
  return { profile, protocol };
}

function pickByAction(action: string, params: Map<string, string>, implemented: Implements): ServiceProfile {
  const candidates = (Object.keys(PROFILES) as ServiceName[]).filter((s) => implemented(s, action)).map((s) => PROFILES[s]);
  if (candidates.length === 1) return candidates[0] as ServiceProfile;
  if (candidates.length === 0) {
    throw new RouteError(commonError('InvalidAction', `Could not find operation ${action} in any service botoscale local simulates`), undefined, 'query');
  }
  const version = params.get('Version');
  if (version !== undefined) {
    const exact = candidates.filter((p) => p.model.metadata.apiVersion === version);
    if (exact.length === 1) return exact[0] as ServiceProfile;
    const others = new Set(Object.values(PROFILES).filter((p) => p.flavour !== 'ec2').map((p) => p.model.metadata.apiVersion));
    const ec2 = candidates.find((p) => p.flavour === 'ec2');
    if (ec2 !== undefined && !others.has(version)) return ec2;
  }
  throw new RouteError(
    commonError(
      'InvalidAction',
      `The action ${action} exists in more than one service (${candidates.map((p) => p.name).join(', ')}); sign the request with SigV4 for one of them or send its Version`,
    ),
    undefined,
    'query',
  );
}

/** Routes a request; throws {@link RouteError}. */
export function routeRequest(req: RoutableRequest, implemented: Implements): Route {
  const scoped = req.scopeService === undefined ? undefined : PROFILES[req.scopeService];
  const target = header(req, 'x-amz-target');
  const contentType = header(req, 'content-type') ?? '';
  if (target !== undefined || contentType.startsWith('application/x-amz-json')) {
    const parsed = target === undefined ? undefined : parseTarget(target);
    const profile = scoped ?? parsed?.profile;
    if (parsed === undefined || (scoped !== undefined && parsed.profile !== scoped)) {
      const what = target === undefined ? 'an AWS JSON request needs an X-Amz-Target header' : `unknown X-Amz-Target ${target}`;
      throw new RouteError(commonError('UnknownOperationException', `Cannot route the request: ${what}`), profile, 'json');
    }
    const text = req.body.toString('utf8');
    const read = text.trim() === '' ? { ok: true as const, value: {} } : parseJsonBody(text);
    if (!read.ok) {
      const message = read.problem === 'depth' ? `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` : 'The request body is not valid JSON.';
      throw new RouteError(commonError('SerializationException', message), parsed.profile, 'json');
    }
    return { protocol: 'json', profile: parsed.profile, action: parsed.action, body: read.value };
  }
  let params: Map<string, string>;
  try {
    params = parseForm(req.query);
    const isForm = contentType === '' || contentType.startsWith('application/x-www-form-urlencoded');
    if (req.method === 'POST' && req.body.length > 0) {
      if (!isForm) throw new RouteError(commonError('UnsupportedMediaType', `Content-Type ${contentType} is not supported: send application/x-www-form-urlencoded or AWS JSON 1.0.`), scoped, 'query');
      for (const [k, v] of parseForm(req.body.toString('utf8'))) params.set(k, v);
    }
  } catch (err) {
    if (err instanceof MalformedFormError) throw new RouteError(commonError('MalformedQueryString', `The request cannot be decoded: ${err.message}`), scoped, 'query');
    throw err;
  }
  const action = params.get('Action');
  if (action === undefined || action === '') throw new RouteError(commonError('MissingAction', 'The request must contain the parameter Action'), scoped, 'query');
  const profile = scoped ?? pickByAction(action, params, implemented);
  const version = params.get('Version');
  // One API version per query service (EC2 answers every version with today's shapes, as its clients vary).
  if (profile.flavour !== 'ec2' && version !== undefined && version !== profile.model.metadata.apiVersion) {
    throw new RouteError(commonError('InvalidAction', `Could not find operation ${action} for version ${version}`), profile, 'query');
  }
  return { protocol: 'query', profile, action, params };
}

/** The service of a credential scope, if it is one of the four. */
export function scopeService(service: string | undefined): ServiceName | undefined {
  return service !== undefined && isServiceName(service) ? service : undefined;
}
