/**
 * `botoscale local --limits groups=…,launch-configurations=…,load-balancers=…,vcpus=…`:
 * the account quotas on the command line, read with commander, bad values refused.
 */
import { EventEmitter } from 'node:events';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { EC2 } from '@aws-sdk/client-ec2';
import { main } from '../../src/local/cli';
import { parseLimits } from '../../src/local/limits-option';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure } from './helpers';

function start(argv: string[]): { code: Promise<number>; err: string[]; signals: EventEmitter; listening: Promise<LocalEndpoint> } {
  const err: string[] = [];
  const signals = new EventEmitter();
  let onListening: (l: LocalEndpoint) => void = () => undefined;
  const listening = new Promise<LocalEndpoint>((resolve) => (onListening = resolve));
  const code = main(argv, { stdout: () => undefined, stderr: (t) => err.push(t), signals, onListening });
  return { code, err, signals, listening };
}

test('parseLimits reads every limit, in any order', () => {
  expect(parseLimits('groups=500,launch-configurations=600,load-balancers=30,vcpus=4096')).toEqual({ autoScalingGroups: 500, launchConfigurations: 600, loadBalancers: 30, vcpus: 4096 });
  expect(parseLimits('vcpus=0')).toEqual({ vcpus: 0 });
});

test('--limits sets the quotas of the simulated account', async () => {
  const run = start(['local', '--port', '0', '--limits', 'groups=1,vcpus=2']);
  const local = await run.listening;
  try {
    const ec2 = new EC2(clientConfig(local.endpoint));
    expect((await ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })).Instances).toHaveLength(1);
    expect((await failure(ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }))).name).toBe('VcpuLimitExceeded');
    const as = new AutoScaling(clientConfig(local.endpoint));
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'one', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
    const second = await failure(as.createAutoScalingGroup({ AutoScalingGroupName: 'two', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }));
    expect(second.code).toBe('LimitExceeded');
  } finally {
    run.signals.emit('SIGTERM');
    expect(await run.code).toBe(0);
  }
});

test('bad --limits exit 1 naming the problem', async () => {
  const usage = 'give name=number pairs separated by commas, the names being groups, launch-configurations, load-balancers and vcpus (groups=500,vcpus=4096)';
  const cases: Array<[string, string]> = [
    ['cpus=4', `unknown limit 'cpus': ${usage}.`],
    ['vcpus', `unknown limit 'vcpus': ${usage}.`],
    ['vcpus=-1', "the limit vcpus must be a whole number, 0 or more, got '-1'."],
    ['groups=1e3', "the limit groups must be a whole number, 0 or more, got '1e3'."],
    ['groups=', "the limit groups must be a whole number, 0 or more, got ''."],
    ['groups=1,groups=2', 'the limit groups is given twice.'],
  ];
  for (const [value, message] of cases) {
    const run = start(['local', '--port', '0', '--limits', value]);
    expect({ value, code: await run.code, err: run.err.join('') }).toEqual({ value, code: 1, err: `error: option '--limits <list>' argument '${value}' is invalid. ${message}\n` });
  }
});
