/**
 * Numbers are read one way whether they come as query text or as JSON: Java's integer
 * syntax and range, finite decimal doubles, nothing else (issue 13, failure 9).
 */
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../../src/local';
import { decodeJson, decodeQuery, operationOf } from '../../../src/local/protocol/codec';
import { parseNumberText, readJsonNumber } from '../../../src/local/protocol/numbers';
import { PROFILES } from '../../../src/local/protocol/services';
import { clientConfig, failure, query, raw, serviceError, startTest, xmlText } from '../helpers';

const AS = PROFILES.autoscaling;
const CW = PROFILES.monitoring;

describe('the number parser', () => {
  test('integers: a sign and ASCII digits, as Integer.parseInt reads them, within int range', () => {
    expect(parseNumberText('1', 'integer')).toBe(1);
    expect(parseNumberText('+1', 'integer')).toBe(1);
    expect(Object.is(parseNumberText('-0', 'integer'), 0)).toBe(true);
    expect(parseNumberText('007', 'integer')).toBe(7);
    expect(parseNumberText('2147483647', 'integer')).toBe(2147483647);
    expect(parseNumberText('-2147483648', 'integer')).toBe(-2147483648);
    for (const bad of [' 1', '1 ', '1.0', '1e3', '0x10', '', '+', '١', '2147483648', '-2147483649', 'Infinity', 'NaN']) {
      expect([bad, parseNumberText(bad, 'integer')]).toEqual([bad, undefined]);
    }
    expect(parseNumberText('2147483648', 'long')).toBe(2147483648);
    expect(parseNumberText('9007199254740992', 'long')).toBeUndefined();
  });

  test('doubles: finite decimal numbers only', () => {
    expect(parseNumberText('80', 'double')).toBe(80);
    expect(parseNumberText('-0.5', 'double')).toBe(-0.5);
    expect(parseNumberText('1.5E7', 'double')).toBe(1.5e7);
    expect(parseNumberText('.5', 'double')).toBe(0.5);
    expect(parseNumberText('1e308', 'double')).toBe(1e308);
    for (const bad of ['1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', ' 1', '1 ', '0x10', '1d', '', '.', 'e5']) {
      expect([bad, parseNumberText(bad, 'double')]).toEqual([bad, undefined]);
    }
  });

  test('JSON numbers: the same ranges; strings and non-finite values are not numbers', () => {
    expect(readJsonNumber(JSON.parse('1e309') as unknown, 'double')).toBeUndefined();
    expect(readJsonNumber('Infinity', 'double')).toBeUndefined();
    expect(readJsonNumber('NaN', 'double')).toBeUndefined();
    expect(readJsonNumber('1', 'integer')).toBeUndefined();
    expect(readJsonNumber(1.5, 'integer')).toBeUndefined();
    expect(readJsonNumber(2 ** 31, 'integer')).toBeUndefined();
    expect(Object.is(readJsonNumber(-0, 'integer'), 0)).toBe(true);
    expect(readJsonNumber(85.5, 'double')).toBe(85.5);
  });
});

