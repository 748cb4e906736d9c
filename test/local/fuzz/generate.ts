/**
 * Malformed requests for the fuzz test, generated from the services' models with a seeded
 * random source: a plausible input for an operation (read from its input shape), then one
 * to three mutations (wrong types, numbers out of range, values outside the patterns,
 * deep nesting, odd encodings, truncated bodies, bad signatures and headers).
 *
 * Values that would make a request legitimately heavy (a group of 100,000 instances, a
 * clock advance of years: issue 13's failures 1 and 2, bounded elsewhere) are not
 * generated: numbers that parse are small, large ones are out of their type's range.
 */
import { shapeOf, type MemberRef, type ServiceModel, type Shape } from '../../../src/local/protocol/model';
import { listItemKey, mapEntryKeys, memberKey, type QueryFlavour } from '../../../src/local/protocol/naming';
import { PROFILES } from '../../../src/local/protocol/services';
import type { ServiceName } from '../../../src/local/types';

/** A seeded source of randomness (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One request to send. */
export interface FuzzRequest {
  /** What was generated, for the failure report. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

const NAMES = ['web', 'lc-1', 'lb-1', 'alarm-1', 'policy-1', 'i-0123456789abcdef0', 'ami-12345678', 'us-east-1a', 'm1.small', 'AWS/EC2', 'CPUUtilization', 'sg-12345678', 'subnet-1'];
const WRONG = ['abc', '', '{}', '[]', 'true', '1.5', '-', 'null', '0x1F', '\u0000'];
const NUMBERS = ['1e309', '-1e309', '2147483648', '-2147483649', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '-0', ' 1', '+1', '1 ', '0x10', '1_000', '\u0661', '-1', '1e-400', '.', '1e'];
const ODD_TEXT = ['ctl\u0001x', 'nul\u0000', 'lone\uD800', 'trail\uDC00x', '\uFFFE', 'x'.repeat(5000), '<tag>&amp;', ']]>', '\u202Eabc', 'é\u0301', '😀'.repeat(100), ' ', '\r\n', "quote'\"", '%00'];
const SERVICES: readonly ServiceName[] = ['autoscaling', 'elasticloadbalancing', 'monitoring', 'ec2'];

function operations(service: ServiceName): string[] {
  return Object.keys(PROFILES[service].model.operations);
}

/** A small valid-looking scalar for a shape, as query text. */
function scalar(r: Random, shape: Shape): string {
  switch (shape.type) {
    case 'string':
      if (shape.enum !== undefined && r.chance(0.8)) return r.pick(shape.enum);
      return r.chance(0.7) ? r.pick(NAMES) : `s${r.int(1000)}`;
    case 'integer':
    case 'long': {
      const low = shape.min ?? 0;
      return String(Math.min(low + r.int(3), shape.max ?? Number.MAX_SAFE_INTEGER));
    }
    case 'double':
    case 'float':
      return String(Math.round(r.next() * 10000) / 100);
    case 'boolean':
      return r.pick(['true', 'false']);
    case 'timestamp':
      return new Date(Date.UTC(2026, 0, 1) + r.int(86_400_000)).toISOString();
    default:
      return 'YmxvYg==';
  }
}

/** A plausible input for a shape, as query parameters (`params` is filled in). */
function queryValue(r: Random, model: ServiceModel, flavour: QueryFlavour, ref: MemberRef, key: string, params: Map<string, string>, depth: number): void {
  const shape = shapeOf(model, ref);
  if (depth > 4) return;
  if (shape.type === 'structure') {
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if ((shape.required ?? []).includes(name) || r.chance(0.3)) queryValue(r, model, flavour, member, key === '' ? memberKey(flavour, member, name) : `${key}.${memberKey(flavour, member, name)}`, params, depth + 1);
    }
  } else if (shape.type === 'list') {
    const n = 1 + r.int(2);
    for (let i = 1; i <= n; i++) queryValue(r, model, flavour, shape.member as MemberRef, listItemKey(flavour, ref, shape, key, i), params, depth + 1);
  } else if (shape.type === 'map') {
    const keys = mapEntryKeys(flavour, ref, shape, key, 1);
    params.set(keys.key, r.pick(NAMES));
    queryValue(r, model, flavour, shape.value as MemberRef, keys.value, params, depth + 1);
  } else {
    params.set(key, scalar(r, shape));
  }
}

