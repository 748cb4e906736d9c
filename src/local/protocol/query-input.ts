/**
 * Query-protocol requests (`Action=...&Tags.member.1.Key=...`, or EC2's
 * `InstanceId.1=...&Filter.1.Value.1=...`) read into a {@link WireObject} by walking the
 * operation's input shape: lists and maps by their indexes, numbers, booleans and
 * timestamps converted, keys the model does not know ignored. Values that do not fit
 * their type become problems for the caller to answer.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { shapeOf, type MemberRef, type ServiceModel, type Shape } from './model';
import { parseNumberText } from './numbers';
import { isFlattened, listItemSegment, memberKey, type QueryFlavour } from './naming';
import { entryPath, itemPath, memberPath, ROOT, type Expected, type Problem, type ProblemPath } from './problems';
import { parseTimestamp } from './timestamps';

interface Node {
  value?: string;
  children?: Map<string, Node>;
}

function buildTree(params: ReadonlyMap<string, string>): Node {
  const root: Node = {};
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split('.')) {
      node.children ??= new Map();
      let next = node.children.get(part);
      if (next === undefined) {
        next = {};
        node.children.set(part, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

/** Children keyed by positive integers, in numeric order. */
function indexed(node: Node | undefined): Array<[number, Node]> {
  if (node?.children === undefined) return [];
  const out: Array<[number, Node]> = [];
  for (const [k, child] of node.children) if (/^[1-9]\d*$/.test(k)) out.push([Number(k), child]);
  return out.sort((a, b) => a[0] - b[0]);
}

class Reader {
  readonly problems: Problem[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly flavour: QueryFlavour,
  ) {}

  private wrong(path: ProblemPath, node: Node, expected: Expected): undefined {
    this.problems.push({ kind: 'type', path, raw: node.value ?? '', expected });
    return undefined;
  }

  structure(shape: Shape, node: Node, path: ProblemPath): WireObject {
    const out: WireObject = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const child = node.children?.get(memberKey(this.flavour, ref, name));
      if (child === undefined) continue;
      const value = this.value(ref, child, memberPath(path, this.flavour, ref, name));
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  value(ref: MemberRef, node: Node, path: ProblemPath): WireValue {
    const shape = shapeOf(this.model, ref);
    switch (shape.type) {
      case 'structure':
        if (node.children === undefined && node.value !== '') return this.wrong(path, node, 'structure');
        return this.structure(shape, node, path);
      case 'list':
        return this.list(ref, shape, node, path);
      case 'map':
        return this.map(ref, shape, node, path);
      default:
        return this.scalar(shape, node, path);
    }
  }

  private list(ref: MemberRef, shape: Shape, node: Node, path: ProblemPath): WireValue {
    const member = shape.member as MemberRef;
    const container = isFlattened(this.flavour, ref, shape) ? node : node.children?.get(listItemSegment(shape));
    if (container === undefined) {
      if (node.children === undefined && node.value === '') return [];
      return this.wrong(path, node, 'list');
    }
    const items: WireValue[] = [];
    for (const [index, child] of indexed(container)) {
      const v = this.value(member, child, itemPath(path, this.flavour, ref, shape, index));
      if (v !== undefined) items.push(v);
    }
    if (items.length === 0 && node.value !== undefined && node.value !== '' && node.children === undefined) return this.wrong(path, node, 'list');
    return items;
  }

  private map(ref: MemberRef, shape: Shape, node: Node, path: ProblemPath): WireValue {
    const container = isFlattened(this.flavour, ref, shape) ? node : node.children?.get('entry');
    if (container === undefined) {
      if (node.children === undefined && node.value === '') return {};
      return this.wrong(path, node, 'map');
    }
    const keyName = shape.key?.locationName ?? 'key';
    const valueName = shape.value?.locationName ?? 'value';
    const out: WireObject = {};
    for (const [index, entry] of indexed(container)) {
      const k = entry.children?.get(keyName);
      const v = entry.children?.get(valueName);
      if (k?.value === undefined) continue;
      const value = v === undefined ? undefined : this.value(shape.value as MemberRef, v, entryPath(path, this.flavour, ref, shape, index, 'value'));
      if (value !== undefined) out[k.value] = value;
    }
    return out;
  }

  private scalar(shape: Shape, node: Node, path: ProblemPath): WireValue {
    const raw = node.value;
    switch (shape.type) {
      case 'string':
      case 'blob':
        return raw === undefined ? this.wrong(path, node, 'string') : raw;
      case 'integer':
      case 'long': {
        const n = raw === undefined ? undefined : parseNumberText(raw, shape.type);
        return n ?? this.wrong(path, node, 'integer');
      }
      case 'double':
      case 'float': {
        const n = raw === undefined ? undefined : parseNumberText(raw, shape.type);
        return n ?? this.wrong(path, node, 'number');
      }
      case 'boolean': {
        const t = raw?.trim().toLowerCase();
        if (t === 'true') return true;
        if (t === 'false') return false;
        return this.wrong(path, node, 'boolean');
      }
      case 'timestamp': {
        const d = raw === undefined ? undefined : parseTimestamp(raw);
        return d ?? this.wrong(path, node, 'timestamp');
      }
      default:
        return raw;
    }
  }
}

/** The result of reading a request: the input, and what did not fit the model. */
export interface ReadResult {
  /** The input, keyed by member names. */
  input: WireObject;
  /** What did not fit the model's types. */
  problems: Problem[];
}

/** Reads query parameters into the input structure named by `inputRef` (none: an empty input). */
export function readQueryInput(model: ServiceModel, flavour: QueryFlavour, inputRef: MemberRef | undefined, params: ReadonlyMap<string, string>): ReadResult {
  const reader = new Reader(model, flavour);
  if (inputRef === undefined) return { input: {}, problems: [] };
  const input = reader.structure(shapeOf(model, inputRef), buildTree(params), ROOT);
  return { input, problems: reader.problems };
}