describe('numbers on the wire', () => {
  test('Auto Scaling refuses a padded integer and reads +1 and -0 as Java does', () => {
    const op = operationOf(AS, 'CreateAutoScalingGroup');
    expect(serviceError(() => decodeQuery(AS, op, new Map([['AutoScalingGroupName', 'g'], ['MinSize', ' 1'], ['MaxSize', '1']])))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value ' 1' at 'minSize' failed to satisfy constraint: Member must be an integer",
    });
    const input = decodeQuery(AS, op, new Map([['AutoScalingGroupName', 'g'], ['MinSize', '-0'], ['MaxSize', '+1']]));
    expect(Object.is(input.MinSize, 0)).toBe(true);
    expect(input.MaxSize).toBe(1);
  });

  test('CloudWatch refuses a threshold beyond a double, in query and JSON alike', () => {
    const op = operationOf(CW, 'PutMetricAlarm');
    const base = { AlarmName: 'a', MetricName: 'm', Namespace: 'n', Statistic: 'Average', Period: '60', EvaluationPeriods: '1', ComparisonOperator: 'GreaterThanThreshold' };
    expect(serviceError(() => decodeQuery(CW, op, new Map(Object.entries({ ...base, Threshold: '1e309' }))))).toEqual({
      code: 'InvalidParameterValue',
      status: 400,
      message: 'The value 1e309 for parameter Threshold is not a number.',
    });
    const json = JSON.parse('{"AlarmName":"a","MetricName":"m","Namespace":"n","Statistic":"Average","Period":60,"EvaluationPeriods":1,"ComparisonOperator":"GreaterThanThreshold","Threshold":1e309}') as unknown;
    expect(serviceError(() => decodeJson(CW, op, json))).toEqual({ code: 'InvalidParameterValue', status: 400, message: 'The value Infinity for parameter Threshold is not a number.' });
    expect(serviceError(() => decodeJson(CW, op, { ...base, Period: 60, EvaluationPeriods: 1, Threshold: 'Infinity' }))).toEqual({
      code: 'InvalidParameterValue',
      status: 400,
      message: 'The value Infinity for parameter Threshold is not a number.',
    });
  });

  describe('against a server', () => {
    test('an ELB policy attribute of type Long is a number as the wire reads one', async () => {
      const elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
      await elb.createLoadBalancer({ LoadBalancerName: 'lb', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], AvailabilityZones: ['us-east-1a'] });
      const policy = (value: string) => ({ LoadBalancerName: 'lb', PolicyName: `p${value.length}`, PolicyTypeName: 'LBCookieStickinessPolicyType', PolicyAttributes: [{ AttributeName: 'CookieExpirationPeriod', AttributeValue: value }] });
      const err = await failure(elb.createLoadBalancerPolicy(policy('abc')));
      expect([err.name, err.status, err.message]).toEqual(['InvalidConfigurationRequestException', 409, "The attribute CookieExpirationPeriod of policy type LBCookieStickinessPolicyType is a whole number; got 'abc'."]);
      expect((await failure(elb.createLoadBalancerPolicy(policy(' 60')))).name).toBe('InvalidConfigurationRequestException');
      await elb.createLoadBalancerPolicy(policy('600'));
      const described = await elb.describeLoadBalancers({ LoadBalancerNames: ['lb'] });
      expect(described.LoadBalancerDescriptions?.[0]?.Policies?.LBCookieStickinessPolicies).toEqual([{ PolicyName: 'p3', CookieExpirationPeriod: 600 }]);
    });

    let local: LocalEndpoint;
    beforeAll(async () => {
      local = await startTest();
    });
    afterAll(() => local.close());

    test('Threshold=1e309 is answered 400 and no alarm is stored', async () => {
      const res = await query(local.endpoint, {
        Action: 'PutMetricAlarm', Version: '2010-08-01', AlarmName: 'huge', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2',
        Statistic: 'Average', Period: '60', EvaluationPeriods: '1', Threshold: '1e309', ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(res.status).toBe(400);
      expect(xmlText(res.text, 'Code')).toBe('InvalidParameterValue');
      const body = '{"AlarmName":"huge","MetricName":"m","Namespace":"n","Statistic":"Average","Period":60,"EvaluationPeriods":1,"ComparisonOperator":"GreaterThanThreshold","Threshold":1e309}';
      const json = await raw(local.endpoint, { headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricAlarm' }, body });
      expect(json.status).toBe(400);
      expect(JSON.parse(json.text)).toEqual({ __type: 'com.amazonaws.cloudwatch#InvalidParameterValueException', message: 'The value Infinity for parameter Threshold is not a number.' });
      expect((await new CloudWatch(clientConfig(local.endpoint)).describeAlarms({})).MetricAlarms).toEqual([]);
      expect((await failure(new CloudWatch(clientConfig(local.endpoint)).putMetricAlarm({ AlarmName: 'nan', MetricName: 'm', Namespace: 'n', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanThreshold', Threshold: NaN }))).message).toBe(
        'The value NaN for parameter Threshold is not a number.',
      );
    });
  });
});
