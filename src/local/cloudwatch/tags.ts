/**
 * Alarm tags: TagResource, UntagResource and ListTagsForResource by alarm ARN
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_TagResource.html):
 * at most 50 tags per alarm, a new value replaces the old one of the same key, and keys
 * starting with `aws:` are AWS's own.
 *
 * @module
 */
import type { Tag } from '@aws-sdk/client-cloudwatch';
import type { Checked } from '../typed';
import { invalidValue, resourceNotFoundException } from './errors';
import type { AlarmRecord } from './model';
import type { CloudWatchState } from './state';

/** Most tags on one alarm. */
export const MAX_TAGS = 50;

const ALARM_ARN = /^arn:aws[\w-]*:cloudwatch:([^:]*):(\d*):alarm:(.+)$/;

/** The alarm an ARN names; ResourceNotFoundException when there is none. */
export function alarmByArn(state: CloudWatchState, arn: string): AlarmRecord {
  const m = ALARM_ARN.exec(arn);
  if (m === null) {
    if (/^arn:aws[\w-]*:cloudwatch:[^:]*:\d*:insight-rule:/.test(arn)) {
      throw resourceNotFoundException(`Contributor Insights rules are not simulated by botoscale local: ${arn}`);
    }
    throw invalidValue(`Invalid arn syntax: ${arn} (ResourceARN); an alarm's ARN is arn:aws:cloudwatch:Region:account-id:alarm:alarm-name.`);
  }
  const alarm = state.alarms.get(m[3] as string);
  if (alarm === undefined || alarm.arn !== arn) throw resourceNotFoundException(`Alarm ${m[3]} not found (ResourceARN ${arn}).`);
  return alarm;
}

function checkKey(key: string, member: string): void {
  if (key.toLowerCase().startsWith('aws:')) throw invalidValue(`The value ${key} for parameter ${member} is invalid: tag keys starting with aws: are reserved for AWS.`);
}

/** TagResource: adds or replaces tags, all or none. */
export function tagAlarm(state: CloudWatchState, arn: string, tags: ReadonlyArray<Checked<Tag>>): void {
  const alarm = alarmByArn(state, arn);
  tags.forEach((t, i) => checkKey(t.Key, `Tags.member.${i + 1}.Key`));
  const merged = new Map(alarm.tags.map((t) => [t.key, t.value]));
  for (const t of tags) merged.set(t.Key, t.Value);
  if (merged.size > MAX_TAGS) throw invalidValue(`An alarm can have at most ${MAX_TAGS} tags; this request would give it ${merged.size}.`);
  alarm.tags = [...merged].map(([key, value]) => ({ key, value }));
}

/** UntagResource: removes the keys the alarm has (others are ignored). */
export function untagAlarm(state: CloudWatchState, arn: string, keys: readonly string[]): void {
  const alarm = alarmByArn(state, arn);
  const drop = new Set(keys);
  alarm.tags = alarm.tags.filter((t) => !drop.has(t.key));
}

/** Checks the tags PutMetricAlarm creates an alarm with. */
export function checkNewTags(tags: ReadonlyArray<Checked<Tag>>): void {
  tags.forEach((t, i) => checkKey(t.Key, `Tags.member.${i + 1}.Key`));
  if (new Set(tags.map((t) => t.Key)).size > MAX_TAGS) throw invalidValue(`An alarm can have at most ${MAX_TAGS} tags; this request gives it ${tags.length}.`);
}
