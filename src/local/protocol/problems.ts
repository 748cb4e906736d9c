/**
 * What the protocol layer finds wrong with a request (a missing required member, a value
 * of the wrong type, a broken length, range, pattern or enum constraint), and how each service
 * answers it: Auto Scaling and ELB with one `ValidationError` listing every violation;
 * CloudWatch with `MissingParameter`, `InvalidParameterValue` or `ValidationError`; EC2
 * with `MissingParameter` or `InvalidParameterValue` for the first problem.
 *
 * @module
 */
import { commonError, ServiceError } from '../errors';
import type { WireValue } from '../types';
import { lowerFirst, type MemberRef, type Shape } from './model';
import { listItemKey, mapEntryKeys, memberKey, type QueryFlavour } from './naming';

/** Where a problem is: as AWS's validation messages name it, and as the query key. */
export interface ProblemPath {
  /** `tags.1.member.key`. */
  readonly coral: string;
  /** `Tags.member.1.Key` (EC2: `Filter.1.Name`). */
  readonly wire: string;
}

/** The type a value should have had. */
export type Expected = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'list' | 'map' | 'structure';

/** A broken length or range constraint. */
export interface LimitRule {
  /** Which limit. */
  type: 'minLength' | 'maxLength' | 'minValue' | 'maxValue';
  /** Its value. */
  limit: number;
}

/** A broken enum constraint. */
export interface EnumRule {
  /** An enum. */
  type: 'enum';
  /** The allowed values. */
  values: readonly string[];
}

/** A broken pattern constraint. */
export interface PatternRule {
  /** A pattern. */
  type: 'pattern';
  /** The model's pattern, in Java syntax, as AWS's messages quote it. */
  pattern: string;
}

/** A broken constraint of the model. */
export type Rule = LimitRule | EnumRule | PatternRule;

/** A required member that is missing. */
export interface MissingProblem {
  /** What is wrong. */
  kind: 'missing';
  /** Where. */
  path: ProblemPath;
}

/** A value of the wrong type. */
export interface TypeProblem {
  /** What is wrong. */
  kind: 'type';
  /** Where. */
  path: ProblemPath;
  /** The value as sent. */
  raw: string;
  /** The type it should have had. */
  expected: Expected;
}

/** A value that breaks a constraint. */
export interface ConstraintProblem {
  /** What is wrong. */
  kind: 'constraint';
  /** Where. */
  path: ProblemPath;
  /** The value. */
  value: WireValue;
  /** The constraint it breaks. */
  rule: Rule;
}

/** One thing wrong with a request. */
export type Problem = MissingProblem | TypeProblem | ConstraintProblem;

/** How a service words its input errors. */
export type ErrorStyle = 'coral' | 'cloudwatch' | 'ec2';

/** The path of the request itself. */
export const ROOT: ProblemPath = { coral: '', wire: '' };

/** The path of a structure member. */
export function memberPath(parent: ProblemPath, flavour: QueryFlavour, ref: MemberRef, name: string): ProblemPath {
  const key = memberKey(flavour, ref, name);
  return {
    coral: parent.coral === '' ? lowerFirst(name) : `${parent.coral}.${lowerFirst(name)}`,
    wire: parent.wire === '' ? key : `${parent.wire}.${key}`,
  };
}

/** The path of a list item (1-based). */
export function itemPath(parent: ProblemPath, flavour: QueryFlavour, ref: MemberRef, shape: Shape, index: number): ProblemPath {
  return { coral: `${parent.coral}.${index}.member`, wire: listItemKey(flavour, ref, shape, parent.wire, index) };
}

/** The path of a map entry's key or value (1-based). */
export function entryPath(parent: ProblemPath, flavour: QueryFlavour, ref: MemberRef, shape: Shape, index: number, part: 'key' | 'value'): ProblemPath {
  return { coral: `${parent.coral}.${index}.${part}`, wire: mapEntryKeys(flavour, ref, shape, parent.wire, index)[part] };
}

