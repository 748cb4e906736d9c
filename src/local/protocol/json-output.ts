/**
 * AWS JSON 1.0 answers (CloudWatch to `@aws-sdk/client-cloudwatch`): the output structure
 * with the model's member names and timestamps as epoch seconds; errors as
 * `{"__type": "...#Code", "message": "..."}`.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { shapeOf, type MemberRef, type ServiceModel, type Shape } from './model';
import { epochSeconds } from './timestamps';

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function isObject(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function jsonNumber(v: number): JsonValue {
  return Number.isFinite(v) ? v : String(v);
}

function generic(v: WireValue): JsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return epochSeconds(v);
  if (Array.isArray(v)) return v.map(generic).filter((x): x is JsonValue => x !== undefined);
  if (isObject(v)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, item] of Object.entries(v)) {
      const j = generic(item);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  if (typeof v === 'number') return jsonNumber(v);
  return v;
}

function structure(model: ServiceModel, shape: Shape, v: WireObject): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  const members = shape.members ?? {};
  for (const [name, item] of Object.entries(v)) {
    const ref = members[name];
    const j = ref === undefined ? generic(item) : value(model, ref, item);
    if (j !== undefined) out[name] = j;
  }
  return out;
}

function value(model: ServiceModel, ref: MemberRef, v: WireValue): JsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure':
      return isObject(v) ? structure(model, shape, v) : generic(v);
    case 'list':
      return Array.isArray(v) ? v.map((item) => value(model, shape.member as MemberRef, item)).filter((x): x is JsonValue => x !== undefined) : generic(v);
    case 'map': {
      if (!isObject(v)) return generic(v);
      const out: { [key: string]: JsonValue } = {};
      for (const [k, item] of Object.entries(v)) {
        const j = value(model, shape.value as MemberRef, item);
        if (j !== undefined) out[k] = j;
      }
      return out;
    }
    case 'timestamp':
      return v instanceof Date || typeof v === 'number' || typeof v === 'string' ? epochSeconds(v) : generic(v);
    default:
      return generic(v);
  }
}

/** The JSON body of an operation's answer. */
export function jsonResponseBody(model: ServiceModel, outputRef: MemberRef | undefined, output: WireObject): string {
  if (outputRef === undefined) return '{}';
  return JSON.stringify(structure(model, shapeOf(model, outputRef), output));
}

/** The JSON body of an error answer. */
export function jsonErrorBody(type: string, message: string): string {
  return JSON.stringify({ __type: type, message });
}
