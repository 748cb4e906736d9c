/**
 * Showing a plan: a readable diff per resource (coloured on a terminal) or JSON.
 *
 * @module
 */
import type { ActionType, FieldChange, KeptResource, Plan, PlannedAction } from './types';

/** How to print. */
export interface RenderOptions {
  /** Use ANSI colours. */
  color: boolean;
}

const SYMBOL: Readonly<Record<ActionType, string>> = { create: '+', update: '~', replace: '-/+', delete: '-' };
const COLOR: Readonly<Record<ActionType, number>> = { create: 32, update: 33, replace: 35, delete: 31 };

/** Wraps text in an ANSI colour when colours are on. */
export function paint(text: string, code: number, on: boolean): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** A value as the plan shows it. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${formatValue(v)}`);
    return `{${parts.join(', ')}}`;
  }
  return String(value);
}

function changeLine(action: ActionType, c: FieldChange): string {
  if (action === 'create' && c.old === undefined) return `${c.field}: ${formatValue(c.new)}`;
  if (action === 'delete') return c.old === undefined ? c.field : `${c.field}: ${formatValue(c.old)}`;
  return `${c.field}: ${formatValue(c.old)} → ${formatValue(c.new)}`;
}

/** The heading of an action: `+ create group backend`. */
export function actionTitle(a: PlannedAction): string {
  const what = a.resource === 'tags' || a.resource === 'notification' ? `${a.resource} of group` : a.resource;
  // A hook's name is unique only within its group.
  if (a.resource === 'lifecycle_hook') return `${a.action} ${what} ${a.name} of group ${a.group ?? '?'}`;
  return `${a.action} ${what} ${a.name}`;
}

function renderAction(a: PlannedAction, color: boolean): string[] {
  const lines = [paint(`${SYMBOL[a.action]} ${actionTitle(a)}`, COLOR[a.action], color)];
  for (const c of a.changes) lines.push(`      ${changeLine(a.action, c)}`);
  if (a.note !== undefined) lines.push(paint(`      # ${a.note}`, a.destructive === true ? 31 : 2, color));
  return lines;
}

function count(plan: Plan, action: ActionType): number {
  return plan.actions.filter((a) => a.action === action).length;
}

function keptText(k: KeptResource): string {
  return k.group === undefined || k.resource === 'policy' || k.resource === 'alarm' ? `${k.resource} ${k.name}` : `${k.resource} ${k.name} of group ${k.group}`;
}

/** The plan as text: one block per action, then a summary line. */
export function renderPlan(plan: Plan, file: string, options: RenderOptions): string {
  const lines: string[] = [];
  for (const a of plan.actions) lines.push(...renderAction(a, options.color));
  if (plan.actions.length > 0) lines.push('');
  for (const w of plan.warnings) lines.push(paint(`warning: ${w}`, 33, options.color));
  if (plan.kept.length > 0) {
    lines.push(`Kept, though gone from ${file} (apply --prune deletes them):`);
    for (const k of plan.kept) lines.push(`  ${keptText(k)}`);
  }
  if (plan.actions.length === 0 && plan.kept.length > 0) {
    const n = plan.kept.length;
    lines.push(paint(`No changes to apply; AWS still has ${n} resource${n === 1 ? '' : 's'} ${file} no longer has, kept above.`, 1, options.color));
  } else if (plan.actions.length === 0) {
    lines.push(paint(`No changes: AWS matches ${file}.`, 1, options.color));
  } else {
    const destructive = plan.actions.filter((a) => a.destructive === true).length;
    const summary = `Plan: ${count(plan, 'create')} to create, ${count(plan, 'update')} to update, ${count(plan, 'replace')} to replace, ${count(plan, 'delete')} to delete.`;
    lines.push(paint(summary, 1, options.color));
    if (destructive > 0) lines.push(paint(`${destructive} of them terminate instances.`, 31, options.color));
  }
  return `${lines.join('\n')}\n`;
}

/** A JSON-safe copy of a value (undefined fields dropped). */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

/** The plan as JSON: `{ changes, summary, actions, kept, warnings }`. */
export function planJson(plan: Plan): Record<string, unknown> {
  return {
    changes: plan.actions.length > 0,
    summary: { create: count(plan, 'create'), update: count(plan, 'update'), replace: count(plan, 'replace'), delete: count(plan, 'delete') },
    actions: plan.actions.map((a) => jsonSafe({
      action: a.action, resource: a.resource, name: a.name, group: a.group, changes: a.changes, note: a.note, destructive: a.destructive,
    })),
    kept: jsonSafe(plan.kept),
    warnings: plan.warnings,
  };
}