function render(value: WireValue): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `'[${value.map((v) => (typeof v === 'object' && v !== null && !(v instanceof Date) ? '{...}' : String(v))).join(', ')}]'`;
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'object') return `'{...}'`;
  return `'${String(value)}'`;
}

function article(expected: Expected): string {
  return expected === 'integer' ? 'an integer' : `a ${expected}`;
}

function ruleText(rule: Rule): string {
  switch (rule.type) {
    case 'minLength':
      return `Member must have length greater than or equal to ${rule.limit}`;
    case 'maxLength':
      return `Member must have length less than or equal to ${rule.limit}`;
    case 'minValue':
      return `Member must have value greater than or equal to ${rule.limit}`;
    case 'maxValue':
      return `Member must have value less than or equal to ${rule.limit}`;
    case 'enum':
      return `Member must satisfy enum value set: [${rule.values.join(', ')}]`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${rule.pattern}`;
  }
}

function coralLine(p: Problem): string {
  switch (p.kind) {
    case 'missing':
      return `Value null at '${p.path.coral}' failed to satisfy constraint: Member must not be null`;
    case 'type':
      return `Value '${p.raw}' at '${p.path.coral}' failed to satisfy constraint: Member must be ${article(p.expected)}`;
    case 'constraint':
      return `Value ${render(p.value)} at '${p.path.coral}' failed to satisfy constraint: ${ruleText(p.rule)}`;
  }
}

/** AWS's `1 validation error detected: ...; ...` message. */
export function coralMessage(problems: readonly Problem[]): string {
  const n = problems.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${problems.map(coralLine).join('; ')}`;
}

function ec2Reason(p: ConstraintProblem): string {
  const rule = p.rule;
  switch (rule.type) {
    case 'minLength':
      return `Length must be at least ${rule.limit}.`;
    case 'maxLength':
      return `Length must be at most ${rule.limit}.`;
    case 'minValue':
      return `Must be at least ${rule.limit}.`;
    case 'maxValue':
      return `Must be at most ${rule.limit}.`;
    case 'enum':
      return rule.values.length <= 20 ? `Valid values: ${rule.values.join(', ')}.` : 'Unknown value.';
    case 'pattern':
      return `It must match the pattern ${rule.pattern}.`;
  }
}

function rawOf(value: WireValue): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map((v) => String(v)).join(', ')}]`;
  return String(value);
}

/** The error a service answers a request with problems with (`problems` is not empty). */
export function problemsError(style: ErrorStyle, problems: readonly Problem[]): ServiceError {
  const missing = problems.filter((p) => p.kind === 'missing');
  const typed = problems.filter((p): p is TypeProblem => p.kind === 'type');
  const constraints = problems.filter((p): p is ConstraintProblem => p.kind === 'constraint');
  if (style === 'coral') return commonError('ValidationError', coralMessage(problems));
  if (style === 'cloudwatch') {
    if (missing.length > 0) return commonError('MissingParameter', missing.map((p) => `The parameter ${p.path.wire} is required.`).join('\n'));
    const t = typed[0];
    if (t !== undefined) return commonError('InvalidParameterValue', `The value ${t.raw} for parameter ${t.path.wire} is not ${article(t.expected)}.`);
    return commonError('ValidationError', coralMessage(constraints));
  }
  const m = missing[0];
  if (m !== undefined) return commonError('MissingParameter', `The request must contain the parameter ${m.path.wire}`);
  const t = typed[0];
  if (t !== undefined) return commonError('InvalidParameterValue', `Value (${t.raw}) for parameter ${t.path.wire} is invalid. Expected: '${t.expected}'.`);
  const c = constraints[0] as ConstraintProblem;
  return commonError('InvalidParameterValue', `Value (${rawOf(c.value)}) for parameter ${c.path.wire} is invalid. ${ec2Reason(c)}`);
}
