/**
 * boto2-style printing. Every resource class prints as boto2's `repr` does, in the REPL,
 * in `console.log` (through `util.inspect.custom`) and in `String(x)`; and how Python's
 * `%s` and `repr` print the values boto2's reprs contain (`None`, `True`, quoted strings,
 * lists, floats), so that our `toString()`s match boto2's character for character.
 *
 * @module
 */
import { BotoClientError } from './errors';

/** The symbol `util.inspect` looks up; the same value as `util.inspect.custom`. */
export const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/**
 * Base of every botoscale resource object: prints as boto2's repr, serialises to JSON
 * without its connection, and holds the connection it came from (kept out of
 * enumeration, so it never shows up in `console.log` or `JSON.stringify`).
 */
export abstract class BotoObject<C extends object = object> {
  #connection: C | undefined;

  constructor(connection?: C) {
    this.#connection = connection;
  }

  /** The connection this object talks through, or `undefined` for a local-only object. */
  get connection(): C | undefined {
    return this.#connection;
  }

  /** Binds the object to a connection (or unbinds it with `undefined`). */
  set connection(connection: C | undefined) {
    this.#connection = connection;
  }

  /**
   * The connection, or a {@link BotoClientError} saying how to give the object one.
   * @internal
   */
  protected requireConnection(): C {
    if (this.#connection === undefined) {
      throw new BotoClientError(
        `${this.toString()} has no connection: pass it to a connection's create call first, or give { connection } when constructing it`,
      );
    }
    return this.#connection;
  }

  /** boto2's repr of this object. */
  abstract toString(): string;

  /** Prints as `toString()` does, in `console.log` and the REPL. */
  [inspectCustom](): string {
    return this.toString();
  }

  /** The object's own data fields (not its connection), for `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object) } as Record<string, unknown>;
  }
}

/**
 * Formats a number as Python's `str(float)` does: `70` → `70.0`, `0.5` → `0.5`, `1e16` →
 * `1e+16`, `0.00001` → `1e-05`, `NaN` → `nan`. Both use the shortest digits that read
 * back as the same number; they differ in when to switch to exponent notation (Python:
 * below 1e-4 or from 1e16 on) and in how the exponent is written.
 */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exp);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const digits = mantissa.replace('.', '');
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
}

/** Python's `str(value)`: `None` for a missing value, `True`/`False` for booleans. @internal */
export function pyStr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

/** Python's `repr(str)`: single quotes unless the text holds a single quote and no double one. @internal */
export function pyStrRepr(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (value.includes("'") && !value.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/** Python's `repr(list)` of items that print through `toString()` (or of strings, quoted). @internal */
export function pyList(items: readonly unknown[]): string {
  return `[${items.map((i) => (typeof i === 'string' ? pyStrRepr(i) : pyStr(i))).join(', ')}]`;
}
