/**
 * SigV4 on the server side: reading the credential scope of a request (which service it
 * was signed for), and, in `--auth` mode, verifying its signature with
 * `@smithy/signature-v4` by signing the received request again (same method, path,
 * query, signed headers, body, date, region and service) with the configured secret and
 * comparing the two signatures.
 *
 * @module
 */
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import { awsError, commonError, ServiceError } from './errors';

/** An access key pair. */
export interface Credentials {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
}

/** What a SigV4 signature says about itself. */
export interface SignatureInfo {
  /** The access key id of the credential scope. */
  accessKeyId: string;
  /** `20260101`. */
  date: string;
  /** The scope's region. */
  region: string;
  /** The scope's service (`autoscaling`, or what a client derived from the host). */
  service: string;
  /** Names of the signed headers, lower case. */
  signedHeaders: string[];
  /** The signature, hex. */
  signature?: string;
  /** Whether it came in the query string (a presigned URL) instead of the Authorization header. */
  presigned: boolean;
}

/** A received request, as the signature covers it. */
export interface ReceivedRequest {
  /** HTTP method. */
  method: string;
  /** The raw path, without the query string. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** Headers as Node received them (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** The body as received. */
  body: Buffer;
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function header(headers: ReceivedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function parseScope(credential: string): Omit<SignatureInfo, 'signedHeaders' | 'signature' | 'presigned'> | undefined {
  const parts = credential.split('/');
  if (parts.length < 5 || parts[parts.length - 1] !== 'aws4_request') return undefined;
  const service = parts[parts.length - 2] as string;
  const region = parts[parts.length - 3] as string;
  const date = parts[parts.length - 4] as string;
  const accessKeyId = parts.slice(0, parts.length - 4).join('/');
  return { accessKeyId, date, region, service };
}

function queryPairs(query: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    try {
      out.push([decodeURIComponent(eq < 0 ? part : part.slice(0, eq)), decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1))]);
    } catch {
      out.push([eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1)]);
    }
  }
  return out;
}

/**
 * The signature information of a request: from `Authorization: AWS4-HMAC-SHA256 ...` or
 * from `X-Amz-Credential` and friends in the query string. Undefined when there is none;
 * `'malformed'` when an Authorization header is there but cannot be read.
 */
export function readSignature(req: Pick<ReceivedRequest, 'headers' | 'query'>): SignatureInfo | 'malformed' | undefined {
  const auth = header(req.headers, 'authorization');
  if (auth !== undefined) {
    const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(auth.trim());
    if (m === null) return 'malformed';
    const fields = new Map<string, string>();
    for (const piece of (m[1] as string).split(',')) {
      const eq = piece.indexOf('=');
      if (eq > 0) fields.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
    }
    const scope = parseScope(fields.get('Credential') ?? '');
    const signed = fields.get('SignedHeaders');
    if (scope === undefined || signed === undefined) return 'malformed';
    const info: SignatureInfo = { ...scope, signedHeaders: signed.split(';').filter((h) => h !== ''), presigned: false };
    const signature = fields.get('Signature');
    if (signature !== undefined && signature !== '') info.signature = signature;
    return info;
  }
  const pairs = new Map(queryPairs(req.query));
  const credential = pairs.get('X-Amz-Credential');
  if (credential === undefined) return undefined;
  const scope = parseScope(credential);
  if (scope === undefined) return 'malformed';
  const info: SignatureInfo = { ...scope, signedHeaders: (pairs.get('X-Amz-SignedHeaders') ?? 'host').split(';').filter((h) => h !== ''), presigned: true };
  const signature = pairs.get('X-Amz-Signature');
  if (signature !== undefined && signature !== '') info.signature = signature;
  return info;
}

class Sha256 {
  readonly #hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    if (secret === undefined) {
      this.#hash = createHash('sha256');
    } else {
      const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : ArrayBuffer.isView(secret) ? Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength) : Buffer.from(secret);
      this.#hash = createHmac('sha256', key);
    }
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

