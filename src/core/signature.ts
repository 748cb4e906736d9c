/**
 * Run-time argument checks for every public method and constructor, one mechanism for
 * every class. Users in a REPL or a plain `.js` file get no help from TypeScript, so each
 * class declares its call signatures in a small table beside it ({@link declareSignatures});
 * each entry is parsed once, when the module loads, into a checker that costs a few
 * comparisons per call.
 *
 * The argument rule (README, "boto2 → botoscale naming") is Python's, as boto2's users
 * know it: the i-th argument is boto2's i-th parameter, and boto2's keyword arguments go,
 * camelCased, into one options object that comes last. A plain object `{ … }` right
 * after the positional parameters is the options object; further on, it is the options
 * object unless boto2's parameter at that place takes an object itself (`dimensions`).
 * So `getAllGroups(['g2'])` is `getAllGroups({ names: ['g2'] })`, and
 * `setDesiredCapacity('g', 2, true)` is `setDesiredCapacity('g', 2, { honorCooldown: true })`.
 *
 * Registering: a new method gets its line in its class's `declareSignatures(Class, { … })`
 * block, at the end of the class's file; a new class gets such a block (with `new` for its
 * constructor) and calls `checkNew(Class, arguments)` first thing in its constructor.
 * test/core/signatures checks every table against the TypeScript signatures and boto2's
 * parameters, and prints the line to declare for anything missing or different.
 *
 * @module
 */
import type { CallOptions } from './connection';
import { BotoClientError } from './errors';
import { PagedRequest } from './resultset';

/**
 * One call signature, as a string:
 *
 * - first the positional parameters, as the method's TypeScript signature has them:
 *   `name`, `name?` (may be left out), `name:object` (takes a plain object itself, such as
 *   `dimensions`; otherwise a plain object in its place is the options object);
 * - then, in `[ ]`, boto2's parameters that follow them, in boto2's order: each may be
 *   given positionally, as in Python, or by name in the options object;
 * - then, in `{ }`, the options taken by name only (botoscale's additions and `signal`,
 *   which stands for every call's own options, {@link CallOptions}: `signal` and
 *   `requestTimeout`).
 *
 * Without `[ ]` or `{ }` the call takes no options object. A list call (one that returns a
 * `PagedRequest`) starts with `paged:`. Examples:
 * `'groupName, desiredCapacity, [honorCooldown], {signal}'`, `'[names, maxRecords, nextToken], {signal}'`,
 * `'{connection, name, imageId}'` (a constructor of one options object).
 */
export type Signature = string;

/** Every service connection's constructor: boto2's two key arguments, then the options. */
export const CONNECTION_SIGNATURE: Signature =
  'awsAccessKeyId?, awsSecretAccessKey?, {region, endpoint, useFipsEndpoint, useDualstackEndpoint, credentials, profile, securityToken, maxAttempts, requestHandler, requestTimeout, logger, botoConfig, env}';

/**
 * A class's signature table: its constructor (`new`) and public methods, each
 * mapped to its {@link Signature}.
 */
export type SignatureTable<T> = { readonly [K in Exclude<MethodName<T>, 'toString' | 'toLocaleString' | 'valueOf' | 'toJSON'> | 'new']?: Signature };

/** The names of `T`'s methods. */
export type MethodName<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] & string;

interface Param {
  readonly name: string;
  readonly optional: boolean;
  /** Takes a plain object itself (so a plain object there is not the options object). */
  readonly object: boolean;
}

/** The options every call that sends a request takes, written `signal` in a table. */
const CALL_OPTION_NAMES: readonly (keyof Required<CallOptions>)[] = ['signal', 'requestTimeout'];

