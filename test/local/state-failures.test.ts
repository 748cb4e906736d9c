/**
 * --state when things go wrong: a full disk (writes failing with ENOSPC, injected
 * through LocalOptions.stateFs) answers InternalFailure and undoes the change, so the
 * SDK's retry succeeds instead of meeting AlreadyExists and no describe shows a change
 * that was not acknowledged; a directory that becomes read-only (the snapshot cannot be
 * written) loses nothing acknowledged; a directory that cannot be written at start, a
 * second server on the same file and a state file with a field of the wrong type stop
 * the start with a message naming the file; version 1 files still load.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { nodeStateFs, type StateFs } from '../../src/local/journal';
import { clientConfig, startTest } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'botoscale-faults-'));
  file = join(dir, 'state.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Node's file system, with journal writes or snapshot replacements failing on demand as a full disk fails them. */
class FaultyFs implements StateFs {
  /** Journal writes still to fail; Infinity: all of them. */
  failWrites = 0;
  /** Whether replacing the snapshot fails (a directory that became read-only). */
  failReplace = false;
  failures = 0;

  #fail(syscall: string): never {
    this.failures += 1;
    throw Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', syscall });
  }

  async write(fd: number, data: Buffer, position: number): Promise<void> {
    if (this.failWrites > 0) {
      this.failWrites -= 1;
      // A full disk takes part of a write before it refuses the rest.
      await nodeStateFs.write(fd, data.subarray(0, data.length >> 1), position);
      this.#fail('write');
    }
    return nodeStateFs.write(fd, data, position);
  }

  datasync(fd: number): Promise<void> {
    return nodeStateFs.datasync(fd);
  }

  truncate(fd: number, length: number): Promise<void> {
    return nodeStateFs.truncate(fd, length);
  }

  replace(target: string, data: Buffer): Promise<void> {
    if (this.failReplace) {
      this.failures += 1;
      return Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${target}.tmp'`), { code: 'EACCES' }));
    }
    return nodeStateFs.replace(target, data);
  }
}

async function configNames(as: AutoScaling): Promise<string[]> {
  return ((await as.describeLaunchConfigurations({})).LaunchConfigurations ?? []).map((c) => c.LaunchConfigurationName as string).sort();
}

function createConfig(as: AutoScaling, name: string): Promise<unknown> {
  return as.createLaunchConfiguration({ LaunchConfigurationName: name, ImageId: 'ami-12345678', InstanceType: 't3.micro' });
}

describe('a full disk', () => {
  test('a change that cannot be written answers InternalFailure and is undone: the retry succeeds, no describe shows it, a restart has exactly what was acknowledged', async () => {
    const fs = new FaultyFs();
    const errors: string[] = [];
    const local = await startTest({ state: file, stateFs: fs, onError: (err) => errors.push((err as Error).message) });
    const retrying = new AutoScaling({ ...clientConfig(local.endpoint), maxAttempts: 3 });
    const once = new AutoScaling(clientConfig(local.endpoint));
    try {
      await createConfig(once, 'kept');
      fs.failWrites = 1;
      await createConfig(retrying, 'retried');
      expect(fs.failures).toBe(1);

      fs.failWrites = Number.POSITIVE_INFINITY;
      const lost = await createConfig(once, 'lost').catch((err: { name: string; $metadata: { httpStatusCode: number } }) => [err.name, err.$metadata.httpStatusCode]);
      expect(lost).toEqual(['InternalFailure', 500]);
      // Two at once: both fail, and neither shows, although the second was applied on top of the first.
      const both = await Promise.allSettled([createConfig(once, 'lost-a'), createConfig(once, 'lost-b')]);
      expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(await configNames(once)).toEqual(['kept', 'retried']);
      expect(errors.filter((e) => e.includes('ENOSPC')).length).toBeGreaterThanOrEqual(2);
      expect(errors[0]).toBe(`botoscale local: cannot write journal ${file}.journal; the changes not written are undone: ENOSPC: no space left on device, write`);

      fs.failWrites = 0;
      await createConfig(once, 'lost');
      expect(await configNames(once)).toEqual(['kept', 'lost', 'retried']);
    } finally {
      retrying.destroy();
      once.destroy();
      await local.close();
    }
    const again = await startTest({ state: file });
    const as = new AutoScaling(clientConfig(again.endpoint));
    try {
      expect(await configNames(as)).toEqual(['kept', 'lost', 'retried']);
    } finally {
      as.destroy();
      await again.close();
    }
  });
});

describe('a full disk and a new region', () => {
  test('a region’s first change that cannot be written is undone with its cloud: the retry makes the region again, and a restart has it', async () => {
    const fs = new FaultyFs();
    const errors: string[] = [];
    const local = await startTest({ state: file, stateFs: fs, onError: (err) => errors.push((err as Error).message) });
    const west = new AutoScaling({ ...clientConfig(local.endpoint), region: 'eu-west-1' });
    try {
      fs.failWrites = 1;
      const lost = await createConfig(west, 'west').catch((err: { name: string; $metadata: { httpStatusCode: number } }) => [err.name, err.$metadata.httpStatusCode]);
      expect(lost).toEqual(['InternalFailure', 500]);
      expect(local.regions()).toEqual(['us-east-1']);
      expect(await configNames(west)).toEqual([]);
      await createConfig(west, 'west');
      expect(await configNames(west)).toEqual(['west']);
      expect(local.regions()).toEqual(['eu-west-1', 'us-east-1']);
      expect(errors.filter((e) => e.includes('ENOSPC'))).toHaveLength(1);
    } finally {
      west.destroy();
      await local.close();
    }
    const again = await startTest({ state: file });
    const west2 = new AutoScaling({ ...clientConfig(again.endpoint), region: 'eu-west-1' });
    try {
      expect(await configNames(west2)).toEqual(['west']);
    } finally {
      west2.destroy();
      await again.close();
    }
  });
});

