/**
 * Nothing acknowledged is lost, whatever kind of state it is: a cloud holding every kind
 * of state botoscale local keeps (test/local/roundtrip/scenario.ts), in two regions, one
 * of them a China region, answers every Describe/List/Get the same (ids, states, times;
 * request ids aside) after (a) a crash (the server process killed with SIGKILL, its journal
 * replayed at the next start) and (b) a clean close and restart (the snapshot alone read
 * back), and (c) after one more clock step in the original and in the restored server:
 * the simulation goes on identically.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalEndpoint } from '../../src/local';
import { serveInChild, startTest } from './helpers';
import { advance, build, capture, clients } from './roundtrip/scenario';

const REGIONS = ['us-east-1', 'cn-north-1'] as const;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'botoscale-roundtrip-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Answers = Record<string, Record<string, unknown>>;

async function answers(endpoint: string): Promise<Answers> {
  const out: Answers = {};
  for (const region of REGIONS) out[region] = await capture(clients(endpoint, region));
  return out;
}

function copyState(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}.journal`)) copyFileSync(`${from}.journal`, `${to}.journal`);
}

/** Every region's snapshot, as JSON would hold it. */
function snapshotOf(local: LocalEndpoint): unknown {
  return JSON.parse(JSON.stringify(Object.fromEntries(local.regions().map((r) => [r, { ...local.cloudIn(r).snapshot(), clock: undefined }]))));
}

const STEP = '4m';

const ID = /\b(?:[a-z]+-[0-9a-f]{17}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

/** `value` with every array sorted by its elements' JSON, at every depth. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortedDeep(v)]));
  return value;
}

/**
 * `answers` with every id that `known` does not hold written `<new>`, and every list in
 * a fixed order: AWS's ids are random, so the ids a step makes differ from one server to
 * another, and so does the order of the lists sorted by them; what the step made, and
 * what it changed of what was there, must not.
 */
function renamingNew(answers: Answers, known: Answers): unknown {
  const old = new Set(JSON.stringify(known).match(ID));
  return sortedDeep(JSON.parse(JSON.stringify(answers).replace(ID, (id) => (old.has(id) ? id : '<new>'))));
}

test('every kind of state in two regions answers the same after a crash and after a clean restart, and goes on the same', async () => {
  const file = join(dir, 'state.json');
  const crashed = join(dir, 'crashed.json');
  const crashedAgain = join(dir, 'crashed-again.json');
  const { child, endpoint } = await serveInChild(file);
  const exited = new Promise((r) => child.once('exit', r));
  let before: Answers;
  let after: Answers;
  try {
    for (const region of REGIONS) await build(clients(endpoint, region));
    // A region only read from has a cloud too (made, and journalled, on first use), with nothing in it.
    await clients(endpoint, 'ap-southeast-2').as.describeAutoScalingGroups({});
    before = await answers(endpoint);
    // Every answer waits for the journal to be on disk: the files now hold what a kill leaves.
    copyState(file, crashed);
    copyState(file, crashedAgain);
    await advance(endpoint, STEP);
    after = await answers(endpoint);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  expect(Object.values(before['cn-north-1'] ?? {}).reduce((n: number, answers) => n + (typeof answers === 'object' && answers !== null ? Object.keys(answers).length : 0), 0)).toBeGreaterThan(50);
  // The states the scenario is for are there.
  const shown = JSON.stringify(before);
  const markers = ['"Pending:Wait"', '"Terminating:Wait"', '"Standby"', '"stopped"', '"InstanceLifecycle":"spot"', '"HistoryItemType":"Action"', '"StateValue":"ALARM"', 'amazonaws.com.cn', '"PolicyType":"TargetTrackingScaling"', '"Recurrence":"0 2 * * *"', '"KernelId":{"Value":"aki-12345678"}', '"ResourceType":"security-group"', '"PublicIpAddress"', '"CustomizedMetricSpecification"', '"S3BucketName":"logs"', '"StateValue":"INSUFFICIENT_DATA"', '"DeletionProtection":"prevent-all-deletion"', '"EvaluationWindow":{"SlidingWindow":{}}'];
  expect(markers.filter((m) => !shown.includes(m))).toEqual([]);

  // (a) the crash: the snapshot written at start plus the journal, replayed.
  const replayed = await startTest({ state: crashed });
  let replayedSnapshot: unknown;
  try {
    expect(await answers(replayed.endpoint)).toEqual(before);
    replayedSnapshot = snapshotOf(replayed);
    expect(replayed.regions()).toEqual(['ap-southeast-2', 'cn-north-1', 'us-east-1']);
    await replayed.close();
    // (b) the clean close (of the server that replayed the crash, whose answers were the original's): the snapshot alone, no journal left beside it.
    expect(existsSync(`${crashed}.journal`)).toBe(false);
    const restarted = await startTest({ state: crashed });
    try {
      expect(snapshotOf(restarted)).toEqual(replayedSnapshot);
      expect(await answers(restarted.endpoint)).toEqual(before);
      // (c) one more step goes the same way as in the original.
      await advance(restarted.endpoint, STEP);
      expect(renamingNew(await answers(restarted.endpoint), before)).toEqual(renamingNew(after, before));
    } finally {
      await restarted.close();
    }
    // The killed server's own files: its journal holds the last step too.
    const killed = await startTest({ state: file });
    try {
      expect(await answers(killed.endpoint)).toEqual(after);
    } finally {
      await killed.close();
    }
    // The crash copy again, stepped right after its replay.
    const again = await startTest({ state: crashedAgain });
    try {
      await advance(again.endpoint, STEP);
      expect(renamingNew(await answers(again.endpoint), before)).toEqual(renamingNew(after, before));
    } finally {
      await again.close();
    }
  } finally {
    await replayed.close().catch(() => undefined);
  }
}, 60_000);
