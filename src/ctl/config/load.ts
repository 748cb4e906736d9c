/**
 * Reading a configuration file: YAML with source positions, the schema, the cross-field
 * rules, and every error reported with its line and column; then the desired model.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { desiredFromConfig } from '../model/desired';
import type { DesiredState } from '../model/types';
import { sortErrors, type ConfigError } from './errors';
import { DUPLICATE_MARK, keyText, Locator, realKey, type DocPath, type Position } from './locate';
import { configSchema, SECTION_KEYS, type RawConfig } from './schema';
import { checkSemantics } from './semantic';
import { didYouMean } from './suggest';

/** A file that passed validation. */
export interface LoadedConfig {
  /** The file name, as given. */
  file: string;
  /** The file as the schema reads it. */
  raw: RawConfig;
  /** What it asks for. */
  desired: DesiredState;
}

/** The outcome of reading a file: the configuration, or every error in it. */
export type LoadResult = { ok: true; config: LoadedConfig } | { ok: false; errors: ConfigError[] };

type Issue = z.core.$ZodIssue;

/** `groups.backend.alarms[0].policy`. */
export function pathText(path: DocPath): string {
  let out = '';
  for (const raw of path) {
    const seg = typeof raw === 'string' ? realKey(raw) : raw;
    out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  }
  return out;
}

function valueAt(root: unknown, path: DocPath): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  object: 'a map',
  record: 'a map',
  map: 'a map',
  array: 'a list',
  tuple: 'a list',
  boolean: 'true or false',
  date: 'a date',
  null: 'null',
};

/** The keys a section at `path` accepts. */
function knownKeys(path: DocPath): readonly string[] {
  const [first, , third] = path;
  const n = path.length;
  if (n === 0) return SECTION_KEYS.top;
  // Inside a policy (top-level or a group's): its steps and its custom metric.
  const policyAt = first === 'policies' ? 2 : first === 'groups' && third === 'policies' ? 4 : undefined;
  if (policyAt !== undefined && n === policyAt + 2 && path[policyAt] === 'steps') return SECTION_KEYS.step;
  if (policyAt !== undefined && n === policyAt + 1 && path[policyAt] === 'metric') return SECTION_KEYS.customMetric;
  if (first === 'policies' && n === 2) return SECTION_KEYS.policy;
  if (first === 'groups') {
    if (n === 2) return SECTION_KEYS.group;
    if (n === 3 && third === 'spot') return SECTION_KEYS.spot;
    if (n === 4 && third === 'policies') return SECTION_KEYS.policy;
    if (n === 4 && third === 'alarms') return SECTION_KEYS.alarm;
    if (n === 4 && third === 'tags') return SECTION_KEYS.tag;
    if (n === 4 && third === 'block_devices') return SECTION_KEYS.blockDevice;
    if (n === 4 && third === 'scheduled_actions') return SECTION_KEYS.scheduledAction;
    if (n === 4 && third === 'lifecycle_hooks') return SECTION_KEYS.lifecycleHook;
  }
  if (first === 'load_balancers') {
    if (n === 2) return SECTION_KEYS.loadBalancer;
    if (n === 3 && third === 'health_check') return SECTION_KEYS.healthCheck;
    if (n === 3 && third === 'cookie_stickiness') return SECTION_KEYS.stickiness;
    if (n === 3 && third === 'connection_draining') return SECTION_KEYS.draining;
    if (n === 4 && third === 'listeners') return SECTION_KEYS.listener;
  }
  return [];
}

