/**
 * Where `botoscale local` takes its key pair from: `--auth KEY:SECRET` (simple, but the
 * secret is on the command line, which every local user can read with `ps`), `--auth-file
 * FILE` (one line, `KEY:SECRET`) or the environment variable `BOTOSCALE_LOCAL_AUTH`
 * (`KEY:SECRET`); the first of those given wins, in that order. Messages about a bad
 * source name it and say what is expected, never what it holds.
 *
 * @module
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Credentials } from './auth';

/** The environment variable holding `KEY:SECRET`. */
export const AUTH_ENV = 'BOTOSCALE_LOCAL_AUTH';

/** Longest auth file read, in bytes: a key pair is far shorter; a device or a log is refused. */
const MAX_AUTH_FILE = 4096;

/** The key-pair sources given on the command line and in the environment. */
export interface AuthSources {
  /** `--auth KEY:SECRET`. */
  flag?: string;
  /** `--auth-file FILE`. */
  file?: string;
  /** The value of `BOTOSCALE_LOCAL_AUTH`. */
  env?: string;
}

/** The key pair chosen, and where it came from. */
export interface ChosenAuth {
  /** The key pair. */
  credentials: Credentials;
  /** Its source, as the user named it. */
  source: '--auth' | '--auth-file' | typeof AUTH_ENV;
}

/** A source that is given but unusable; the message never contains the secret. */
export class AuthSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthSourceError';
  }
}

const SHAPE = 'KEY:SECRET, an access key id and its secret separated by a colon';

/** `KEY:SECRET` as a key pair; undefined unless both parts are there. */
export function parseKeyPair(text: string): Credentials | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { accessKeyId: text.slice(0, colon), secretAccessKey: text.slice(colon + 1) };
}

function readCapped(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_AUTH_FILE + 1);
    let size = 0;
    for (let n = -1; n !== 0 && size < buf.length; size += n) n = readSync(fd, buf, size, buf.length - size, null);
    return buf.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}

/** The key pair in an auth file: one line `KEY:SECRET`, surrounding blanks and a final line break allowed. */
export function readAuthFile(path: string): Credentials {
  let content: Buffer;
  try {
    content = readCapped(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AuthSourceError(`--auth-file ${path} cannot be read (${code})`);
  }
  const shapeError = new AuthSourceError(`--auth-file ${path} must hold one line, ${SHAPE}`);
  if (content.length > MAX_AUTH_FILE) throw shapeError;
  const line = content.toString('utf8').replace(/\r?\n$/, '').trim();
  if (/[\r\n]/.test(line)) throw shapeError;
  const pair = parseKeyPair(line);
  if (pair === undefined || /\s/.test(pair.accessKeyId) || /\s/.test(pair.secretAccessKey)) throw shapeError;
  return pair;
}

/** The key pair to check signatures with, from the first source given; undefined when none is. */
export function chooseAuth(sources: AuthSources): ChosenAuth | undefined {
  if (sources.flag !== undefined) {
    const credentials = parseKeyPair(sources.flag);
    if (credentials === undefined) throw new AuthSourceError(`--auth takes ${SHAPE}`);
    return { credentials, source: '--auth' };
  }
  if (sources.file !== undefined) return { credentials: readAuthFile(sources.file), source: '--auth-file' };
  if (sources.env !== undefined && sources.env !== '') {
    const credentials = parseKeyPair(sources.env.trim());
    if (credentials === undefined) throw new AuthSourceError(`${AUTH_ENV} takes ${SHAPE}`);
    return { credentials, source: AUTH_ENV };
  }
  return undefined;
}

/** Whether a listening address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h) || /^0*:0*:0*:0*:0*:0*:0*:0*1$/.test(h);
  return false;
}
