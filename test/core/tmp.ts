/** Temporary files for core tests, removed when the test file ends. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-core-'));
  dirs.push(dir);
  return dir;
}

/** Writes `text` to `name` in a fresh temporary directory and returns its path. */
export function tempFile(name: string, text: string, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
