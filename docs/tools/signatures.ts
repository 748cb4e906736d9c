/**
 * What each class's run-time signature table (src/core/signature.ts) must say, derived
 * from botoscale's TypeScript signatures and boto 2.49's parameters: the positional
 * parameters and option names of the TypeScript signature, and, in `[ ]`, boto2's
 * parameters that follow the positional ones, as far as botoscale takes them under
 * boto2's names (Python's binding: each may be given positionally). test/core/signatures
 * compares every declared table with this, and prints the lines to declare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { camelCase, sources } from './boto2-mapping';
import { OVERRIDES, SAX_METHODS } from './boto2-overrides';
import { parsePythonModule, type PyParam } from './boto2-source';
import { readBotoscaleApi, type TsSignature } from './botoscale-api';

/** Methods every object has, which take no arguments worth checking. */
export const UNCHECKED_METHODS = new Set(['toString', 'toJSON']);

/**
 * Methods that return a Promise without sending a request of their own, so take no
 * `signal` (the TypeScript reader cannot tell an options object of `signal` alone from none).
 */
const NO_SIGNAL = new Set(['client']);

/** boto2's parameters of each botoscale member, by `Class.member` (`constructor` for `__init__`). */
function boto2Params(botoRoot: string): Map<string, PyParam[]> {
  const out = new Map<string, PyParam[]>();
  for (const src of sources(botoRoot)) {
    for (const file of src.files) {
      const parsed = parsePythonModule(readFileSync(join(botoRoot, file), 'utf8'));
      const base = file.endsWith('__init__.py') ? src.python : `${src.python}.${file.replace(/^.*\//, '').replace(/\.py$/, '')}`;
      for (const cls of parsed.classes) {
        const classKey = `${base}.${cls.name}`;
        const tsClass = OVERRIDES[classKey]?.name ?? cls.name;
        for (const m of cls.methods) {
          if (SAX_METHODS.includes(m.name)) continue;
          const o = OVERRIDES[`${classKey}.${m.name}`];
          const renamed = o?.renamed ?? {};
          out.set(`${tsClass}.${o?.name ?? camelCase(m.name)}`, m.params.map((p) => ({ ...p, name: renamed[p.name] ?? p.name })));
        }
      }
    }
  }
  return out;
}

function expected(sig: TsSignature, py: PyParam[] | undefined, sendsRequest: boolean): string {
  const paged = sig.returns.startsWith('PagedRequest<') ? 'paged: ' : '';
  const positional = sig.params.filter((p) => p.options === undefined);
  const options = sig.params.find((p) => p.options !== undefined)?.options ?? [];
  const optionSet = new Set(options);
  const continuation: string[] = [];
  for (const p of (py ?? []).slice(positional.length)) {
    const name = camelCase(p.name);
    if (p.star !== undefined || !optionSet.has(name)) break;
    continuation.push(name);
  }
  const named = options.filter((o) => !continuation.includes(o));
  if (sendsRequest) named.push('signal');
  const parts = positional.map((p) => `${p.name}${p.optional ? '?' : ''}`);
  if (continuation.length > 0) parts.push(`[${continuation.join(', ')}]`);
  if (named.length > 0) parts.push(`{${named.join(', ')}}`);
  return paged + parts.join(', ');
}

/** The expected signature of every constructor and public method, by `module/Class` (`autoscale/Instance`), then member. */
export function expectedSignatures(repoRoot: string, botoRoot: string): Map<string, Map<string, string>> {
  const api = readBotoscaleApi(repoRoot);
  const py = boto2Params(botoRoot);
  const out = new Map<string, Map<string, string>>();
  for (const [module, mod] of api) {
    for (const [className, cls] of mod.classes) {
      const members = new Map<string, string>();
      out.set(`${module}/${className}`, members);
      if (cls.ctor !== undefined) members.set('constructor', expected(cls.ctor, undefined, false));
      for (const [name, sig] of cls.methods) {
        if (UNCHECKED_METHODS.has(name)) continue;
        const sends = !NO_SIGNAL.has(name) && (sig.returns.startsWith('Promise<') || sig.returns.startsWith('PagedRequest<'));
        members.set(name, expected(sig, py.get(`${className}.${name}`), sends));
      }
    }
  }
  return out;
}

/** A declared signature reduced to what {@link expectedSignatures} can know: no `:object` marks. */
export function normalise(signature: string): string {
  return signature.replace(/:object/g, '').replace(/\?/g, '').replace(/\s+/g, ' ').replace(/\s*,\s*/g, ', ').replace(/\[\s*/g, '[').replace(/\s*\]/g, ']')
    .replace(/\{\s*/g, '{').replace(/\s*\}/g, '}').trim();
}
