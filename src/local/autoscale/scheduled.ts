/**
 * Scheduled actions: PutScheduledUpdateGroupAction with AWS's rules, and firing them at
 * their start time and on their recurrence.
 *
 * @module
 */
import type { FailedScheduledUpdateGroupActionRequest, ScheduledUpdateGroupActionRequest } from '@aws-sdk/client-auto-scaling';
import { uuid } from '../ids';
import type { Checked } from '../typed';
import { reconcileGroup } from './control';
import { isTimeZone, nextCronTime, parseCron } from './cron';
import { ServiceError } from '../errors';
import { limitExceeded, validation } from './errors';
import { scheduledActionArn } from './format';
import type { ScheduledActionRecord } from './model';
import type { In } from './sdk';
import type { AutoScalingState } from './state';

/** Most scheduled actions per group (AWS default). */
export const MAX_SCHEDULED_ACTIONS = 125;

function nextRecurrence(action: ScheduledActionRecord, after: number): number | undefined {
  const cron = action.recurrence === undefined ? undefined : parseCron(action.recurrence);
  if (cron === undefined) return undefined;
  const next = nextCronTime(cron, after, action.timeZone);
  if (next === undefined || (action.endTime !== undefined && next > action.endTime)) return undefined;
  return next;
}

/** Creates or replaces a scheduled action. */
export function putScheduledAction(state: AutoScalingState, p: In<'PutScheduledUpdateGroupAction'>, now: number): ScheduledActionRecord {
  const group = state.requireGroup(p.AutoScalingGroupName);
  if (p.Time !== undefined && p.StartTime !== undefined) throw validation('Both time and startTime cannot be used.');
  const start = (p.StartTime ?? p.Time)?.getTime();
  const end = p.EndTime?.getTime();
  if (p.MinSize === undefined && p.MaxSize === undefined && p.DesiredCapacity === undefined) {
    throw validation('At least one of MinSize, MaxSize or DesiredCapacity must be specified.');
  }
  if (p.MinSize !== undefined && p.MaxSize !== undefined && p.MaxSize < p.MinSize) {
    throw validation(`Max bound, ${p.MaxSize}, must be greater than or equal to min bound, ${p.MinSize}`);
  }
  if (p.Recurrence !== undefined && parseCron(p.Recurrence) === undefined) {
    throw validation(`Given recurrence string is invalid: ${p.Recurrence}`);
  }
  if (p.TimeZone !== undefined && !isTimeZone(p.TimeZone)) throw validation(`Invalid time zone: ${p.TimeZone}`);
  if (p.Recurrence === undefined && start === undefined) {
    throw validation('A scheduled action needs a start time or a recurrence.');
  }
  if (p.Recurrence === undefined && start !== undefined && start < now) throw validation('Given start time is in the past');
  if (end !== undefined) {
    if (end < now) throw validation('Given end time is in the past');
    if (start !== undefined && end <= start) throw validation('Start time must be before end time');
  }
  const existing = state.getScheduled(group.name, p.ScheduledActionName);
  if (existing === undefined && [...state.scheduled.values()].filter((s) => s.groupName === group.name).length >= MAX_SCHEDULED_ACTIONS) {
    throw limitExceeded(`You have reached the limit of ${MAX_SCHEDULED_ACTIONS} scheduled actions for AutoScalingGroup ${group.name}.`);
  }
  const action: ScheduledActionRecord = {
    name: p.ScheduledActionName,
    groupName: group.name,
    arn: existing?.arn ?? scheduledActionArn(state.cloud.region, state.cloud.accountId, uuid(), group.name, p.ScheduledActionName),
  };
  if (start !== undefined) action.startTime = start;
  if (end !== undefined) action.endTime = end;
  if (p.Recurrence !== undefined) action.recurrence = p.Recurrence;
  if (p.TimeZone !== undefined) action.timeZone = p.TimeZone;
  if (p.MinSize !== undefined) action.minSize = p.MinSize;
  if (p.MaxSize !== undefined) action.maxSize = p.MaxSize;
  if (p.DesiredCapacity !== undefined) action.desiredCapacity = p.DesiredCapacity;
  if (action.recurrence === undefined) action.nextRun = start;
  else if (start !== undefined && start >= now) action.nextRun = start;
  else {
    const next = nextRecurrence(action, now);
    if (next !== undefined) action.nextRun = next;
  }
  state.putScheduled(action);
  return action;
}

