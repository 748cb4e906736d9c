/**
 * The Unix cron expressions of scheduled actions (`Recurrence`): five fields
 * (minute hour day-of-month month day-of-week), evaluated in UTC or in the action's
 * IANA `TimeZone`.
 *
 * @module
 */

/** A parsed cron expression. */
export interface Cron {
  minutes: boolean[];
  hours: boolean[];
  daysOfMonth: boolean[];
  months: boolean[];
  daysOfWeek: boolean[];
  /** Whether day-of-month / day-of-week were restricted (cron ORs them when both are). */
  domRestricted: boolean;
  dowRestricted: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseValue(text: string, min: number, names: string[] | undefined, nameBase: number): number {
  const upper = text.toUpperCase();
  if (names !== undefined) {
    const i = names.indexOf(upper);
    if (i >= 0) return i + nameBase;
  }
  if (!/^\d+$/.test(text)) return NaN;
  const n = Number(text);
  return n >= min ? n : NaN;
}

function parseField(text: string, min: number, max: number, names?: string[], nameBase = 0): boolean[] | undefined {
  const set = new Array<boolean>(max + 1).fill(false);
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (range === undefined || extra !== undefined) return undefined;
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) return undefined;
      step = Number(stepText);
    }
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
    } else {
      const bounds = range.split('-');
      if (bounds.length > 2) return undefined;
      lo = parseValue(bounds[0] as string, min, names, nameBase);
      hi = bounds.length === 2 ? parseValue(bounds[1] as string, min, names, nameBase) : stepText !== undefined ? max : lo;
      if (Number.isNaN(lo) || Number.isNaN(hi) || lo > max || hi > max || lo > hi) return undefined;
    }
    for (let v = lo; v <= hi; v += step) set[v] = true;
  }
  return set;
}

/** Parses a five-field cron expression; undefined when it is not one. */
export function parseCron(expression: string): Cron | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [m, h, dom, mon, dow] = fields as [string, string, string, string, string];
  const minutes = parseField(m, 0, 59);
  const hours = parseField(h, 0, 23);
  const daysOfMonth = parseField(dom, 1, 31);
  const months = parseField(mon, 1, 12, MONTHS, 1);
  const dowSet = parseField(dow, 0, 7, DAYS, 0);
  if (!minutes || !hours || !daysOfMonth || !months || !dowSet) return undefined;
  // 7 is Sunday too.
  if (dowSet[7]) dowSet[0] = true;
  return {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek: dowSet.slice(0, 7),
    domRestricted: dom !== '*' && dom !== '?',
    dowRestricted: dow !== '*' && dow !== '?',
  };
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(ms: number, zone: string | undefined): Wall {
  if (zone === undefined || zone === 'UTC' || zone === 'Etc/UTC') {
    const d = new Date(ms);
    return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
  }
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  const wall: Wall = { month: 1, day: 1, weekday: 0, hour: 0, minute: 0 };
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type === 'month') wall.month = Number(part.value);
    else if (part.type === 'day') wall.day = Number(part.value);
    else if (part.type === 'weekday') wall.weekday = DAYS.indexOf(part.value.toUpperCase());
    else if (part.type === 'hour') wall.hour = Number(part.value) % 24;
    else if (part.type === 'minute') wall.minute = Number(part.value);
  }
  return wall;
}

function dayMatches(cron: Cron, wall: Wall): boolean {
  if (!cron.months[wall.month]) return false;
  const dom = cron.daysOfMonth[wall.day] === true;
  const dow = cron.daysOfWeek[wall.weekday] === true;
  if (cron.domRestricted && cron.dowRestricted) return dom || dow;
  return dom && dow;
}

const MINUTE = 60_000;

/**
 * The first whole minute strictly after `after` (ms) that matches `cron` in `zone`,
 * or undefined when none comes within about eight years (e.g. `0 0 30 2 *`).
 */
export function nextCronTime(cron: Cron, after: number, zone?: string): number | undefined {
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  const limit = after + 8 * 366 * 86_400_000;
  while (t <= limit) {
    const wall = wallClock(t, zone);
    if (!dayMatches(cron, wall)) {
      t += (1440 - (wall.hour * 60 + wall.minute)) * MINUTE;
    } else if (!cron.hours[wall.hour]) {
      t += (60 - wall.minute) * MINUTE;
    } else if (!cron.minutes[wall.minute]) {
      t += MINUTE;
    } else {
      return t;
    }
  }
  return undefined;
}