/** Turns schema issues into errors at the offending keys. */
function issueErrors(issue: Issue, base: DocPath, root: unknown, add: (path: DocPath, message: string) => void): void {
  const path: DocPath = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) add([...path, key], `unknown key ${JSON.stringify(key)}${didYouMean(key, knownKeys(path))}`);
      return;
    case 'invalid_type':
      if (value === undefined) {
        const key = path[path.length - 1];
        add(path.slice(0, -1), `missing required key ${JSON.stringify(key)}`);
      } else {
        add(path, `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(value)}`);
      }
      return;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      add(path, allowed.length === 1 ? `must be ${allowed[0]}, got ${describe(value)}` : `must be one of ${allowed.join(', ')}; got ${describe(value)}${hint}`);
      return;
    }
    case 'too_small':
      if (issue.origin === 'array') add(path, `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`);
      else if (issue.origin === 'string') add(path, 'must not be empty');
      else add(path, `must be at least ${String(issue.minimum)}, got ${describe(value)}`);
      return;
    case 'too_big':
      if (issue.origin === 'array') add(path, `may list at most ${String(issue.maximum)} items, got ${Array.isArray(value) ? value.length : describe(value)}`);
      else add(path, `must be at most ${String(issue.maximum)}, got ${describe(value)}`);
      return;
    case 'invalid_union': {
      // A branch whose type matched the value explains the problem better than the union.
      const matching = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_union')));
      if (matching.length === 1) {
        for (const i of matching[0] as Issue[]) issueErrors(i, path, root, add);
      } else {
        add(path, `${issue.message}, got ${describe(value)}`);
      }
      return;
    }
    default:
      add(path, issue.message.includes('got ') ? issue.message : `${issue.message}, got ${describe(value)}`);
  }
}

/**
 * Reports keys that appear twice in one map. YAML would silently keep the last; instead
 * each later copy is renamed (`key` + {@link DUPLICATE_MARK} + n) so that it is validated
 * too and its errors point at it.
 */
function duplicateKeys(node: unknown, path: DocPath, locator: Locator, add: (path: DocPath, message: string, at?: Position) => void): void {
  if (isSeq(node)) {
    node.items.forEach((item, i) => duplicateKeys(item, [...path, i], locator, add));
    return;
  }
  if (!isMap(node)) return;
  const seen = new Map<string, { offset: number; count: number }>();
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const key: unknown = item.key;
    const k = keyText(item);
    if (k === undefined || !isScalar(key)) continue;
    const offset = key.range?.[0] ?? 0;
    const first = seen.get(k);
    let name = k;
    if (first !== undefined) {
      first.count += 1;
      name = `${k}${DUPLICATE_MARK}${first.count}`;
      key.value = name;
      add([...path, name], `duplicate key ${JSON.stringify(k)} (first at line ${locator.at(first.offset).line})`, locator.at(offset));
    } else {
      seen.set(k, { offset, count: 0 });
    }
    duplicateKeys(item.value, [...path, name], locator, add);
  }
}

/** Validates the text of a configuration file; reports every error, or returns the desired model. */
export function parseConfig(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const locator = new Locator(doc, lines);
  const errors: ConfigError[] = [];
  const add = (path: DocPath, message: string, at = locator.locate(path)): void => {
    errors.push({ file, line: at.line, col: at.col, path: pathText(path), message });
  };

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const at = locator.at(e.pos[0]);
      errors.push({ file, line: at.line, col: at.col, path: '', message: `YAML: ${e.message.split('\n')[0] as string}` });
    }
    return { ok: false, errors: sortErrors(errors) };
  }
  duplicateKeys(doc.contents, [], locator, add);

  const root: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isMap(doc.contents)) {
    add([], root === null || root === undefined ? 'the file is empty: it needs at least "groups"' : 'the file must be a map of region, groups, policies, ...');
    return { ok: false, errors: sortErrors(errors) };
  }
  const parsed = configSchema.safeParse(root);
  if (!parsed.success) for (const issue of parsed.error.issues) issueErrors(issue, [], root, add);
  checkSemantics(root, add);

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, config: { file, raw: parsed.data, desired: desiredFromConfig(parsed.data) } };
}

/** Reads and validates a configuration file (a missing or unreadable file rejects). */
export async function loadConfigFile(file: string): Promise<LoadResult> {
  const text = await readFile(file, 'utf8');
  return parseConfig(text, file);
}
