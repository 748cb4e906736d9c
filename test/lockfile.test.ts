/**
 * `npm ci` (what CI and a fresh checkout run) refuses a lock file that omits any optional
 * dependency of a locked package, even one built for another platform. npm writes such
 * lock files when the registry lacks a platform build of the version it picked, which
 * is why package.json pins unrs-resolver (jest's resolver) to a version every platform
 * build exists for. This catches the next such dependency before CI does.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const ROOT = resolve(__dirname, '..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Where Node (and npm) would find `name` from the package at `from`: its own node_modules, then each parent's. */
function locate(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (candidate in lock.packages) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

test('every optional dependency of every locked package has its own lock entry', () => {
  const missing: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
      if (locate(path, name) === undefined) missing.push(`${name} (wanted by ${path || 'the root'})`);
    }
  }
  expect(missing).toEqual([]);
});

test('the check finds a dependency that is missing', () => {
  expect(locate('node_modules/jest-resolve', 'unrs-resolver')).toBe('node_modules/unrs-resolver');
  expect(locate('node_modules/unrs-resolver', '@unrs/resolver-binding-no-such-platform')).toBeUndefined();
});
