import {
  alarmName, isAlarmOf, isValidGroupName, isValidPolicyName, launchConfigName, launchConfigNumber, policyName, policyOf,
} from '../../src/ctl/model/naming';

test('launch configurations are <group>-<n>', () => {
  expect(launchConfigName('backend', 1)).toBe('backend-1');
  expect(launchConfigNumber('backend', 'backend-12')).toBe(12);
  expect(launchConfigNumber('backend', 'backend-')).toBeUndefined();
  expect(launchConfigNumber('backend', 'backend-1-2')).toBeUndefined();
  expect(launchConfigNumber('backend', 'backend-tools')).toBeUndefined();
  expect(launchConfigNumber('backend', 'frontend-1')).toBeUndefined();
  expect(launchConfigNumber('backend', undefined)).toBeUndefined();
  // A group whose name ends in -<n> has its own launch configurations, not its prefix's.
  expect(launchConfigNumber('web-1', 'web-1-3')).toBe(3);
  expect(launchConfigNumber('web', 'web-1-3')).toBeUndefined();
});

test('policies are <group>|<policy>, alarms <group>|<policy>|<metric>', () => {
  expect(policyName('backend', 'scale_up')).toBe('backend|scale_up');
  expect(policyOf('backend', 'backend|scale_up')).toBe('scale_up');
  expect(policyOf('backend', 'backend|')).toBeUndefined();
  expect(policyOf('backend', 'backend|a|b')).toBeUndefined();
  expect(policyOf('backend', 'scale_up')).toBeUndefined();
  expect(alarmName('backend', 'scale_up', 'CPUUtilization')).toBe('backend|scale_up|CPUUtilization');
  expect(isAlarmOf('backend', 'backend|scale_up|CPUUtilization')).toBe(true);
  expect(isAlarmOf('backend', 'backend|scale_up')).toBe(false);
  expect(isAlarmOf('backend', 'backend||CPUUtilization')).toBe(false);
  expect(isAlarmOf('back', 'backend|scale_up|CPUUtilization')).toBe(false);
});

test('names the rules can use: no "|", room for the suffixes', () => {
  expect(isValidGroupName('backend')).toBe(true);
  expect(isValidGroupName('a|b')).toBe(false);
  expect(isValidGroupName('')).toBe(false);
  expect(isValidGroupName('x'.repeat(240))).toBe(true);
  expect(isValidGroupName('x'.repeat(241))).toBe(false);
  expect(isValidPolicyName('scale_up')).toBe(true);
  expect(isValidPolicyName('a|b')).toBe(false);
});
