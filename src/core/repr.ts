/**
 * boto2-style printing. Every resource class prints as boto2's `repr` does, in the REPL,
 * in `console.log` (through `util.inspect.custom`) and in `String(x)`.
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

  [inspectCustom](): string {
    return this.toString();
  }

  /** The object's own data fields (not its connection), for `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object) } as Record<string, unknown>;
  }
}

/** Formats a number as Python's `str(float)` does: `70` → `70.0`, `0.5` → `0.5`. */
export function pyFloat(value: number): string {
  if (Number.isInteger(value)) return `${value}.0`;
  return String(value);
}