/** A plausible input for a shape, as a JSON value. */
function jsonValue(r: Random, model: ServiceModel, ref: MemberRef, depth: number): unknown {
  const shape = shapeOf(model, ref);
  if (depth > 4) return undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if ((shape.required ?? []).includes(name) || r.chance(0.3)) out[name] = jsonValue(r, model, member, depth + 1);
      }
      return out;
    }
    case 'list':
      return Array.from({ length: 1 + r.int(2) }, () => jsonValue(r, model, shape.member as MemberRef, depth + 1));
    case 'map':
      return { [r.pick(NAMES)]: jsonValue(r, model, shape.value as MemberRef, depth + 1) };
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return Number(scalar(r, shape));
    case 'boolean':
      return r.chance(0.5);
    case 'timestamp':
      return 1767225600 + r.int(86_400);
    default:
      return scalar(r, shape);
  }
}

/** Percent-encodes text; a lone surrogate as the three bytes UTF-8 forbids for it (%ED%A0%80). */
function percent(text: string): string {
  if (!/[\uD800-\uDFFF]/.test(text)) return encodeURIComponent(text);
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += `%ED%${(0x80 | ((c >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (c & 0x3f)).toString(16).toUpperCase()}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function encodeForm(params: Map<string, string>): string {
  return [...params].map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&');
}

function randomKey(r: Random, params: Map<string, string>): string | undefined {
  const keys = [...params.keys()].filter((k) => k !== 'Action' && k !== 'Version');
  return keys.length === 0 ? undefined : r.pick(keys);
}

/** Mutations of query parameters, each a step towards a request no client should send. */
const PARAM_MUTATIONS: ReadonlyArray<(r: Random, p: Map<string, string>) => void> = [
  (r, p) => {
    const k = randomKey(r, p);
    if (k !== undefined) p.set(k, r.pick(WRONG));
  },
  (r, p) => {
    const k = randomKey(r, p);
    if (k !== undefined) p.set(k, r.pick(NUMBERS));
  },
  (r, p) => {
    const k = randomKey(r, p);
    if (k !== undefined) p.set(k, r.pick(ODD_TEXT));
  },
  (r, p) => p.set(`${randomKey(r, p) ?? 'Tags'}${'.member.1.Key'.repeat(1 + r.int(400))}`, 'deep'),
  (r, p) => p.set(`${randomKey(r, p) ?? 'Names'}.${r.pick(['member.0', 'member.-1', 'member.99999999999999999', 'member.1e3', 'member.01', '1.2.3', '', '.', 'entry.1'])}`, r.pick(NAMES)),
  (r, p) => p.delete(r.pick(['Action', 'Version', randomKey(r, p) ?? 'Action'])),
  (r, p) => p.set('Action', r.pick([...operations(r.pick(SERVICES)), 'Nope', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])),
  (r, p) => p.set('Version', r.pick(['2011-01-01', '2010-08-01', '2012-06-01', '2016-11-15', '1999-01-01', ''])),
  (r, p) => {
    for (let i = 0; i < 50; i++) p.set(`Junk${i}.member.${i}`, r.pick(ODD_TEXT).slice(0, 40));
  },
];

const AUTHORIZATIONS = [
  'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=00',
  'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=zz',
  'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=, Signature=',
  'AWS4-HMAC-SHA256 Credential=/////, SignedHeaders=host, Signature=00',
  'AWS4-HMAC-SHA256',
  'AWS AKID:c2ln',
  'Bearer x',
  'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, SignedHeaders=host;content-type;x-amz-content-sha256, Signature=' + 'a'.repeat(64),
];

const PRESIGNS = [
  'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fautoscaling%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=999999999&X-Amz-SignedHeaders=host&X-Amz-Signature=00',
  'X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fec2%2Faws4_request&X-Amz-Date=bad&X-Amz-Expires=-1&X-Amz-Signature=00',
  'X-Amz-Credential=%2F%2F%2F%2Faws4_request&X-Amz-Expires=1e400',
  'X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fmonitoring%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bnope&X-Amz-Signature=' + 'f'.repeat(64),
];

/** Mutations of the whole request: headers, encodings, methods, truncation. */
function mutateRequest(r: Random, req: FuzzRequest): void {
  switch (r.int(9)) {
    case 0:
      req.headers.authorization = r.pick(AUTHORIZATIONS);
      req.headers['x-amz-date'] = r.pick(['20260101T000000Z', 'yesterday', '']);
      break;
    case 1:
      // Kept under Node's 16 KiB header limit: a longer request line is broken HTTP, sent on its own below.
      req.path = `/?${r.pick(PRESIGNS)}&${req.body.subarray(0, 2000).toString('latin1').replace(/[^A-Za-z0-9\-._~%&=+/]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
      req.method = 'GET';
      req.body = Buffer.alloc(0);
      break;
    case 2:
      req.headers['content-encoding'] = r.pick(['gzip', 'deflate', 'br', 'gzip, gzip', 'identity, x', 'x-gzip']);
      break;
    case 3:
      req.headers['content-type'] = r.pick(['text/plain', 'application/json', 'application/x-amz-json-1.1', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=latin1', '']);
      break;
    case 4:
      req.body = req.body.subarray(0, r.int(req.body.length + 1));
      break;
    case 5:
      req.method = r.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
      break;
    case 6:
      req.body = Buffer.concat([req.body, Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe, 0x25, 0x25, 0x47, 0x31])]);
      break;
    case 7:
      req.headers['x-amz-target'] = r.pick(['GraniteServiceVersion20100801.', 'GraniteServiceVersion20100801.DescribeAlarms', 'Nope.Nope', '.', 'GraniteServiceVersion20100801.constructor']);
      break;
    default:
      req.headers['x-amz-content-sha256'] = r.pick(['UNSIGNED-PAYLOAD', 'abc', '0'.repeat(64)]);
  }
}

/** A query-protocol request for one of the four services, mutated. */
export function queryRequest(r: Random): FuzzRequest {
  const service = r.pick(SERVICES);
  const profile = PROFILES[service];
  const action = r.pick(operations(service));
  const op = profile.model.operations[action];
  const params = new Map<string, string>([['Action', action], ['Version', profile.model.metadata.apiVersion]]);
  if (op?.input !== undefined) queryValue(r, profile.model, profile.flavour, op.input, '', params, 0);
  const mutations = 1 + r.int(3);
  let raw: string | undefined;
  for (let i = 0; i < mutations; i++) PARAM_MUTATIONS[r.int(PARAM_MUTATIONS.length)]?.(r, params);
  if (r.chance(0.1)) raw = `${encodeForm(params)}&${r.pick(['%', '%G1', '%E2%82', '&&&=', '==', '=x', `${'k'.repeat(10000)}=v`, '%ED%A0%80=1', 'a=%00'])}`;
  const req: FuzzRequest = {
    kind: `query ${service} ${action}`,
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from(raw ?? encodeForm(params), 'utf8'),
  };
  if (r.chance(0.5)) mutateRequest(r, req);
  return req;
}

/** `inner` inside `depth` arrays. */
function nest(depth: number, inner: string): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/** JSON mutations, on the body text or the value before it is written. */
function mutateJson(r: Random, value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  const key = keys.length === 0 ? 'AlarmNames' : r.pick(keys);
  switch (r.int(10)) {
    case 0:
      value[key] = r.pick([...WRONG, 1, true, null, [], {}, [[1]], { a: { b: 1 } }]);
      return JSON.stringify(value);
    case 1:
      return JSON.stringify(value).replace(/:(-?\d+(\.\d+)?)/, `:${r.pick(['1e400', '-1e400', '2147483648', '1.5', '-0', '1e-400', '99999999999999999999999'])}`);
    case 2:
      value[key] = r.pick(ODD_TEXT);
      return JSON.stringify(value);
    case 3:
      return `{"${key}":${nest(r.pick([50, 999, 1001, 5000, 100_000]), r.pick(['', '1', '{}', '"x"']))}}`;
    case 4: {
      const text = JSON.stringify(value);
      return text.slice(0, r.int(text.length));
    }
    case 5:
      return r.pick(['[]', '"x"', '1', 'null', 'true', '', ' ', '{', '}', '{"a":1,}', "{'a':1}", 'NaN', '{"a":NaN}']);
    case 6:
      return `{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},${JSON.stringify(value).slice(1)}`;
    case 7:
      return `${JSON.stringify(value).slice(0, -1)}${keys.length > 0 ? ',' : ''}"${key}":"dup"}`;
    case 8:
      // Objects opened and never closed: deep and truncated at once.
      return `{"${key}":${'{"a":'.repeat(r.pick([10, 1001, 20_000]))}1`;
    default:
      return JSON.stringify(value).replace(/"/, '"\\ud800');
  }
}

/** A CloudWatch AWS JSON 1.0 request, mutated. */
export function jsonRequest(r: Random): FuzzRequest {
  const profile = PROFILES.monitoring;
  const action = r.pick([...operations('monitoring'), 'Nope']);
  const op = profile.model.operations[action];
  const value = (op?.input === undefined ? {} : jsonValue(r, profile.model, op.input, 0)) as Record<string, unknown>;
  const body = r.chance(0.9) ? mutateJson(r, value) : JSON.stringify(value);
  const req: FuzzRequest = {
    kind: `json monitoring ${action}`,
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `GraniteServiceVersion20100801.${action}` },
    body: Buffer.from(body, 'utf8'),
  };
  if (r.chance(0.3)) mutateRequest(r, req);
  return req;
}

const CONTROL_PATHS = ['/_botoscale/health', '/_botoscale/clock', '/_botoscale/clock/advance', '/_botoscale/load', '/_botoscale/instance/health', '/_botoscale', '/_botoscale/', '/_botoscale/nope', '/_botoscale/clock/advance/', '/_botoscale/%ZZ', '/_botoscale/../x'];

/** A control-API request, mutated (clock advances stay small: their bound is another fix). */
export function controlRequest(r: Random): FuzzRequest {
  const path = r.pick(CONTROL_PATHS);
  const bodies = [
    `{"by":${r.pick(['"1s"', '"10s"', '1000', '-1', '"-5m"', '"5 parsecs"', '"1e309ms"', 'null', '[]', '{}', '"NaN"', 'true', '"Infinity"', '1e309', '"0x10s"'])}}`,
    `{"group":${r.pick(['"web"', '""', '1', 'null', '"\\u0000"'])},"cpu":${r.pick(['50', '-1', '101', '1e309', '"50"', 'null', 'NaN'])}}`,
    `{"instance":${r.pick(['"i-0123456789abcdef0"', '"nope"', '1', '[]'])},"healthy":${r.pick(['true', '"yes"', '0', 'null'])}}`,
    `{"by":${nest(r.pick([10, 1001, 100_000]), '')}}`,
    r.pick(['', '{', '[]', '"x"', 'null', '{"by":"1s"', '\u0000', '{"__proto__":{"by":"1s"}}']),
  ];
  const req: FuzzRequest = { kind: `control ${path}`, method: r.pick(['GET', 'POST', 'POST', 'PUT', 'DELETE']), path, headers: { 'content-type': 'application/json' }, body: Buffer.from(r.pick(bodies), 'utf8') };
  if (req.method === 'GET') req.body = Buffer.alloc(0);
  if (r.chance(0.2)) mutateRequest(r, req);
  if (!req.path.startsWith('/_botoscale')) req.kind = `control (moved) ${req.path.slice(0, 40)}`;
  return req;
}

/** Bytes that are not a well-formed HTTP request at all, or one cut short, sent on a socket of their own. */
export function brokenHttp(r: Random): Buffer {
  const choices = [
    'GARBAGE\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n0123456789',
    'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n',
    `GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20000)}\r\n\r\n`,
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nAction=Describe',
    'GET / HTTP/9.9\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: GraniteServiceVersion20100801.DescribeAlarms\r\nContent-Length: 5\r\n\r\n{"Al',
    'GET /\u0000 HTTP/1.1\r\n\r\n',
  ];
  return Buffer.from(r.pick(choices), 'latin1');
}
