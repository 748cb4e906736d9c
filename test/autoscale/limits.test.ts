import { inspect } from 'node:util';
import { AccountLimits } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

describe('getAccountLimits', () => {
  test('parses the limits and use; prints as boto2', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAccountLimits', `
      <NumberOfLaunchConfigurations>5</NumberOfLaunchConfigurations>
      <MaxNumberOfLaunchConfigurations>100</MaxNumberOfLaunchConfigurations>
      <NumberOfAutoScalingGroups>3</NumberOfAutoScalingGroups>
      <MaxNumberOfAutoScalingGroups>20</MaxNumberOfAutoScalingGroups>`);
    const limits = await conn.getAccountLimits();
    expect(wire.last.params).toEqual(sent('DescribeAccountLimits'));
    expect(limits).toBeInstanceOf(AccountLimits);
    expect(limits.connection).toBe(conn);
    expect({ ...limits }).toEqual({
      maxAutoscalingGroups: 20, maxLaunchConfigurations: 100, numberOfAutoscalingGroups: 3, numberOfLaunchConfigurations: 5, requestId: 'req-0001',
    });
    expect(String(limits)).toBe('AccountLimits: [20, 100]');
    expect(inspect(limits)).toBe('AccountLimits: [20, 100]');
    expect(String(new AccountLimits())).toBe('AccountLimits: [None, None]');
  });
});
