/**
 * Runs the examples against botoscale local in the test process, on the simulated
 * clock, and records what they print: the text, and the lines of the example files
 * that printed it (from the call stack, source-mapped by ts-jest), so the docs test can
 * put each output under the statement that printed it.
 */
import { basename } from 'node:path';
import { format, inspect } from 'node:util';
import { startLocal, type LocalOptions } from '../../src/local';
import type { Printed } from '../../docs/tools/regions';
import { loadThrough, SEED_SETTINGS, simulatedTime, type TutorialEnv } from '../../examples/env';

/** What a run printed, in order, with the example lines on the stack. */
export interface Transcript {
  /** Every line, as the terminal shows it. */
  text: string;
  /** By example file name (`autoscale-tutorial.ts`). */
  byFile: Map<string, Printed[]>;
}

const FRAME = /\/examples\/([\w.-]+\.ts):(\d+):\d+/g;

/** Runs `fn` with `console.log` recorded (and not shown). */
export async function capture<T>(fn: () => Promise<T>): Promise<{ value: T; transcript: Transcript }> {
  const original = console.log;
  const lines: string[] = [];
  const byFile = new Map<string, Printed[]>();
  console.log = (...args: unknown[]): void => {
    const text = format(...args);
    lines.push(text);
    const stack = new Error().stack ?? '';
    const frames = new Map<string, number[]>();
    for (const m of stack.matchAll(FRAME)) {
      const file = basename(m[1] as string);
      frames.set(file, [...(frames.get(file) ?? []), Number(m[2])]);
    }
    for (const [file, at] of frames) {
      const printed: Printed = { lines: at, text, ...(args.length === 1 ? { inspected: inspect(args[0]) } : {}) };
      byFile.set(file, [...(byFile.get(file) ?? []), printed]);
    }
  };
  try {
    const value = await fn();
    return { value, transcript: { text: lines.join('\n'), byFile } };
  } finally {
    console.log = original;
  }
}

/** The botoscale local instance of a test, with the environment the examples take. */
export interface LocalRun {
  env: TutorialEnv;
  endpoint: string;
  close(): Promise<void>;
}

/** When the simulated clock starts: a fixed minute, so alarm evaluations fall alike in every run. */
export const CLOCK_START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Starts botoscale local on an ephemeral port, on a simulated clock, with placeholder keys; `options` adds to that (`{ launchConfigurations: false }`). */
export async function localEnv(options: Partial<LocalOptions> = {}): Promise<LocalRun> {
  // botoscale local accepts any key; the SDK needs one to sign with.
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLETEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'example-test-secret';
  const local = await startLocal({ port: 0, realTime: false, clock: { start: CLOCK_START }, ...options });
  const env: TutorialEnv = {
    endpoint: local.endpoint,
    region: 'us-east-1',
    ...SEED_SETTINGS,
    time: simulatedTime(local.clock),
    load: loadThrough((group, cpu) => local.setLoad(group, cpu), 'botoscale local\'s setLoad'),
  };
  return { env, endpoint: local.endpoint, close: () => local.close() };
}
