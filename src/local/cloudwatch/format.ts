/**
 * Text as CloudWatch writes it: numbers the way Java prints doubles (`85.0`, `1.0E7`),
 * timestamps in state reasons (`01/01/26 00:01:00`) and reason data
 * (`2026-01-01T00:01:00.000+0000`), and JSON whose doubles keep their `.0`.
 *
 * @module
 */

/** Java's `Double.toString`: `85.0`, `99.97497497497497`, `1.0E7`, `1.0E-4`. */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${Number(exponent)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `01/01/26 00:01:00`: the UTC time of a datapoint in a state reason. */
export function reasonTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2026-01-01T00:01:00.000+0000`: a time in reason data and history data. */
export function dataTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** A number JSON must print as a Java double. */
export class JavaDouble {
  /** The number. */
  readonly value: number;

  /** Wraps a number. */
  constructor(value: number) {
    this.value = value;
  }
}

/** A value {@link javaJson} can print. */
export type JsonValue = string | number | boolean | null | JavaDouble | JsonValue[] | { [key: string]: JsonValue | undefined };

/** Compact JSON in which {@link JavaDouble}s print as Java doubles; undefined members are left out. */
export function javaJson(value: JsonValue): string {
  if (value instanceof JavaDouble) return javaDouble(value.value);
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (Array.isArray(value)) return `[${value.map(javaJson).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${javaJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Shorthand for {@link JavaDouble}. */
export function jd(value: number): JavaDouble {
  return new JavaDouble(value);
}
