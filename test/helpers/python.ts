/**
 * The independent Python clients the tests run against botoscale local: boto 2.49 and
 * boto3 from Debian (`python3-boto`, `python3-boto3`), always with `/usr/bin/python3`
 * (the `python3` first on PATH may be another build that has neither). A missing package
 * fails the test that needs it, saying what to install: such a test never skips.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's Python, the one its python3-boto and python3-boto3 packages install into. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

const INSTALL = 'apt-get install python3-boto python3-boto3';

/** Rejects, saying what to install, unless `/usr/bin/python3` can import `module` (`boto`, `boto3`). */
export async function requirePythonModule(module: 'boto' | 'boto3'): Promise<void> {
  const what = module === 'boto' ? 'boto 2.49 (Debian python3-boto)' : 'boto3 (Debian python3-boto3)';
  try {
    await run(DEBIAN_PYTHON, ['-c', `import ${module}`], { env: { PATH: '/usr/bin:/bin' } });
  } catch (err) {
    const detail = (err as { stderr?: string; message: string }).stderr?.trim().split('\n').at(-1) ?? (err as Error).message;
    throw new Error(`${what} is needed by this test and ${DEBIAN_PYTHON} cannot import ${module} (${detail}): ${INSTALL}`);
  }
}

/** Where Debian's python3-boto and python3-botocore put their sources and data. */
export const DEBIAN_DIST_PACKAGES = '/usr/lib/python3/dist-packages';

const PACKAGES = {
  boto: "boto 2.49's sources (Debian python3-boto)",
  botocore: "botocore's service models (Debian python3-botocore)",
} as const;

/**
 * Throws, saying what to install, unless `path` (a file or folder Debian's `python3-boto`
 * or `python3-botocore` installs) exists: a test reading boto's sources or botocore's
 * models fails with this instead of an obscure ENOENT.
 */
export function requireDebianFiles(path: string, from: keyof typeof PACKAGES): void {
  if (!existsSync(path)) {
    throw new Error(`${PACKAGES[from]} are needed by this test and ${path} is missing: apt-get install python3-${from}`);
  }
}

/** What a script printed. */
export interface ScriptOutput {
  /** Its standard output. */
  stdout: string;
  /** Its standard error. */
  stderr: string;
}

/**
 * Runs a Python script with Debian's Python and the given environment (nothing of the
 * caller's but PATH; no boto config; no `__pycache__` left in the repository). A script
 * that fails rejects with its standard error in the message, so a test shows the traceback.
 */
export async function runPython(script: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ScriptOutput> {
  // Never the user's own AWS or boto settings: every script sees only what the test gives it.
  const base = {
    PATH: process.env.PATH ?? '', BOTO_CONFIG: '/nonexistent', PYTHONDONTWRITEBYTECODE: '1',
    HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  };
  try {
    return await run(DEBIAN_PYTHON, [script], { env: { ...base, ...env }, timeout: timeoutMs });
  } catch (err) {
    const failed = err as Error & { stderr?: string };
    throw new Error(`${failed.message}\n${failed.stderr ?? ''}`);
  }
}
