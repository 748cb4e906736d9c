/**
 * How Python prints the naive UTC `datetime`s boto2's CloudWatch classes hold, so that our
 * `toString()`s match boto2's.
 *
 * @module
 * @internal
 */

function parts(date: Date): number[] {
  return [
    date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(),
    date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds() * 1000,
  ];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Python's `str(datetime)`: `2013-05-24 21:15:31` or `2013-05-24 21:15:31.280000`; `None` for none. @internal */
export function pyDatetimeStr(date: Date | undefined): string {
  if (date === undefined || Number.isNaN(date.getTime())) return 'None';
  const [y, mo, d, h, mi, s, us] = parts(date) as [number, number, number, number, number, number, number];
  const base = `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
  return us === 0 ? base : `${base}.${pad(us, 6)}`;
}

/** Python's `repr(datetime)`: `datetime.datetime(2013, 5, 24, 21, 15)`, seconds and microseconds only when not zero. @internal */
export function pyDatetimeRepr(date: Date | undefined): string {
  if (date === undefined || Number.isNaN(date.getTime())) return 'None';
  const [y, mo, d, h, mi, s, us] = parts(date) as [number, number, number, number, number, number, number];
  const fields = [y, mo, d, h, mi];
  if (s !== 0 || us !== 0) fields.push(s);
  if (us !== 0) fields.push(us);
  return `datetime.datetime(${fields.join(', ')})`;
}
