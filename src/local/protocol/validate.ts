/**
 * The model's constraints checked on a parsed input: required members, string and list
 * lengths, string patterns, number ranges, and (where the service checks them) enums.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { isNumeric, shapeOf, type MemberRef, type ServiceModel, type Shape } from './model';
import type { QueryFlavour } from './naming';
import { javaPattern } from './patterns';
import { entryPath, itemPath, memberPath, ROOT, type Problem, type ProblemPath } from './problems';

/** What to check. */
export interface ValidateOptions {
  /** The service's query flavour, for naming parameters in messages. */
  flavour: QueryFlavour;
  /** Whether enum constraints are enforced (EC2's enums grow faster than this model). */
  enums: boolean;
  /** Shapes whose length and pattern the service's handlers check themselves. */
  ownChecks?: ReadonlySet<string>;
}

function isObject(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

class Validator {
  readonly problems: Problem[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly options: ValidateOptions,
  ) {}

  structure(shape: Shape, value: WireObject, path: ProblemPath): void {
    const members = shape.members ?? {};
    for (const name of shape.required ?? []) {
      const ref = members[name];
      if (ref !== undefined && (value[name] === undefined || value[name] === null)) {
        this.problems.push({ kind: 'missing', path: memberPath(path, this.options.flavour, ref, name) });
      }
    }
    for (const [name, ref] of Object.entries(members)) {
      const v = value[name];
      if (v !== undefined && v !== null) this.value(ref, v, memberPath(path, this.options.flavour, ref, name));
    }
  }

  private length(shape: Shape, n: number, value: WireValue, path: ProblemPath): void {
    if (shape.min !== undefined && n < shape.min) this.problems.push({ kind: 'constraint', path, value, rule: { type: 'minLength', limit: shape.min } });
    else if (shape.max !== undefined && n > shape.max) this.problems.push({ kind: 'constraint', path, value, rule: { type: 'maxLength', limit: shape.max } });
  }

  value(ref: MemberRef, value: WireValue, path: ProblemPath): void {
    const shape = shapeOf(this.model, ref);
    const flavour = this.options.flavour;
    if (shape.type === 'structure') {
      if (isObject(value)) this.structure(shape, value, path);
    } else if (shape.type === 'list') {
      if (!Array.isArray(value)) return;
      this.length(shape, value.length, value, path);
      value.forEach((item, i) => this.value(shape.member as MemberRef, item, itemPath(path, flavour, ref, shape, i + 1)));
    } else if (shape.type === 'map') {
      if (!isObject(value)) return;
      const entries = Object.entries(value);
      this.length(shape, entries.length, value, path);
      entries.forEach(([, v], i) => {
        if (v !== undefined && v !== null) this.value(shape.value as MemberRef, v, entryPath(path, flavour, ref, shape, i + 1, 'value'));
      });
    } else if (shape.type === 'string') {
      if (typeof value !== 'string' || this.options.ownChecks?.has(ref.shape) === true) return;
      this.length(shape, value.length, value, path);
      if (shape.pattern !== undefined && !javaPattern(shape.pattern).test(value)) {
        this.problems.push({ kind: 'constraint', path, value, rule: { type: 'pattern', pattern: shape.pattern } });
      }
      if (this.options.enums && shape.enum !== undefined && !shape.enum.includes(value)) {
        this.problems.push({ kind: 'constraint', path, value, rule: { type: 'enum', values: shape.enum } });
      }
    } else if (isNumeric(shape.type)) {
      if (typeof value !== 'number') return;
      if (shape.min !== undefined && value < shape.min) this.problems.push({ kind: 'constraint', path, value, rule: { type: 'minValue', limit: shape.min } });
      else if (shape.max !== undefined && value > shape.max) this.problems.push({ kind: 'constraint', path, value, rule: { type: 'maxValue', limit: shape.max } });
    }
  }
}

/** Whether `value` meets the length and pattern of the model's string shape `shapeName`. */
export function satisfiesStringShape(model: ServiceModel, shapeName: string, value: string): boolean {
  const shape = shapeOf(model, shapeName);
  if (shape.min !== undefined && value.length < shape.min) return false;
  if (shape.max !== undefined && value.length > shape.max) return false;
  return shape.pattern === undefined || javaPattern(shape.pattern).test(value);
}

/** Checks a parsed input against its shape; returns the problems found, in member order. */
export function validateInput(model: ServiceModel, inputRef: MemberRef | undefined, input: WireObject, options: ValidateOptions): Problem[] {
  if (inputRef === undefined) return [];
  const v = new Validator(model, options);
  v.structure(shapeOf(model, inputRef), input, ROOT);
  return v.problems;
}
