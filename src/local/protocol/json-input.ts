/**
 * AWS JSON 1.0 request bodies (what `@aws-sdk/client-cloudwatch` sends) read into a
 * {@link WireObject} by walking the operation's input shape: timestamps arrive as epoch
 * seconds, members the model does not know are ignored, values of the wrong JSON type
 * become problems.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { shapeOf, type MemberRef, type ServiceModel, type Shape } from './model';
import type { QueryFlavour } from './naming';
import { readJsonNumber } from './numbers';
import { entryPath, itemPath, memberPath, ROOT, type Expected, type Problem, type ProblemPath } from './problems';
import type { ReadResult } from './query-input';
import { parseTimestamp } from './timestamps';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How deep and how long a wrong value is quoted in a message: enough to recognise it, never the whole of a hostile body. */
const QUOTE_DEPTH = 4;
const QUOTE_LENGTH = 200;

function quote(v: unknown, depth: number): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object' || v === null) return String(v);
  if (depth >= QUOTE_DEPTH) return Array.isArray(v) ? '[...]' : '{...}';
  if (Array.isArray(v)) return `[${v.slice(0, 8).map((x: unknown) => quote(x, depth + 1)).join(',')}${v.length > 8 ? ',...' : ''}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  const shown = entries.slice(0, 8).map(([k, x]) => `${JSON.stringify(k)}:${quote(x, depth + 1)}`);
  return `{${shown.join(',')}${entries.length > 8 ? ',...' : ''}}`;
}

/** A value as a message quotes it: a string as itself, anything else as short JSON-like text. */
function rawText(v: unknown): string {
  const text = typeof v === 'string' ? v : quote(v, 0);
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}...` : text;
}

class JsonReader {
  readonly problems: Problem[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly flavour: QueryFlavour,
  ) {}

  private wrong(path: ProblemPath, v: unknown, expected: Expected): undefined {
    this.problems.push({ kind: 'type', path, raw: rawText(v), expected });
    return undefined;
  }

  structure(shape: Shape, v: Record<string, unknown>, path: ProblemPath): WireObject {
    const out: WireObject = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const member = v[name];
      if (member === undefined || member === null) continue;
      const value = this.value(ref, member, memberPath(path, this.flavour, ref, name));
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  value(ref: MemberRef, v: unknown, path: ProblemPath): WireValue {
    const shape = shapeOf(this.model, ref);
    switch (shape.type) {
      case 'structure':
        return isRecord(v) ? this.structure(shape, v, path) : this.wrong(path, v, 'structure');
      case 'list': {
        if (!Array.isArray(v)) return this.wrong(path, v, 'list');
        const items: WireValue[] = [];
        v.forEach((item: unknown, i) => {
          if (item === null || item === undefined) return;
          const value = this.value(shape.member as MemberRef, item, itemPath(path, this.flavour, ref, shape, i + 1));
          if (value !== undefined) items.push(value);
        });
        return items;
      }
      case 'map': {
        if (!isRecord(v)) return this.wrong(path, v, 'map');
        const out: WireObject = {};
        let i = 0;
        for (const [k, item] of Object.entries(v)) {
          i++;
          if (item === null || item === undefined) continue;
          const value = this.value(shape.value as MemberRef, item, entryPath(path, this.flavour, ref, shape, i, 'value'));
          if (value !== undefined) out[k] = value;
        }
        return out;
      }
      case 'string':
      case 'blob':
        return typeof v === 'string' ? v : this.wrong(path, v, 'string');
      case 'integer':
      case 'long':
        return readJsonNumber(v, shape.type) ?? this.wrong(path, v, 'integer');
      case 'double':
      case 'float':
        return readJsonNumber(v, shape.type) ?? this.wrong(path, v, 'number');
      case 'boolean':
        return typeof v === 'boolean' ? v : this.wrong(path, v, 'boolean');
      case 'timestamp': {
        if (typeof v === 'number' && Number.isFinite(v)) return new Date(Math.round(v * 1000));
        const d = typeof v === 'string' ? parseTimestamp(v) : undefined;
        return d ?? this.wrong(path, v, 'timestamp');
      }
    }
  }
}

/** Reads a parsed JSON body into the input structure named by `inputRef`. */
export function readJsonInput(model: ServiceModel, flavour: QueryFlavour, inputRef: MemberRef | undefined, body: unknown): ReadResult {
  if (inputRef === undefined) return { input: {}, problems: [] };
  const reader = new JsonReader(model, flavour);
  if (!isRecord(body)) {
    reader.problems.push({ kind: 'type', path: { coral: 'body', wire: 'body' }, raw: rawText(body), expected: 'structure' });
    return { input: {}, problems: reader.problems };
  }
  return { input: reader.structure(shapeOf(model, inputRef), body, ROOT), problems: reader.problems };
}