function signingDate(req: ReceivedRequest, info: SignatureInfo, query: Map<string, string>): Date | undefined {
  const basic = info.presigned ? query.get('X-Amz-Date') : header(req.headers, 'x-amz-date');
  if (basic !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(basic);
    if (m === null) return undefined;
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  }
  const date = header(req.headers, 'date');
  if (date === undefined) return undefined;
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The longest a presigned URL may be valid, in seconds: a week, as SigV4 signing keys last
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html: "The
 * minimum value you can set is 1, and the maximum is 604800 (seven days)").
 */
export const MAX_PRESIGN_EXPIRES = 604_800;

/**
 * A presigned URL's X-Amz-Expires in seconds (3600 when absent), or the error AWS answers
 * a value it refuses with. AWS publishes this check's wording for S3 only
 * (`AuthorizationQueryParametersError`); botoscale local answers it for every service.
 */
function presignExpiry(query: Map<string, string>): number {
  const text = query.get('X-Amz-Expires');
  if (text === undefined) return 3600;
  const refuse = (message: string): ServiceError => commonError('AuthorizationQueryParametersError', message);
  if (!/^-?[0-9]+$/.test(text)) throw refuse('X-Amz-Expires should be a number');
  const seconds = Number(text);
  if (seconds < 0) throw refuse('X-Amz-Expires must be non-negative');
  if (seconds > MAX_PRESIGN_EXPIRES) throw refuse(`X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_PRESIGN_EXPIRES} seconds`);
  return seconds;
}

const PRESIGN_PARAMS = new Set(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token']);

async function expectedSignature(req: ReceivedRequest, info: SignatureInfo, creds: Credentials, date: Date, unsignedPayload: boolean): Promise<string | undefined> {
  const pairs = queryPairs(req.query);
  const query: QueryParameterBag = {};
  for (const [k, v] of pairs) {
    if (info.presigned && PRESIGN_PARAMS.has(k)) continue;
    if (!info.presigned && k === 'X-Amz-Signature') continue;
    const prior = query[k];
    if (prior === undefined || prior === null) query[k] = v;
    else query[k] = Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  const headers: Record<string, string> = {};
  for (const name of info.signedHeaders) {
    const v = header(req.headers, name);
    if (v !== undefined) headers[name] = v;
  }
  const unsignable = new Set<string>();
  if (!info.signedHeaders.includes('x-amz-date')) unsignable.add('x-amz-date');
  if (unsignedPayload) {
    headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    if (!info.signedHeaders.includes('x-amz-content-sha256')) unsignable.add('x-amz-content-sha256');
  }
  const host = header(req.headers, 'host') ?? 'localhost';
  const request: HttpRequest = { method: req.method, protocol: 'http:', hostname: host.replace(/:\d+$/, ''), path: req.path, query, headers, body: req.body.length === 0 ? undefined : req.body };
  const sessionQueryToken = info.presigned ? new Map(pairs).get('X-Amz-Security-Token') : undefined;
  const signer = new SignatureV4({
    credentials: sessionQueryToken === undefined ? { ...creds } : { ...creds, sessionToken: sessionQueryToken },
    region: info.region,
    service: info.service,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const options = { signingDate: date, signingRegion: info.region, signingService: info.service, signableHeaders: new Set(info.signedHeaders), unsignableHeaders: unsignable };
  if (info.presigned) {
    const expires = presignExpiry(new Map(pairs));
    const presigned = await signer.presign(request, { ...options, expiresIn: expires, unhoistableHeaders: new Set(Object.keys(headers)) });
    const sig = presigned.query?.['X-Amz-Signature'];
    return typeof sig === 'string' ? sig : undefined;
  }
  const signed = await signer.sign(request, options);
  const auth = signed.headers.authorization ?? '';
  return /Signature=([0-9a-f]+)/.exec(auth)?.[1];
}

/**
 * The signature a request should carry, or undefined when the signer cannot make one of
 * what the client sent (a value it refuses): such a request cannot carry a valid one.
 */
async function signatureOrNone(req: ReceivedRequest, info: SignatureInfo, creds: Credentials, date: Date, unsignedPayload: boolean): Promise<string | undefined> {
  try {
    return await expectedSignature(req, info, creds, date, unsignedPayload);
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    return undefined;
  }
}

/** How far a signing date may be from the server's real time, as AWS allows. */
const SKEW_MS = 15 * 60_000;

function compact(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/**
 * A signature made too long ago or too far ahead of `now` (real time: clients sign with
 * their own clock, whatever the simulated one says), or a presigned request past its
 * X-Amz-Expires, is refused with the error AWS gives: EC2's RequestExpired, or the
 * other services' SignatureDoesNotMatch naming the window.
 */
function checkSigningTime(info: SignatureInfo, signedAt: Date, query: Map<string, string>, now: number, ec2: boolean): void {
  const at = signedAt.getTime();
  const expired = (message: string): ServiceError =>
    ec2 ? commonError('RequestExpired', 'Request has expired.') : commonError('SignatureDoesNotMatch', message);
  if (info.presigned) {
    const expiresAt = at + presignExpiry(query) * 1000;
    if (now > expiresAt) throw expired(`Signature expired: ${compact(expiresAt)} is now earlier than ${compact(now)}.`);
    if (at > now + SKEW_MS) throw expired(`Signature not yet current: ${compact(at)} is still later than ${compact(now + SKEW_MS)} (${compact(now)} + 15 min.)`);
    return;
  }
  if (at < now - SKEW_MS) throw expired(`Signature expired: ${compact(at)} is now earlier than ${compact(now - SKEW_MS)} (${compact(now)} - 15 min.)`);
  if (at > now + SKEW_MS) throw expired(`Signature not yet current: ${compact(at)} is still later than ${compact(now + SKEW_MS)} (${compact(now)} + 15 min.)`);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Verifies a request's signature against `creds` and its signing time against `now`
 * (real time, ms); resolves when both hold and rejects with the `ServiceError` AWS
 * answers with otherwise. `ec2` selects EC2's wording (`AuthFailure`, `RequestExpired`).
 */
export async function verifyRequest(req: ReceivedRequest, creds: Credentials, ec2 = false, now = Date.now()): Promise<void> {
  const info = readSignature(req);
  if (info === undefined) throw commonError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  if (info === 'malformed') {
    throw commonError('IncompleteSignature', "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of the AWS4-HMAC-SHA256 algorithm.");
  }
  if (info.presigned) presignExpiry(new Map(queryPairs(req.query)));
  if (info.accessKeyId !== creds.accessKeyId) {
    if (ec2) throw awsError('ec2', 'AuthFailure', 'AWS was not able to validate the provided access credentials');
    throw commonError('InvalidClientTokenId', 'The security token included in the request is invalid.');
  }
  const given = info.signature;
  if (given === undefined) throw commonError('SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  const claimedHash = header(req.headers, 'x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== createHash('sha256').update(req.body).digest('hex')) {
    // The signature covers the header, not the body: a body that does not match it was changed.
    throw commonError('SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  const query = new Map(queryPairs(req.query));
  const date = signingDate(req, info, query);
  if (date === undefined) throw commonError('SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  const expected = await signatureOrNone(req, info, creds, date, false);
  let matches = expected !== undefined && same(expected, given);
  if (!matches && (info.presigned || header(req.headers, 'x-amz-content-sha256') === 'UNSIGNED-PAYLOAD')) {
    const unsigned = await signatureOrNone(req, info, creds, date, true);
    matches = unsigned !== undefined && same(unsigned, given);
  }
  if (!matches) throw commonError('SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  checkSigningTime(info, date, query, now, ec2);
}
