/**
 * The clock the simulated cloud runs on. Time only moves through `advance()` (called by
 * tests, or by `start()` at real time times `speed`); every `stepMs` of simulated time the
 * registered step functions run, so a scenario plays out the same way every time.
 *
 * @module
 */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `'5m'`, `'90s'`, `'1h30m'`, `'250ms'` or a number of milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`duration must be a non-negative number of milliseconds, got ${value}`);
    return value;
  }
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let pos = 0;
  const text = value.trim();
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    total += Number(m[1]) * (UNITS[m[2] as string] as number);
    pos = re.lastIndex;
  }
  if (text === '' || pos !== text.length) {
    throw new RangeError(`duration must look like 250ms, 90s, 5m, 1h30m or 2d, got ${JSON.stringify(value)}`);
  }
  return total;
}

/** Options of {@link SimClock}. */
export interface SimClockOptions {
  /** Simulated start time in ms since the epoch; default: the real time now. */
  start?: number;
  /** How many times faster than real time `start()` runs; default 1. */
  speed?: number;
  /** Simulated time between two control-loop steps; default 10 s. */
  stepMs?: number;
}

/** The clock's persisted state. */
export interface ClockState {
  /** Simulated time, ms since the epoch. */
  now: number;
  /** Simulated time of the next step. */
  nextStep: number;
}

/** A listener run at every control-loop step with the simulated time. */
export type StepListener = (now: number) => void;

/** The simulated clock. */
export class SimClock {
  /** Simulated time between two control-loop steps, in ms. */
  readonly stepMs: number;
  /** How many times faster than real time `start()` runs the clock. */
  speed: number;
  #now: number;
  #nextStep: number;
  readonly #listeners: StepListener[] = [];
  #timer: NodeJS.Timeout | undefined;
  #lastReal = 0;

  constructor(options: SimClockOptions = {}) {
    this.#now = options.start ?? Date.now();
    this.speed = options.speed ?? 1;
    this.stepMs = options.stepMs ?? 10_000;
    if (!(this.speed > 0)) throw new RangeError(`speed must be a positive number, got ${this.speed}`);
    if (!(this.stepMs > 0)) throw new RangeError(`stepMs must be a positive number, got ${this.stepMs}`);
    this.#nextStep = this.#now + this.stepMs;
  }

  /** Simulated time, ms since the epoch. */
  now(): number {
    return this.#now;
  }

  /** Simulated time as a Date. */
  date(): Date {
    return new Date(this.#now);
  }

  /** Runs `listener` at every step; returns a function that removes it. */
  onStep(listener: StepListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const i = this.#listeners.indexOf(listener);
      if (i >= 0) this.#listeners.splice(i, 1);
    };
  }

  /** Moves simulated time forward, running every step that falls in between, in order. */
  advance(duration: string | number): void {
    const target = this.#now + parseDuration(duration);
    while (this.#nextStep <= target) {
      this.#now = this.#nextStep;
      this.#nextStep += this.stepMs;
      for (const listener of [...this.#listeners]) listener(this.#now);
    }
    this.#now = target;
  }

  /** Runs the clock at `speed` times real time until {@link stop}. */
  start(tickMs = 100): void {
    if (this.#timer !== undefined) return;
    this.#lastReal = Date.now();
    this.#timer = setInterval(() => {
      const real = Date.now();
      this.advance((real - this.#lastReal) * this.speed);
      this.#lastReal = real;
    }, tickMs);
    this.#timer.unref();
  }

  /** Stops real-time running; `advance()` still works. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Whether `start()` is driving the clock. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** State for persistence. */
  toJSON(): ClockState {
    return { now: this.#now, nextStep: this.#nextStep };
  }

  /** Restores persisted time. */
  restore(state: ClockState): void {
    this.#now = state.now;
    this.#nextStep = state.nextStep;
  }
}
