/**
 * Seed 000/001: the two CloudWatch alarms that drive the tutorial's scaling policies,
 * written as the tutorial writes them (threshold and period as strings) and sent with
 * createAlarm.
 */
import { inspect } from 'node:util';
import * as cloudwatch from '../../src/cloudwatch';
import { MetricAlarm } from '../../src/cloudwatch';
import { ACCESS_KEY, alarmJson, cwHandler, cwOnWire, ok, SCALE_DOWN_ARN, SCALE_UP_ARN, SECRET_KEY, target } from '../helpers/cloudwatch';
import { WireMock } from '../helpers/wire';

describe('the tutorial alarms (seeds 000 and 001)', () => {
  test('scale_up_on_cpu and scale_down_on_cpu go out exactly as AWS expects them', async () => {
    const { wire, conn } = cwOnWire();
    const alarmDimensions = { AutoScalingGroupName: 'my_group' };
    const scaleUpAlarm = new MetricAlarm({
      name: 'scale_up_on_cpu', namespace: 'AWS/EC2',
      metric: 'CPUUtilization', statistic: 'Average',
      comparison: '>', threshold: '70',
      period: '60', evaluationPeriods: 2,
      alarmActions: [SCALE_UP_ARN],
      dimensions: alarmDimensions,
    });
    expect(String(scaleUpAlarm)).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]');
    expect(scaleUpAlarm.threshold).toBe(70);
    expect(scaleUpAlarm.period).toBe(60);
    expect(scaleUpAlarm.comparison).toBe('>');
    expect(scaleUpAlarm.comparisonOperator).toBe('GreaterThanThreshold');
    expect(scaleUpAlarm.connection).toBeUndefined();

    ok(wire);
    await expect(conn.createAlarm(scaleUpAlarm)).resolves.toBe(true);
    expect(wire.last.method).toBe('POST');
    expect(wire.last.path).toBe('/');
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(wire.last.json).toEqual({
      AlarmName: 'scale_up_on_cpu',
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Average',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 70,
      EvaluationPeriods: 2,
      Period: 60,
      AlarmActions: [SCALE_UP_ARN],
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    });
    expect(scaleUpAlarm.connection).toBe(conn);

    const scaleDownAlarm = new MetricAlarm({
      name: 'scale_down_on_cpu', namespace: 'AWS/EC2',
      metric: 'CPUUtilization', statistic: 'Average',
      comparison: '<', threshold: '40',
      period: '60', evaluationPeriods: 2,
      alarmActions: [SCALE_DOWN_ARN],
      dimensions: alarmDimensions,
    });
    ok(wire);
    await expect(conn.createAlarm(scaleDownAlarm)).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.json).toEqual({
      AlarmName: 'scale_down_on_cpu',
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Average',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 40,
      EvaluationPeriods: 2,
      Period: 60,
      AlarmActions: [SCALE_DOWN_ARN],
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    });
    expect(String(scaleDownAlarm)).toBe('MetricAlarm:scale_down_on_cpu[CPUUtilization(Average) < 40.0]');
    expect(wire.requests).toHaveLength(2);
    expect(wire.pending).toBe(0);
  });

  test("connect_to_region('us-west-2') as in the tutorial: signed for monitoring in us-west-2, and the alarms read back", async () => {
    const wire = new WireMock();
    const conn = cloudwatch.connectToRegion('us-west-2', { credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, requestHandler: cwHandler(wire), env: {} });
    expect(String(conn)).toBe('CloudWatchConnection:monitoring.us-west-2.amazonaws.com');
    wire.replyJson({
      MetricAlarms: [
        alarmJson({ name: 'scale_down_on_cpu', comparison: 'LessThanThreshold', threshold: 40, actions: [SCALE_DOWN_ARN] }),
        alarmJson(),
      ],
    });
    const alarms = await conn.describeAlarms();
    expect(inspect(alarms)).toBe('[\n  MetricAlarm:scale_down_on_cpu[CPUUtilization(Average) < 40.0],\n  MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]\n]');
    expect(wire.last.headers.host).toBe('monitoring.us-west-2.amazonaws.com');
    expect(wire.last.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/monitoring\/aws4_request/);
    expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarms'));
    expect(wire.last.json).toEqual({});
  });
});
