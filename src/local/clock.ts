/**
 * The clock the simulated cloud runs on. Time only moves through `advance()` (called by
 * tests, or by `start()` at real time times `speed`); every `stepMs` of simulated time the
 * registered step functions run, so a scenario plays out the same way every time.
 *
 * @module
 */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The most simulated time one advance may cover: 31 days, a month of simulated time
 * (everything the tutorials and a scenario of weeks need, and past the longest retention
 * the simulation applies to activities and alarm history) while bounding the work one
 * call can ask for (267,840 steps of 10 s). Longer spans are advanced in several calls.
 */
export const MAX_ADVANCE_MS = 31 * 86_400_000;

/** Real time one slice of {@link SimClock.advanceInSlices} runs steps before it yields, in ms. */
const SLICE_MS = 8;

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
  /** The sliced advances queued or running, one after the other. */
  #queue: Promise<void> = Promise.resolve();
  #slicing = 0;
  #cancelled = false;

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

  /**
   * Moves simulated time forward, running every step that falls in between, in order.
   * Throws a RangeError for more than {@link MAX_ADVANCE_MS} in one call.
   */
  advance(duration: string | number): void {
    const target = this.#now + checkAdvance(parseDuration(duration), 'clock.advance:', 'call');
    this.#runUntil(target, Infinity);
  }

  /**
   * Like {@link advance}, but runs the steps in slices of a few milliseconds of real time
   * and yields to the event loop between them (`setImmediate`), so a server answers other
   * requests while a long advance runs. Advances asked for while one runs start when it
   * ends, each by its own amount. Throws (synchronously) as `advance` does.
   */
  advanceInSlices(duration: string | number): Promise<void> {
    const ms = checkAdvance(parseDuration(duration), 'clock.advance:', 'call');
    const run = async (): Promise<void> => {
      const target = this.#now + ms;
      this.#slicing += 1;
      try {
        while (!this.#cancelled && !this.#runUntil(target, performance.now() + SLICE_MS)) await new Promise<void>((resolve) => setImmediate(resolve));
      } finally {
        this.#slicing -= 1;
      }
    };
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Ends every sliced advance where it stands, now and from then on (a closing server calls
   * it, so no advance runs on after it). `advance()` still works.
   */
  cancelAdvances(): void {
    this.#cancelled = true;
  }

  /** Whether {@link cancelAdvances} was called. */
  get advancesCancelled(): boolean {
    return this.#cancelled;
  }

  /** Runs the steps up to `target` until real time `deadline`; true once time reached `target`. */
  #runUntil(target: number, deadline: number): boolean {
    let steps = 0;
    while (this.#nextStep <= target) {
      this.#now = this.#nextStep;
      this.#nextStep += this.stepMs;
      for (const listener of [...this.#listeners]) listener(this.#now);
      // Reading the time costs more than a quiet step: look every 64 steps.
      if ((++steps & 63) === 0 && performance.now() >= deadline) return false;
    }
    // Time never goes back, even if an advance in code ran past a sliced one's target.
    this.#now = Math.max(this.#now, target);
    return true;
  }

  /** Runs the clock at `speed` times real time until {@link stop}. */
  start(tickMs = 100): void {
    if (this.#timer !== undefined) return;
    this.#lastReal = Date.now();
    this.#timer = setInterval(() => {
      // While a sliced advance runs, real time accumulates and is caught up after it.
      if (this.#slicing > 0) return;
      const real = Date.now();
      this.#runUntil(this.#now + (real - this.#lastReal) * this.speed, Infinity);
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

/**
 * Returns `ms` when one advance may cover it; otherwise throws a RangeError naming the
 * cap, after `prefix` (`clock.advance:`), per `unit` (`call`, `request`).
 */
export function checkAdvance(ms: number, prefix: string, unit: string): number {
  if (ms > MAX_ADVANCE_MS) {
    throw new RangeError(`${prefix} at most 31d (${MAX_ADVANCE_MS} ms) per ${unit}, got ${ms} ms: advance in several ${unit}s`);
  }
  return ms;
}