function fire(state: AutoScalingState, action: ScheduledActionRecord, now: number): void {
  const group = state.groups.get(action.groupName);
  if (group === undefined || group.deleting || state.suspended(group, 'ScheduledActions')) return;
  const min = action.minSize ?? group.minSize;
  const max = action.maxSize ?? group.maxSize;
  if (max < min) return;
  const desired = action.desiredCapacity ?? Math.min(max, Math.max(min, group.desiredCapacity));
  if (desired < min || desired > max) return;
  group.minSize = min;
  group.maxSize = max;
  state.changeDesired(group, desired, `a scheduled action update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`, now);
  reconcileGroup(state, group, now);
}

/** Fires every scheduled action that is due at `now`; one-off and finished ones go away. */
export function fireScheduledActions(state: AutoScalingState, now: number): void {
  for (const action of [...state.scheduled.values()]) {
    if (action.nextRun === undefined || action.nextRun > now) continue;
    fire(state, action, now);
    const next = action.recurrence === undefined ? undefined : nextRecurrence(action, now);
    if (next === undefined) state.deleteScheduled(action.groupName, action.name);
    else action.nextRun = next;
  }
}

/** Scheduled actions one batch call may carry (API Reference, BatchPutScheduledUpdateGroupAction and BatchDeleteScheduledAction: "The maximum number allowed is 50"). */
export const MAX_BATCH_SCHEDULED = 50;

/** A scheduled action a batch call could not put or delete. */
type FailedScheduled = FailedScheduledUpdateGroupActionRequest;

function checkBatchSize(count: number, member: string): void {
  if (count > MAX_BATCH_SCHEDULED) {
    throw validation(`1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BATCH_SCHEDULED}`);
  }
}

function failureOf(name: string, err: unknown): FailedScheduled {
  if (err instanceof ServiceError) return { ScheduledActionName: name, ErrorCode: err.code, ErrorMessage: err.message };
  throw err;
}

/**
 * BatchPutScheduledUpdateGroupAction: each action is put on its own; those AWS refuses are
 * reported (code and message as PutScheduledUpdateGroupAction would answer), the others kept.
 */
export function batchPutScheduledActions(state: AutoScalingState, groupName: string, actions: ReadonlyArray<Checked<ScheduledUpdateGroupActionRequest>>, now: number): FailedScheduled[] {
  state.requireGroup(groupName);
  checkBatchSize(actions.length, 'scheduledUpdateGroupActions');
  const failed: FailedScheduled[] = [];
  for (const a of actions) {
    try {
      putScheduledAction(state, { ...a, AutoScalingGroupName: groupName }, now);
    } catch (err) {
      failed.push(failureOf(a.ScheduledActionName, err));
    }
  }
  return failed;
}

/** BatchDeleteScheduledAction: names not found are reported as DeleteScheduledAction would answer them. */
export function batchDeleteScheduledActions(state: AutoScalingState, groupName: string, names: readonly string[]): FailedScheduled[] {
  const group = state.requireGroup(groupName);
  checkBatchSize(names.length, 'scheduledActionNames');
  const failed: FailedScheduled[] = [];
  for (const name of names) {
    if (!state.deleteScheduled(group.name, name)) failed.push(failureOf(name, scheduledNotFound(name)));
  }
  return failed;
}

/** A scheduled action that does not exist, as DeleteScheduledAction words it. */
export function scheduledNotFound(name: string): ServiceError {
  return validation(`Scheduled action name not found - ${name}`);
}
