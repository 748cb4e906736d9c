/**
 * Runs one of this folder's boto 2.49 scripts against a fresh botoscale local, with the
 * shared `botolocal.py` on its path, and returns what it printed.
 */
import { join } from 'node:path';
import { startLocal, type LocalOptions } from '../../src/local';
import { requirePythonModule, runPython, type ScriptOutput } from '../helpers/python';

/** Runs `test/boto2/<script>` under boto 2.49 against botoscale local started with `options`. */
export async function runBoto2Script(script: string, options: Partial<LocalOptions> = {}): Promise<ScriptOutput> {
  await requirePythonModule('boto');
  const cloud = await startLocal({ port: 0, realTime: false, ...options });
  try {
    return await runPython(join(__dirname, script), { BOTOSCALE_PORT: String(new URL(cloud.endpoint).port), PYTHONPATH: __dirname });
  } catch (err) {
    // What the script printed before it failed is the useful part of the failure.
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`${script} failed:\n${stdout}\n${stderr}`);
  } finally {
    await cloud.close();
  }
}
