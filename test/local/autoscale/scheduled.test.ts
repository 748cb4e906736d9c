import { nextCronTime, parseCron, type Cron } from '../../../src/local/autoscale/cron';
import { autoscaleEnv, type AutoScalingEnv } from './env';
import { T0, list } from './fakes';

function cron(text: string): Cron {
  const c = parseCron(text);
  if (c === undefined) throw new Error(`not a cron: ${text}`);
  return c;
}

function next(text: string, after: number, zone?: string): string | undefined {
  const t = nextCronTime(cron(text), after, zone);
  return t === undefined ? undefined : new Date(t).toISOString();
}

describe('cron recurrences', () => {
  test('the next run of common expressions (2026-01-01 is a Thursday)', () => {
    expect(next('0 9 * * *', T0)).toBe('2026-01-01T09:00:00.000Z');
    expect(next('*/15 * * * *', T0)).toBe('2026-01-01T00:15:00.000Z');
    expect(next('30 8 * * 1-5', T0 + 9 * 3_600_000)).toBe('2026-01-02T08:30:00.000Z');
    expect(next('0 0 * * SAT', T0)).toBe('2026-01-03T00:00:00.000Z');
    expect(next('0 0 * * 7', T0)).toBe('2026-01-04T00:00:00.000Z');
    expect(next('0 12 1 FEB *', T0)).toBe('2026-02-01T12:00:00.000Z');
    expect(next('0 0 29 2 *', T0)).toBe('2028-02-29T00:00:00.000Z');
    expect(next('0 0 30 2 *', T0)).toBeUndefined();
    // Day of month and day of week both restricted: either matches.
    expect(next('0 0 15 * MON', T0)).toBe('2026-01-05T00:00:00.000Z');
    expect(next('5,10 1-2/1 * * *', T0)).toBe('2026-01-01T01:05:00.000Z');
  });

  test('a time zone moves the wall clock', () => {
    expect(next('0 9 * * *', T0, 'America/New_York')).toBe('2026-01-01T14:00:00.000Z');
    expect(next('0 9 * * *', Date.UTC(2026, 6, 1), 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
  });

  test.each(['', '* * * *', '60 * * * *', '* 24 * * *', '* * 0 * *', '* * * 13 *', '* * * * 8', '*/0 * * * *', '5-1 * * * *', 'a * * * *', '1/2/3 * * * *'])(
    '%j is not a cron expression',
    (text) => {
      expect(parseCron(text)).toBeUndefined();
    },
  );
});

function withGroup(): AutoScalingEnv {
  const env = autoscaleEnv();
  env.launchConfig();
  env.group('web', 1, 4, 1);
  return env;
}

describe('scheduled actions', () => {
  test('a one-off action fires at its start time with AWS cause, then is gone', () => {
    const env = withGroup();
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'burst', StartTime: new Date(T0 + 5 * 60_000), MinSize: 2, MaxSize: 6, DesiredCapacity: 3 });
    const [action] = list(env.call('DescribeScheduledActions', { AutoScalingGroupName: 'web' }).ScheduledUpdateGroupActions);
    expect(action).toEqual({
      AutoScalingGroupName: 'web',
      ScheduledActionName: 'burst',
      ScheduledActionARN: expect.stringMatching(/^arn:aws:autoscaling:us-east-1:123456789012:scheduledUpdateGroupAction:[0-9a-f-]{36}:autoScalingGroupName\/web:scheduledActionName\/burst$/),
      Time: new Date(T0 + 5 * 60_000),
      StartTime: new Date(T0 + 5 * 60_000),
      MinSize: 2,
      MaxSize: 6,
      DesiredCapacity: 3,
    });
    env.advance('4m50s');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(1);
    env.advance('10s');
    const g = env.state.groups.get('web');
    expect([g?.minSize, g?.maxSize, g?.desiredCapacity]).toEqual([2, 6, 3]);
    const [launch] = list(env.call('DescribeScalingActivities', { AutoScalingGroupName: 'web' }).Activities);
    expect(String(launch?.Cause)).toMatch(
      /^At 2026-01-01T00:05:00Z a scheduled action update of AutoScalingGroup constraints to min: 2, max: 6, desired: 3 changing the desired capacity from 1 to 3\. {2}At 2026-01-01T00:05:00Z an instance was started/,
    );
    expect(list(env.call('DescribeScheduledActions').ScheduledUpdateGroupActions)).toEqual([]);
  });

  test('a recurring action fires on each occurrence and shows its next run; it stops after its end time', () => {
    const env = withGroup();
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'up', Recurrence: '0 9 * * *', DesiredCapacity: 3, EndTime: new Date(T0 + 36 * 3_600_000) });
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'down', Recurrence: '0 18 * * *', DesiredCapacity: 1 });
    const starts = (): unknown[] => list(env.call('DescribeScheduledActions').ScheduledUpdateGroupActions).map((a) => [a.ScheduledActionName, a.StartTime]);
    expect(starts()).toEqual([
      ['down', new Date('2026-01-01T18:00:00Z')],
      ['up', new Date('2026-01-01T09:00:00Z')],
    ]);
    env.advance('9h');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(3);
    env.advance('9h');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(1);
    env.advance('15h');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(3);
    expect(starts()).toEqual([['down', new Date('2026-01-02T18:00:00Z')]]);
  });

  test('a recurrence with a start time runs first at the start time', () => {
    const env = withGroup();
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'r', Recurrence: '0 * * * *', StartTime: new Date(T0 + 90 * 60_000), DesiredCapacity: 2 });
    expect(list(env.call('DescribeScheduledActions').ScheduledUpdateGroupActions)[0]?.StartTime).toEqual(new Date(T0 + 90 * 60_000));
    env.advance('90m');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(2);
    expect(list(env.call('DescribeScheduledActions').ScheduledUpdateGroupActions)[0]?.StartTime).toEqual(new Date(T0 + 120 * 60_000));
  });

  test('ScheduledActions suspended: occurrences in the meantime are skipped', () => {
    const env = withGroup();
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'r', Recurrence: '0 * * * *', DesiredCapacity: 2 });
    env.call('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['ScheduledActions'] });
    env.advance('1h');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(1);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['ScheduledActions'] });
    env.advance('1h');
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(2);
  });

  test.each([
    [{ Recurrence: '0 25 * * *' }, 'Given recurrence string is invalid: 0 25 * * *'],
    [{ StartTime: new Date(T0 - 1000) }, 'Given start time is in the past'],
    [{ Recurrence: '0 9 * * *', EndTime: new Date(T0 - 1000) }, 'Given end time is in the past'],
    [{ StartTime: new Date(T0 + 2000), EndTime: new Date(T0 + 1000) }, 'Start time must be before end time'],
    [{ StartTime: new Date(T0 + 1000), DesiredCapacity: undefined }, 'At least one of MinSize, MaxSize or DesiredCapacity must be specified.'],
    [{ StartTime: new Date(T0 + 1000), MinSize: 3, MaxSize: 2 }, 'Max bound, 2, must be greater than or equal to min bound, 3'],
    [{ Recurrence: '0 9 * * *', TimeZone: 'Mars/Olympus' }, 'Invalid time zone: Mars/Olympus'],
    [{}, 'A scheduled action needs a start time or a recurrence.'],
    [{ AutoScalingGroupName: 'nope', StartTime: new Date(T0 + 1000) }, 'AutoScalingGroup name not found - AutoScalingGroup: nope not found'],
  ])('%j is a ValidationError', (extra, message) => {
    const env = withGroup();
    const err = env.fail('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 's', DesiredCapacity: 2, ...extra });
    expect([err.code, err.status, err.message]).toEqual(['ValidationError', 400, message]);
  });

  test('DeleteScheduledAction', () => {
    const env = withGroup();
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 's', Recurrence: '0 9 * * *', DesiredCapacity: 2 });
    env.call('DeleteScheduledAction', { AutoScalingGroupName: 'web', ScheduledActionName: 's' });
    expect(list(env.call('DescribeScheduledActions').ScheduledUpdateGroupActions)).toEqual([]);
    const err = env.fail('DeleteScheduledAction', { AutoScalingGroupName: 'web', ScheduledActionName: 's' });
    expect([err.code, err.message]).toEqual(['ValidationError', 'Scheduled action name not found - s']);
  });
});
