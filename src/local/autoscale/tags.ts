/**
 * Group tags: CreateOrUpdateTags, DeleteTags and DescribeTags' filters.
 *
 * @module
 */
import type { Filter, Tag } from '@aws-sdk/client-auto-scaling';
import type { Checked } from '../typed';
import { groupNotFound, limitExceeded, validation } from './errors';
import type { GroupRecord, TagRecord } from './model';
import type { AutoScalingState } from './state';

/** Most tags a group may carry. */
export const MAX_TAGS = 50;

/** A tag as CreateAutoScalingGroup, CreateOrUpdateTags and DeleteTags give it. */
export type TagInput = Checked<Tag>;

/** Checks tags given for one group (resource type and reserved keys). */
export function checkTags(group: string, tags: readonly TagInput[]): void {
  for (const t of tags) {
    if (t.ResourceType !== undefined && t.ResourceType !== 'auto-scaling-group') {
      throw validation(`Invalid resource type: ${t.ResourceType}. The only valid resource type is auto-scaling-group.`);
    }
    if (t.ResourceId !== undefined && t.ResourceId !== group) {
      throw validation(`Tag resource id ${t.ResourceId} does not match AutoScalingGroup ${group}`);
    }
    if (t.Key.toLowerCase().startsWith('aws:')) {
      throw validation(`Tag keys starting with 'aws:' are reserved for internal use: ${t.Key}`);
    }
  }
  if (new Set(tags.map((t) => t.Key)).size > MAX_TAGS) {
    throw limitExceeded(`The number of tags for AutoScalingGroup ${group} would exceed the limit of ${MAX_TAGS}.`);
  }
}

function groupsOf(state: AutoScalingState, tags: readonly TagInput[]): Map<GroupRecord, TagInput[]> {
  const byGroup = new Map<GroupRecord, TagInput[]>();
  for (const t of tags) {
    if (t.ResourceId === undefined || t.ResourceId === '') throw validation('ResourceId is required for each tag.');
    const g = state.groups.get(t.ResourceId);
    if (g === undefined) throw groupNotFound(t.ResourceId);
    const list = byGroup.get(g) ?? [];
    list.push(t);
    byGroup.set(g, list);
  }
  return byGroup;
}

function sortTags(tags: TagRecord[]): void {
  tags.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** CreateOrUpdateTags: all-or-nothing over every group named. */
export function createOrUpdateTags(state: AutoScalingState, tags: readonly TagInput[]): void {
  const byGroup = groupsOf(state, tags);
  for (const [group, list] of byGroup) {
    checkTags(group.name, list);
    const keys = new Set([...group.tags.map((t) => t.key), ...list.map((t) => t.Key)]);
    if (keys.size > MAX_TAGS) {
      throw limitExceeded(`The number of tags for AutoScalingGroup ${group.name} would exceed the limit of ${MAX_TAGS}.`);
    }
  }
  for (const [group, list] of byGroup) {
    for (const t of list) {
      const record: TagRecord = { key: t.Key, value: t.Value ?? '', propagateAtLaunch: t.PropagateAtLaunch ?? false };
      const i = group.tags.findIndex((x) => x.key === t.Key);
      if (i >= 0) group.tags[i] = record;
      else group.tags.push(record);
    }
    sortTags(group.tags);
  }
}

/** DeleteTags: removes the keys named (a value, when given, must match). */
export function deleteTags(state: AutoScalingState, tags: readonly TagInput[]): void {
  const byGroup = groupsOf(state, tags);
  for (const [group, list] of byGroup) {
    group.tags = group.tags.filter((x) => !list.some((t) => t.Key === x.key && (t.Value === undefined || t.Value === x.value)));
  }
}


const FILTER_NAMES = ['auto-scaling-group', 'key', 'value', 'propagate-at-launch'];

/** Every tag of every group that passes the filters, in AWS's order (group, then key). */
export function describeTags(state: AutoScalingState, filters: ReadonlyArray<Checked<Filter>>): Array<{ group: string; tag: TagRecord }> {
  for (const f of filters) {
    if (!FILTER_NAMES.includes(f.Name ?? '')) {
      throw validation(`Filter type ${f.Name ?? ''} is not correct. Allowed Filter types are: auto-scaling-group key value propagate-at-launch`);
    }
  }
  const out: Array<{ group: string; tag: TagRecord }> = [];
  for (const name of state.sortedGroupNames()) {
    const group = state.groups.get(name);
    if (group === undefined) continue;
    for (const tag of group.tags) {
      const ok = filters.every((f) => {
        const values = f.Values ?? [];
        switch (f.Name) {
          case 'auto-scaling-group':
            return values.includes(name);
          case 'key':
            return values.includes(tag.key);
          case 'value':
            return values.includes(tag.value);
          default:
            // A Boolean (API Reference, Filter: "propagate-at-launch - Accepts a Boolean
            // value"), so True and TRUE match as true does.
            return values.some((v) => v.toLowerCase() === String(tag.propagateAtLaunch));
        }
      });
      if (ok) out.push({ group: name, tag });
    }
  }
  return out;
}
