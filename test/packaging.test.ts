/**
 * What `npm pack` (and so an install from the repository or a tarball) ships: the built
 * CLIs executable, a LICENSE, source maps whose sources are in the package, and a
 * dependency for every package src/ imports (and none that only tests use).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

let packed: Set<string> | undefined;

/** The files `npm pack` would put in the tarball, without running any script (no rebuild). */
function packedFiles(): Set<string> {
  if (packed !== undefined) return packed;
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const [result] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  packed = new Set((result?.files ?? []).map((f) => f.path));
  return packed;
}

/** The package a bare import specifier names: `@aws-sdk/client-ec2/x` → `@aws-sdk/client-ec2`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** Every package src/ imports, type-only imports included (the .d.ts files keep them). */
function importedBySrc(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(join(ROOT, 'src')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)'([^'.][^']*)'/gm)) {
      const name = packageOf(m[1] as string);
      if (name.startsWith('node:') || name === 'botoscale') continue;
      if (!found.has(name)) found.set(name, relative(ROOT, file));
    }
  }
  return found;
}

describe('the package', () => {
  test('the build leaves every bin executable, starting with the node shebang', () => {
    const bins = Object.values(pkg.bin);
    expect(bins.sort()).toEqual(['dist/ctl/cli.js', 'dist/local/cli.js']);
    for (const bin of bins) {
      const path = join(ROOT, bin);
      if (!existsSync(path)) throw new Error(`${bin} is missing: run \`npm run build\` first (\`npm test\` does)`);
      expect({ bin, executable: (statSync(path).mode & 0o111) === 0o111 }).toEqual({ bin, executable: true });
      expect(readFileSync(path, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    }
  });

  test('installing from the repository builds dist: prepare runs the build', () => {
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toContain('node scripts/make-bins-executable.mjs');
  });

  test('LICENSE is the Apache License 2.0 that package.json names, and it is packed', () => {
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('Apache-2.0');
    expect(packedFiles().has('LICENSE')).toBe(true);
  });

  test('every source map in the package points at sources that are in the package', () => {
    const files = packedFiles();
    const maps = [...files].filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(100);
    const unresolved: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const target = posix.normalize(posix.join(posix.dirname(map), source));
        if (!files.has(target)) unresolved.push(`${map} → ${target}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(files.has('src/core/connection.ts')).toBe(true);
    expect([...files].filter((f) => f.startsWith('test/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  test('every package src/ imports is a dependency, and every dependency is imported by src/', () => {
    const imported = importedBySrc();
    const missing = [...imported].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (imported by ${file})`);
    expect(missing).toEqual([]);
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
    // The request timeout (src/core/timeout.ts) wraps the SDK's Node handler, so it is a runtime dependency.
    expect(pkg.dependencies['@smithy/node-http-handler']).toBeDefined();
  });
});
