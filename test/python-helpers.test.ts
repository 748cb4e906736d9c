/**
 * Tests that need Debian's boto or botocore say what to install when those are missing,
 * instead of failing with an ENOENT.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireDebianFiles, runPython } from './helpers/python';

test('a missing boto or botocore path names the package to install', () => {
  expect(() => requireDebianFiles('/nonexistent/boto/ec2/autoscale/__init__.py', 'boto')).toThrow(
    "boto 2.49's sources (Debian python3-boto) are needed by this test and /nonexistent/boto/ec2/autoscale/__init__.py is missing: apt-get install python3-boto",
  );
  expect(() => requireDebianFiles('/nonexistent/botocore/data', 'botocore')).toThrow(
    "botocore's service models (Debian python3-botocore) are needed by this test and /nonexistent/botocore/data is missing: apt-get install python3-botocore",
  );
  expect(() => requireDebianFiles(__filename, 'boto')).not.toThrow();
});

test('a Python script that fails rejects with its traceback in the message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-python-'));
  try {
    const script = join(dir, 'fails.py');
    writeFileSync(script, 'raise RuntimeError("the script failed here")\n');
    await expect(runPython(script, {})).rejects.toThrow(/Command failed[\s\S]*RuntimeError: the script failed here/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
