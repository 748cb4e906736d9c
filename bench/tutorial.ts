/**
 * Benchmark 0, the main job: `npm run tutorial`'s run (botoscale local in-process, the
 * three tutorials on the simulated clock, the clean-up check) in fresh processes, wall
 * time from start to exit. Target: under 10 seconds. The compile step before it
 * (`tsc -b`, incremental) is timed once, when nothing changed since the last build.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, round } from './lib';

/** The benchmark's result. */
export interface TutorialResult {
  runs: number;
  /** Wall time of each run, in seconds. */
  seconds: number[];
  medianSeconds: number;
  /** The simulated time one run covers, as it reports it. */
  simulated: string;
  /** `tsc -b examples/tsconfig.json` with nothing to rebuild, in seconds. */
  upToDateCompileSeconds: number;
}

/** Times the main job `runs` times (the examples must have been compiled). */
export function tutorialTime(root: string, runs = 3): TutorialResult {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(root, 'examples', 'tsconfig.json')], { cwd: root });
  const upToDateCompileSeconds = round(Number(process.hrtime.bigint() - start) / 1e9, 1);
  const script = join(root, 'node_modules', '.cache', 'botoscale-examples', 'examples', 'tutorial.js');
  const seconds: number[] = [];
  let simulated = '';
  for (let i = 0; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    const out = execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    seconds.push(round(Number(process.hrtime.bigint() - t) / 1e9, 2));
    // One figure per simulated cloud: the tutorials' own, then the new-account variant's.
    simulated = [...out.matchAll(/^\((\S+) of simulated time\)\.?$/gm)].map((m) => m[1]).join(' + ');
    if (!out.includes('Nothing the tutorials created is left.')) throw new Error(`the tutorial left something behind:\n${out.slice(-2000)}`);
  }
  return { runs, seconds, medianSeconds: median(seconds), simulated, upToDateCompileSeconds };
}
