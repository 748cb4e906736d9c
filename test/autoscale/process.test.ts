import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { AutoScalingGroup, ProcessType, SuspendedProcess, TerminationPolicies } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

describe('scaling processes', () => {
  test('getAllScalingProcessTypes parses the process names', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeScalingProcessTypes', `<Processes>
      <member><ProcessName>AZRebalance</ProcessName></member>
      <member><ProcessName>AddToLoadBalancer</ProcessName></member>
      <member><ProcessName>AlarmNotification</ProcessName></member>
      <member><ProcessName>HealthCheck</ProcessName></member>
      <member><ProcessName>Launch</ProcessName></member>
      <member><ProcessName>ReplaceUnhealthy</ProcessName></member>
      <member><ProcessName>ScheduledActions</ProcessName></member>
      <member><ProcessName>Terminate</ProcessName></member>
    </Processes>`);
    const page = await conn.getAllScalingProcessTypes();
    expect(wire.last.params).toEqual(sent('DescribeScalingProcessTypes'));
    expect(page.map((p) => p.processName)).toEqual(['AZRebalance', 'AddToLoadBalancer', 'AlarmNotification', 'HealthCheck', 'Launch',
      'ReplaceUnhealthy', 'ScheduledActions', 'Terminate']);
    expect(page[0]).toBeInstanceOf(ProcessType);
    expect(page[0]?.connection).toBe(conn);
    expect(String(page[4])).toBe('ProcessType(Launch)');
    expect(inspect(page.slice(0, 2))).toBe('[ ProcessType(AZRebalance), ProcessType(AddToLoadBalancer) ]');
    expect(inspect(page).startsWith('[\n  ProcessType(AZRebalance),\n')).toBe(true);
  });

  test('suspendProcesses and resumeProcesses by name or group, some or all', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'SuspendProcesses');
    const req = await conn.suspendProcesses('my_group', { scalingProcesses: ['AlarmNotification'] });
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('SuspendProcesses', { AutoScalingGroupName: 'my_group', 'ScalingProcesses.member.1': 'AlarmNotification' }));
    reply(wire, 'SuspendProcesses');
    await conn.suspendProcesses(new AutoScalingGroup({ name: 'g' }));
    expect(wire.last.params).toEqual(sent('SuspendProcesses', { AutoScalingGroupName: 'g' }));
    reply(wire, 'ResumeProcesses');
    await conn.resumeProcesses('my_group', { scalingProcesses: ['Launch', 'Terminate'] });
    expect(wire.last.params).toEqual(sent('ResumeProcesses', {
      AutoScalingGroupName: 'my_group', 'ScalingProcesses.member.1': 'Launch', 'ScalingProcesses.member.2': 'Terminate',
    }));
    reply(wire, 'ResumeProcesses');
    await conn.resumeProcesses('my_group');
    expect(wire.last.params).toEqual(sent('ResumeProcesses', { AutoScalingGroupName: 'my_group' }));
  });

  test('validation: group required, process list non-empty when given', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.suspendProcesses('g', { scalingProcesses: [] })).rejects.toThrow(new BotoClientError('scalingProcesses must list at least one item'));
    await expect(conn.resumeProcesses('g', { scalingProcesses: [] })).rejects.toThrow(new BotoClientError('scalingProcesses must list at least one item'));
    await expect(conn.suspendProcesses('')).rejects.toThrow(new BotoClientError('asGroup is required'));
    await expect(conn.resumeProcesses(new AutoScalingGroup())).rejects.toThrow(new BotoClientError('asGroup is required'));
    expect(wire.requests).toHaveLength(0);
  });

  test('SuspendedProcess and ProcessType repr with missing values', () => {
    expect(String(new SuspendedProcess({ processName: 'Launch' }))).toBe('SuspendedProcess(Launch, None)');
    expect(inspect(new ProcessType())).toBe('ProcessType(None)');
  });
});

describe('getTerminationPolicies', () => {
  test('returns a TerminationPolicies list printing as boto2', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeTerminationPolicyTypes', `<TerminationPolicyTypes>
      <member>ClosestToNextInstanceHour</member><member>Default</member><member>NewestInstance</member>
      <member>OldestInstance</member><member>OldestLaunchConfiguration</member>
    </TerminationPolicyTypes>`);
    const policies = await conn.getTerminationPolicies();
    expect(wire.last.params).toEqual(sent('DescribeTerminationPolicyTypes'));
    expect(policies).toBeInstanceOf(TerminationPolicies);
    expect([...policies]).toEqual(['ClosestToNextInstanceHour', 'Default', 'NewestInstance', 'OldestInstance', 'OldestLaunchConfiguration']);
    expect(String(policies)).toBe("['ClosestToNextInstanceHour', 'Default', 'NewestInstance', 'OldestInstance', 'OldestLaunchConfiguration']");
    expect(inspect(policies)).toBe(String(policies));
    expect(policies.filter((p) => p.startsWith('Oldest'))).not.toBeInstanceOf(TerminationPolicies);
    const g = new AutoScalingGroup({ name: 'g', terminationPolicies: policies.slice(0, 1) });
    expect(g.terminationPolicies).toEqual(['ClosestToNextInstanceHour']);
  });

  test('an empty list and quoting print as Python would', () => {
    expect(String(new TerminationPolicies())).toBe('[]');
    expect(String(TerminationPolicies.fromNames(["it's", 'a"b'])))
      .toBe(`["it's", 'a"b']`);
  });
});