describe('a directory that becomes read-only', () => {
  test('the snapshot cannot be written: changes stay in the journal, acknowledged and kept', async () => {
    const fs = new FaultyFs();
    const errors: string[] = [];
    const local = await startTest({ state: file, stateFs: fs, onError: (err) => errors.push((err as Error).message) });
    const as = new AutoScaling(clientConfig(local.endpoint));
    const copy = join(dir, 'copy.json');
    try {
      fs.failReplace = true;
      // A change made outside a request (no journal record for it) makes the next commit a full snapshot.
      local.cloud.touch();
      await createConfig(as, 'one');
      await createConfig(as, 'two');
      expect(fs.failures).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toMatch(new RegExp(`^botoscale local: cannot write state file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(changes stay in its journal\\): EACCES`));
      copyFileSync(file, copy);
      copyFileSync(`${file}.journal`, `${copy}.journal`);
    } finally {
      as.destroy();
      fs.failReplace = false;
      await local.close();
    }
    const again = await startTest({ state: copy });
    const as2 = new AutoScaling(clientConfig(again.endpoint));
    try {
      expect(await configNames(as2)).toEqual(['one', 'two']);
    } finally {
      as2.destroy();
      await again.close();
    }
  });

  test('the last snapshot on close cannot be written: close rejects naming the file, and the journal keeps every acknowledged change', async () => {
    const fs = new FaultyFs();
    const local = await startTest({ state: file, stateFs: fs, onError: () => undefined });
    const as = new AutoScaling(clientConfig(local.endpoint));
    await createConfig(as, 'kept');
    as.destroy();
    fs.failReplace = true;
    await expect(local.close()).rejects.toThrow(`botoscale local: cannot write state file ${file} on close (EACCES: permission denied, open '${file}.tmp'); its journal ${file}.journal keeps what was acknowledged`);
    const again = await startTest({ state: file });
    const as2 = new AutoScaling(clientConfig(again.endpoint));
    try {
      expect(await configNames(as2)).toEqual(['kept']);
    } finally {
      as2.destroy();
      await again.close();
    }
  });
});

describe('starting', () => {
  test('a state file whose directory cannot be written (here: a path under a file, which stops root too) stops the start naming the state file', async () => {
    writeFileSync(join(dir, 'plain-file'), 'x');
    const inside = join(dir, 'plain-file', 'state.json');
    await expect(startTest({ state: inside })).rejects.toThrow(new RegExp(`^botoscale local: cannot use state file ${inside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: its directory must exist and be writable \\(ENOTDIR: `));
  });

  test('a second server on the same state file refuses to start, naming the file and the process; a stale lock (its process gone) is taken over', async () => {
    const first = await startTest({ state: file });
    try {
      await expect(startTest({ state: file })).rejects.toThrow(`botoscale local: state file ${file} is in use by another botoscale local (process ${process.pid}); stop it or use another file`);
    } finally {
      await first.close();
    }
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${file}.lock`, `${JSON.stringify({ pid: Number(gone.stdout), started: '1', host: hostname() })}\n`);
    // What a server killed while writing a snapshot or taking the lock leaves behind.
    writeFileSync(join(dir, `.state.json.${gone.stdout}.7.tmp`), 'half a snapshot');
    writeFileSync(`${file}.lock.${gone.stdout}.tmp`, '{"pid":');
    const second = await startTest({ state: file });
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number }).toMatchObject({ pid: process.pid });
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.journal', 'state.json.lock']);
    await second.close();
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  test('a field of the wrong type is refused, naming the file and the field; a version 1 file loads and is rewritten as version 2', async () => {
    const local = await startTest({ state: file });
    await createConfig(new AutoScaling(clientConfig(local.endpoint)), 'lc');
    await new AutoScaling(clientConfig(local.endpoint)).createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
    await local.close();
    const good = readFileSync(file, 'utf8');
    const doc = JSON.parse(good) as { version: number; seq?: number; cloud: { autoscaling: { groups: Array<Record<string, unknown>> } } };
    (doc.cloud.autoscaling.groups[0] as Record<string, unknown>).minSize = 'x';
    writeFileSync(file, JSON.stringify(doc));
    await expect(startTest({ state: file })).rejects.toThrow(`botoscale local: state file ${file} is not valid at cloud.autoscaling.groups[0].minSize: Invalid input: expected number, received string; move it away or fix it`);

    const v1 = JSON.parse(good) as typeof doc;
    v1.version = 1;
    delete v1.seq;
    writeFileSync(file, JSON.stringify(v1));
    const migrated = await startTest({ state: file });
    const as = new AutoScaling(clientConfig(migrated.endpoint));
    try {
      expect((await as.describeAutoScalingGroups({})).AutoScalingGroups?.map((g) => [g.AutoScalingGroupName, g.MinSize])).toEqual([['g', 0]]);
      expect((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version).toBe(3);
    } finally {
      as.destroy();
      await migrated.close();
    }
  });
});
