#!/usr/bin/env node
// Gives every file package.json's "bin" names its execute bits after tsc has written it:
// tsc writes plain 0644 files, and `npx botoscale local` run from the build of a checkout
// (or from a package installed from the repository) would answer "Permission denied".
// fs.chmod is a no-op where there are no such bits (Windows), so this runs on every platform.
//
//   node scripts/make-bins-executable.mjs
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin ?? {};

for (const [name, file] of Object.entries(bins)) {
  const path = join(root, file);
  const firstLine = readFileSync(path, 'utf8').split('\n', 1)[0];
  if (firstLine !== '#!/usr/bin/env node') {
    throw new Error(`${file} (bin "${name}") must start with "#!/usr/bin/env node", not ${JSON.stringify(firstLine)}`);
  }
  chmodSync(path, statSync(path).mode | 0o111);
}
