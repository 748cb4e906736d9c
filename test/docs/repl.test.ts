/**
 * The REPL variant of each tutorial really works at Node's prompt: every line a doc shows
 * after `>` (and `...`) is typed, in order, into `node -i` running in this repository
 * (so `require('botoscale/...')` resolves to the built package, as in a user's project),
 * one line at a time after each prompt, against botoscale local, letting ten minutes of
 * simulated time pass after each step as a reader would wait. No line may fail.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocBlocks } from '../../docs/tools/regions';

const ROOT = join(__dirname, '..', '..');

/** The typed lines of a doc's REPL blocks, block by block. */
function typed(doc: string): string[][] {
  return readDocBlocks(readFileSync(join(ROOT, doc), 'utf8'), doc)
    .filter((b) => b.kind === 'repl')
    .map((b) => b.content.split('\n').filter((l) => l.startsWith('> ') || l.startsWith('... ')).map((l) => l.replace(/^(>|\.\.\.) /, '')));
}

/** Types `lines` into a fresh `node -i`, each after the previous prompt; resolves with the session. */
function session(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const node = spawn(process.execPath, ['-i'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_NO_READLINE: '1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        BOTO_CONFIG: '/nonexistent',
      },
    });
    let all = '';
    let pending = '';
    let next = 0;
    const onData = (chunk: Buffer): void => {
      all += chunk.toString();
      pending += chunk.toString();
      if (!/(^|\n)(> |\.\.\. )$/.test(pending) && !/^(> |\.\.\. )+$/.test(pending)) return;
      pending = '';
      if (next < lines.length) {
        const line = lines[next++] as string;
        all += `${line}\n`;
        node.stdin.write(`${line}\n`);
      } else {
        node.stdin.end();
      }
    };
    node.stdout.on('data', onData);
    node.stderr.on('data', (chunk: Buffer) => {
      all += chunk.toString();
    });
    node.on('error', reject);
    node.on('close', () => resolve(all));
  });
}

// What the other docs take from the Auto Scaling tutorial's start: botoscale local, the
// settings and the security group they name (created through botoscale/ec2's connection).
const START = [
  ...(typed('docs/autoscale.md')[0] ?? []).filter((l) => l.includes("require('botoscale/ec2')")),
  ...typed('docs/autoscale.md').slice(1, 5).flat(),
];

// docs/autoscale.md's launch template section starts a fresh REPL: startLocal, the
// settings, its own imports and a botoscale local in new-account mode.
const NEW_ACCOUNT = 'const local = await startLocal({ port: 0, realTime: false, launchConfigurations: false })';
const AUTOSCALE = typed('docs/autoscale.md');
const FRESH = AUTOSCALE.findIndex((b) => b.includes(NEW_ACCOUNT));
const FRESH_PRELUDE = [...(AUTOSCALE[1] ?? []), ...(AUTOSCALE[3] ?? [])];

describe.each([
  ['docs/autoscale.md', [], AUTOSCALE.slice(0, FRESH)],
  ['docs/autoscale.md (launch templates)', FRESH_PRELUDE, AUTOSCALE.slice(FRESH)],
  ['docs/elb.md', START, typed('docs/elb.md')],
  ['docs/cloudwatch-alarms.md', START, typed('docs/cloudwatch-alarms.md')],
])('%s', (_doc, prelude, blocks) => {
  test('every REPL line runs at Node\'s prompt', async () => {
    expect(existsSync(join(ROOT, 'dist', 'index.js'))).toBe(true); // npm run build (npm test builds first)
    expect(blocks.length).toBeGreaterThan(0);
    const lines = [...prelude];
    for (const block of blocks) {
      lines.push(...block);
      if (lines.includes('const local = await startLocal({ port: 0, realTime: false })') || lines.includes(NEW_ACCOUNT)) lines.push("local.clock.advance('10m')");
    }
    lines.push('await local.close()');
    const out = await session(lines);
    expect(out.match(/^.*Uncaught.*$/gm) ?? []).toEqual([]);
    expect(out).toContain('> await local.close()');
  }, 60_000);
});
