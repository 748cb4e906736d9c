/**
 * How Python's `%s` and `repr` print the values boto2's reprs contain, so that our
 * `toString()`s match boto2's character for character.
 *
 * @module
 * @internal
 */

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
