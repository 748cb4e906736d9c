/**
 * Builds current states for planner tests: what AWS holds after the file was applied,
 * which a test then edits to make one thing differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatConfigError } from '../../src/ctl/config/errors';
import { parseConfig } from '../../src/ctl/config/load';
import { launchConfigName, NOTIFICATION_TYPES } from '../../src/ctl/model/naming';
import { emptyState, stateKey, type CurrentState, type DesiredState } from '../../src/ctl/model/types';
import { desiredTags } from '../../src/ctl/plan/plan';

/** The desired model of a YAML text (throws on errors). */
export function desired(text: string): DesiredState {
  const r = parseConfig(text, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
  return r.config.desired;
}

/** The fixture's text. */
export function fixtureText(name = 'autoscale.yaml'): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

/** The ARN AWS would give a policy. */
export function policyArn(group: string, name: string): string {
  return `arn:aws:autoscaling:us-west-1:123456789012:scalingPolicy:0000:autoScalingGroupName/${group}:policyName/${name}`;
}

/** The state AWS is in after `d` was applied (launch configurations `<group>-<n>`). */
export function appliedState(d: DesiredState, n = 1): CurrentState {
  const s = emptyState();
  for (const g of d.groups) {
    const lc = launchConfigName(g.name, n);
    s.launchConfigs.set(lc, { name: lc, ...structuredClone(g.launchConfig) });
    s.groups.set(g.name, {
      name: g.name,
      launchConfigName: lc,
      minSize: g.minSize,
      maxSize: g.maxSize,
      desiredCapacity: g.capacity ?? g.minSize,
      zones: [...g.zones],
      subnets: [...g.subnets],
      loadBalancers: [...g.loadBalancers],
      healthCheckType: g.healthCheckType ?? 'EC2',
      healthCheckPeriod: g.healthCheckPeriod ?? 0,
      defaultCooldown: g.defaultCooldown ?? 300,
      terminationPolicies: g.terminationPolicies ?? ['Default'],
      tags: desiredTags(g),
      instanceCount: g.capacity ?? g.minSize,
    });
    for (const p of g.policies) {
      s.policies.set(stateKey(g.name, p.name), { ...p, cooldown: p.cooldown ?? 300, arn: policyArn(g.name, p.name), alarmNames: g.alarms.filter((a) => a.policy === p.name).map((a) => a.name) });
    }
    for (const a of g.alarms) {
      const { group: _g, policy, ...settings } = a;
      s.alarms.set(a.name, { ...structuredClone(settings), alarmActions: [policyArn(g.name, policy)] });
    }
    for (const sa of g.scheduledActions) s.scheduled.set(stateKey(g.name, sa.name), { ...sa });
    if (g.notificationTopic !== undefined) s.notifications.set(g.name, new Map([[g.notificationTopic, [...NOTIFICATION_TYPES]]]));
  }
  for (const lb of d.loadBalancers) {
    s.loadBalancers.set(lb.name, {
      name: lb.name,
      zones: [...lb.zones],
      subnets: [...lb.subnets],
      securityGroups: [...lb.securityGroups],
      scheme: lb.scheme,
      listeners: lb.listeners.map((l) => ({
        ...l,
        instanceProtocol: l.instanceProtocol ?? l.protocol,
        policyNames: lb.stickiness !== undefined && (l.protocol === 'HTTP' || l.protocol === 'HTTPS') ? ['autoscalectl-stickiness'] : [],
      })),
      ...(lb.healthCheck === undefined ? {} : { healthCheck: { ...lb.healthCheck } }),
      lbCookiePolicies: [
        { name: 'autoscalectl-managed' },
        ...(lb.stickiness?.type === 'lb' ? [{ name: 'autoscalectl-stickiness', ...(lb.stickiness.expiration === undefined ? {} : { expiration: lb.stickiness.expiration }) }] : []),
      ],
      appCookiePolicies: lb.stickiness?.type === 'app' ? [{ name: 'autoscalectl-stickiness', cookieName: lb.stickiness.cookieName }] : [],
      attributes: { crossZone: lb.crossZone ?? false, connectionDraining: lb.connectionDraining ?? { enabled: false, timeout: 300 } },
      managed: true,
    });
  }
  return s;
}
