/**
 * The regions botoscale knows are the AWS SDK's own: src/core/rules/sdk-regions.ts is what
 * scripts/gen-sdk-regions.mjs writes from the installed SDK (the build runs it), and each
 * region is one the SDK's public partition lookup knows by name, in that partition.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { KNOWN_REGIONS, SDK_PARTITIONS } from '../../src/core';
import { tempFile } from './tmp';

const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/gen-sdk-regions.mjs');
const FILE = join(ROOT, 'src/core/rules/sdk-regions.ts');

/** Runs the generator with `args`; its exit code and standard error. */
function generator(...args: string[]): { code: number; stderr: string } {
  try {
    execFileSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stderr: '' };
  } catch (err) {
    const failed = err as { status?: number; stderr?: string };
    return { code: failed.status ?? -1, stderr: failed.stderr ?? '' };
  }
}

/** The SDK's public `partition(region)`, from the @aws-sdk/core the clients load. */
const { partition } = createRequire(require.resolve('@aws-sdk/client-auto-scaling'))('@aws-sdk/core/client') as {
  partition(region: string): { name: string; dnsSuffix: string; description?: string };
};

test('the committed list is what the generator writes from the installed SDK', () => {
  expect(generator('--check')).toEqual({ code: 0, stderr: '' });
});

test('the check fails on a list that differs from the SDK\'s', () => {
  const stale = tempFile('sdk-regions.ts', readFileSync(FILE, 'utf8').replace('"eusc-de-east-1"', '"eusc-de-east-9"'));
  const result = generator('--check', '--file', stale);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('does not match the installed AWS SDK\'s regions: run `node scripts/gen-sdk-regions.mjs`');
});

test('every region is one the SDK names, in its partition, with that partition\'s DNS suffix', () => {
  const wrong: string[] = [];
  for (const p of SDK_PARTITIONS) {
    for (const region of p.regions) {
      const known = partition(region);
      if (known.name !== p.id || known.dnsSuffix !== p.dnsSuffix || typeof known.description !== 'string') wrong.push(`${region}: ${JSON.stringify(known)}`);
    }
  }
  expect(wrong).toEqual([]);
  // A name the SDK does not list gets a partition by pattern, without a description.
  expect(partition('us-nowhere-1').description).toBeUndefined();
});

test('the regions include the newest ones and every partition, without pseudo-regions', () => {
  expect(KNOWN_REGIONS).toEqual(expect.arrayContaining(['ap-southeast-6', 'eusc-de-east-1', 'us-east-1', 'cn-north-1', 'us-gov-west-1']));
  expect(SDK_PARTITIONS.map((p) => p.id)).toEqual(expect.arrayContaining(['aws', 'aws-cn', 'aws-us-gov', 'aws-eusc']));
  expect(KNOWN_REGIONS.filter((r) => r.endsWith('-global'))).toEqual([]);
  expect(new Set(KNOWN_REGIONS).size).toBe(KNOWN_REGIONS.length);
});