/** A signature parsed once, ready to check calls. */
interface Prepared {
  /** `AutoScaleConnection.getAllGroups` or `new LaunchConfiguration`. */
  readonly call: string;
  /** A list call: a bad call gives a {@link PagedRequest} that rejects, as its other errors do. */
  readonly paged: boolean;
  /** Takes a secret (a connection's `awsSecretAccessKey`): a misplaced string may be it. */
  readonly takesSecret: boolean;
  readonly positional: readonly Param[];
  readonly boto2: readonly Param[];
  readonly takesOptions: boolean;
  /** Every option name (boto2's and the named-only ones). */
  readonly keys: ReadonlySet<string>;
  readonly keyList: readonly string[];
  /** The call in botoscale's form, for messages. */
  readonly form: string;
}

function parseParam(text: string, where: string): Param {
  const m = /^([A-Za-z_$][\w$]*)(\?)?(?::(object))?$/.exec(text);
  if (m === null) throw new Error(`${where}: cannot read parameter ${JSON.stringify(text)}`);
  return { name: m[1] as string, optional: m[2] === '?', object: m[3] === 'object' };
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Parses a {@link Signature}; a malformed one is a programming error, thrown at load time. */
export function parseSignature(call: string, signature: Signature): Prepared {
  const paged = /^paged:/.test(signature);
  const m = /^([^[{]*?)\s*,?\s*(?:\[([^\]]*)\])?\s*,?\s*(?:\{([^}]*)\})?\s*$/.exec(signature.replace(/^paged:/, '').trim());
  if (m === null) throw new Error(`${call}: cannot read signature ${JSON.stringify(signature)}`);
  const positional = splitList(m[1] ?? '').map((p) => parseParam(p, call));
  const boto2 = splitList(m[2] ?? '').map((p) => ({ ...parseParam(p, call), optional: true }));
  const named = splitList(m[3] ?? '').flatMap((p) => {
    const name = parseParam(p, call).name;
    return name === 'signal' ? [...CALL_OPTION_NAMES] : [name];
  });
  const takesOptions = m[2] !== undefined || m[3] !== undefined;
  const keyList = [...boto2.map((p) => p.name), ...named];
  const keys = new Set(keyList);
  const args = positional.map((p) => `${p.name}${p.optional ? '?' : ''}`);
  if (takesOptions) args.push(`{ ${keyList.join(', ')} }`);
  const takesSecret = positional.some((p) => /secret/i.test(p.name));
  return { call, paged, takesSecret, positional, boto2, takesOptions, keys, keyList, form: `${call}(${args.join(', ')})` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A value for a message; a call that takes a secret never has its strings repeated. */
function show(value: unknown, sig: Prepared): string {
  if (typeof value === 'string') return sig.takesSecret ? 'a string' : JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return String(value);
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function nth(i: number): string {
  return ORDINALS[i] ?? `#${i + 1}`;
}

function fail(sig: Prepared, problem: string): BotoClientError {
  return new BotoClientError(`${sig.form}: ${problem}`);
}

/** `key_name` → `keyName`, `KeyName` → `keyName`. */
function camel(key: string): string {
  const parts = key.split(/[_-]+/).filter((p) => p !== '');
  const joined = parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The option a misspelt key most likely meant: its camelCase form (`key_name` →
 * `keyName`), the same letters in another case, a near miss (at most a third of the
 * letters off), an option the key ends or starts with (`group_names` → `names`), or one
 * that starts or ends with the key (`max` → `maxRecords`, `names` → `loadBalancerNames`).
 */
export function suggestKey(key: string, candidates: readonly string[]): string | undefined {
  const c = camel(key);
  const lower = c.toLowerCase();
  const exact = candidates.find((k) => k === c) ?? candidates.find((k) => k.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of candidates) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance && d <= Math.max(1, Math.floor(Math.min(k.length, lower.length) / 3))) {
      best = k;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  return candidates.find((k) => k.length >= 4 && (lower.endsWith(k.toLowerCase()) || lower.startsWith(k.toLowerCase())))
    ?? candidates.find((k) => lower.length >= 3 && (k.toLowerCase().startsWith(lower) || k.toLowerCase().endsWith(lower)));
}

function checkKeys(sig: Prepared, options: Record<string, unknown>): void {
  for (const key in options) {
    if (sig.keys.has(key)) continue;
    const hint = suggestKey(key, sig.keyList);
    throw fail(sig, hint === undefined
      ? `unknown option \`${key}\``
      : `unknown option \`${key}\`; did you mean \`${hint}\`?`);
  }
}

function missing(sig: Prepared, param: Param, optionsAt: number): BotoClientError {
  const inPlace = optionsAt >= 0 ? ` (the ${nth(optionsAt)} argument is the options object)` : '';
  return fail(sig, `\`${param.name}\` is required${inPlace}`);
}

/**
 * Checks a call's arguments against its signature and returns them as the method's
 * implementation takes them: its positional parameters, then the options object, with
 * boto2's positional values moved into it. Throws a {@link BotoClientError} showing the
 * call in botoscale's form.
 */
function bind(sig: Prepared, args: ArrayLike<unknown>): unknown[] {
  const n = sig.positional.length;
  const out: unknown[] = [];
  let options: Record<string, unknown> | undefined;
  let optionsAt = -1;
  let fromBoto2: Record<string, unknown> | undefined;
  let i = 0;
  for (; i < args.length; i += 1) {
    const arg = args[i];
    const param = i < n ? sig.positional[i] : sig.boto2[i - n];
    // Right after the positional parameters a plain object is always the options object.
    const takesObject = i !== n && (param?.object ?? false);
    if (sig.takesOptions && isPlainObject(arg) && !takesObject) {
      options = arg;
      optionsAt = i;
      i += 1;
      break;
    }
    if (i < n) {
      out.push(arg);
      continue;
    }
    if (param === undefined) {
      if (arg === undefined || arg === null) continue;
      throw fail(sig, sig.takesOptions
        ? `the ${nth(i)} argument must be the options object, got ${show(arg, sig)}`
        : `takes at most ${n} arguments, got ${args.length} (the ${nth(i)} is ${show(arg, sig)})`);
    }
    if (arg !== undefined && arg !== null) (fromBoto2 ??= {})[param.name] = arg;
  }
  for (; i < args.length; i += 1) {
    if (args[i] !== undefined) throw fail(sig, `nothing may follow the options object, got ${show(args[i], sig)} after it`);
  }
  for (let p = 0; p < n; p += 1) {
    const param = sig.positional[p] as Param;
    const value = out[p];
    if (!param.optional && (value === undefined || value === null)) throw missing(sig, param, optionsAt);
    if (value !== undefined && !param.object && isPlainObject(value)) throw missing(sig, param, p);
  }
  if (options !== undefined) checkKeys(sig, options);
  if (fromBoto2 !== undefined) {
    for (const key in fromBoto2) {
      if (options !== undefined && options[key] !== undefined) {
        throw fail(sig, `\`${key}\` is given twice: as an argument and in the options object`);
      }
    }
    options = { ...options, ...fromBoto2 };
  }
  out.length = n;
  if (options !== undefined) out.push(options);
  return out;
}

/**
 * Whether `args` need no rebinding: every positional parameter is there (or optional),
 * the options object (if any) is in its place, and nothing follows it. Then only the
 * option names need checking. This is the common case, kept to a few comparisons.
 */
function fastPath(sig: Prepared, args: ArrayLike<unknown>): boolean {
  const n = sig.positional.length;
  if (args.length > n + 1) return false;
  for (let p = 0; p < n; p += 1) {
    const param = sig.positional[p] as Param;
    const value = args[p];
    if (value === undefined || value === null) {
      if (!param.optional) return false;
    } else if (!param.object && isPlainObject(value)) {
      return false;
    }
  }
  if (args.length <= n) return true;
  const last = args[n];
  if (last === undefined) return true;
  if (!sig.takesOptions || !isPlainObject(last)) return false;
  checkKeys(sig, last);
  return true;
}

const CONSTRUCTORS = new WeakMap<object, Prepared>();
// Above zero while a class's `fromSdk` builds objects from an AWS answer: their options
// come from botoscale, not from a user, and a page of them must not pay a check each.
let building = 0;

function trustFromSdk(cls: object): void {
  const fromSdk = (cls as { fromSdk?: unknown }).fromSdk;
  if (typeof fromSdk !== 'function' || Object.prototype.hasOwnProperty.call(fromSdk, TRUSTED)) return;
  const impl = fromSdk as (...args: unknown[]) => unknown;
  const trusted = function (this: unknown, ...args: unknown[]): unknown {
    building += 1;
    try {
      return impl.apply(this, args);
    } finally {
      building -= 1;
    }
  };
  Object.defineProperty(trusted, TRUSTED, { value: true });
  Object.defineProperty(cls, 'fromSdk', { value: trusted, writable: true, configurable: true, enumerable: false });
}
const TRUSTED = Symbol('builds from an AWS answer');
const TABLES = new WeakMap<object, Readonly<Record<string, Signature>>>();

/**
 * Declares the call signatures of a class and installs the checks: each listed method is
 * replaced, on the class's prototype, by one that checks its arguments (and moves boto2's
 * positional values into the options object) before calling the original. The constructor's
 * signature is kept for {@link checkNew}, which the constructor calls (and the class's
 * static `fromSdk`, if any, is marked as building from AWS answers, which need no check).
 *
 * A bad call of an `async` method is a rejected promise; of a list call (`paged:`), a
 * `PagedRequest` that rejects; of any other method, a throw.
 */
export function declareSignatures<T extends object>(cls: { readonly prototype: T; readonly name: string }, table: SignatureTable<T>): void {
  const proto = cls.prototype as Record<string, unknown>;
  TABLES.set(cls, { ...TABLES.get(cls), ...(table as Record<string, Signature>) });
  for (const [name, signature] of Object.entries(table) as Array<[string, Signature]>) {
    if (name === 'new') {
      CONSTRUCTORS.set(cls, parseSignature(`new ${cls.name}`, signature));
      trustFromSdk(cls);
      continue;
    }
    const original = proto[name];
    if (typeof original !== 'function') throw new Error(`${cls.name}.${name}: no such method to declare a signature for`);
    const sig = parseSignature(`${cls.name}.${name}`, signature);
    const impl = original as (...args: unknown[]) => unknown;
    const isAsync = impl.constructor.name === 'AsyncFunction';
    const checked = function (this: unknown, ...args: unknown[]): unknown {
      let bound: unknown[];
      try {
        bound = fastPath(sig, args) ? args : bind(sig, args);
      } catch (err) {
        if (isAsync) return Promise.reject(err);
        if (sig.paged) return new PagedRequest(() => Promise.reject(err));
        throw err;
      }
      return impl.apply(this, bound);
    };
    Object.defineProperty(checked, 'name', { value: name });
    Object.defineProperty(proto, name, { value: checked, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * Checks a constructor's arguments against the signature its class declared; call it
 * first thing in the constructor: `checkNew(LaunchConfiguration, arguments)`. Objects a
 * class's static `fromSdk` builds from an AWS answer are not checked.
 */
export function checkNew(cls: object, args: ArrayLike<unknown>): void {
  if (building > 0) return;
  const sig = CONSTRUCTORS.get(cls);
  if (sig !== undefined && !fastPath(sig, args)) bind(sig, args);
}

/**
 * The signatures a class has, its own and those it inherits (for the test that checks
 * them against the TypeScript signatures).
 */
export function declaredSignatures(cls: object): Readonly<Record<string, Signature>> {
  const chain: object[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return Object.assign({}, ...chain.map((c) => TABLES.get(c) ?? {})) as Record<string, Signature>;
}
