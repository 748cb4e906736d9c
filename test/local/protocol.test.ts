/**
 * The protocol layer on its own: query and EC2 parameters and JSON bodies read against
 * the models, the model's checks with each service's error wording, and the XML and
 * JSON answers.
 */
import { ServiceError } from '../../src/local/errors';
import { decodeJson, decodeQuery, encodeError, encodeOutput, operationOf, unknownAction } from '../../src/local/protocol/codec';
import { MalformedFormError, parseForm } from '../../src/local/protocol/form';
import type { ServiceModel } from '../../src/local/protocol/model';
import { readQueryInput } from '../../src/local/protocol/query-input';
import { PROFILES, parseTarget } from '../../src/local/protocol/services';
import { isoMillis, isoSeconds, parseTimestamp } from '../../src/local/protocol/timestamps';
import { escapeXml, queryResponseXml } from '../../src/local/protocol/xml';
import type { WireObject } from '../../src/local/types';
import { serviceError } from './helpers';

const AS = PROFILES.autoscaling;
const CW = PROFILES.monitoring;
const EC2 = PROFILES.ec2;
const ELB = PROFILES.elasticloadbalancing;

function q(params: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(params));
}

describe('form decoding', () => {
  test('pairs, plus as space, percent escapes, empty values, later duplicates win', () => {
    expect([...parseForm('Action=X&A=a+b%2Bc&B=&C&A.member.1=%E2%82%AC&D=1&D=2')]).toEqual([
      ['Action', 'X'],
      ['A', 'a b+c'],
      ['B', ''],
      ['C', ''],
      ['A.member.1', '€'],
      ['D', '2'],
    ]);
  });

  test('a broken percent escape is an error, not a replacement character', () => {
    expect(() => parseForm('A=%E2%82')).toThrow(MalformedFormError);
    expect(() => parseForm('A=%zz')).toThrow("cannot decode '%zz'");
  });
});

describe('timestamps', () => {
  test('ISO 8601 with or without zone, fraction or seconds, and epoch seconds', () => {
    expect(parseTimestamp('2026-01-02T03:04:05Z')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseTimestamp('2026-01-02T03:04:05')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseTimestamp('2026-01-02T03:04:05.123456Z')?.toISOString()).toBe('2026-01-02T03:04:05.123Z');
    expect(parseTimestamp('2026-01-02T03:04Z')?.toISOString()).toBe('2026-01-02T03:04:00.000Z');
    expect(parseTimestamp('2026-01-02T03:04:05+02:00')?.toISOString()).toBe('2026-01-02T01:04:05.000Z');
    expect(parseTimestamp('2026-01-02T03:04:05-0130')?.toISOString()).toBe('2026-01-02T04:34:05.000Z');
    expect(parseTimestamp('2026-01-02')?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(parseTimestamp('1767225600')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseTimestamp('1767225600.5')?.toISOString()).toBe('2026-01-01T00:00:00.500Z');
  });

  test('impossible dates and other text are not timestamps', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-13-01', 'tomorrow', '', '2026-01-01T25:00:00Z']) expect(parseTimestamp(bad)).toBeUndefined();
  });

  test('answers carry milliseconds', () => {
    expect(isoMillis(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000Z');
    expect(isoMillis(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 7)))).toBe('2026-01-01T00:00:00.007Z');
  });

  test('the members AWS writes in whole seconds carry no fraction', () => {
    expect(isoSeconds(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00Z');
    expect(isoSeconds(new Date(Date.UTC(2026, 0, 1, 0, 0, 5, 999)))).toBe('2026-01-01T00:00:05Z');
  });
});

describe('reading query requests', () => {
  test('Auto Scaling: member lists, nested structures, integers, booleans', () => {
    const op = operationOf(AS, 'CreateAutoScalingGroup');
    const input = decodeQuery(
      AS,
      op,
      q({
        Action: 'CreateAutoScalingGroup',
        Version: '2011-01-01',
        AutoScalingGroupName: 'g',
        MinSize: '1',
        MaxSize: '+4',
        AvailabilityZones: '',
        'LoadBalancerNames.member.2': 'lb-b',
        'LoadBalancerNames.member.1': 'lb-a',
        'LoadBalancerNames.member.10': 'lb-j',
        'Tags.member.1.Key': 'k',
        'Tags.member.1.Value': 'v',
        'Tags.member.1.PropagateAtLaunch': 'True',
        'LaunchTemplate.LaunchTemplateName': 'my-template',
        NewInstancesProtectedFromScaleIn: 'false',
        Unknown: 'ignored',
      }),
    );
    expect(input).toEqual({
      AutoScalingGroupName: 'g',
      LaunchTemplate: { LaunchTemplateName: 'my-template' },
      MinSize: 1,
      MaxSize: 4,
      AvailabilityZones: [],
      LoadBalancerNames: ['lb-a', 'lb-b', 'lb-j'],
      Tags: [{ Key: 'k', Value: 'v', PropagateAtLaunch: true }],
      NewInstancesProtectedFromScaleIn: false,
    });
  });

  test('timestamps and doubles', () => {
    const input = decodeQuery(
      CW,
      operationOf(CW, 'PutMetricData'),
      q({ Namespace: 'App', 'MetricData.member.1.MetricName': 'm', 'MetricData.member.1.Value': '1.5e2', 'MetricData.member.1.Timestamp': '2026-01-01T00:01:00Z', 'MetricData.member.1.Dimensions.member.1.Name': 'd', 'MetricData.member.1.Dimensions.member.1.Value': 'x' }),
    );
    expect(input).toEqual({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 150, Timestamp: new Date(Date.UTC(2026, 0, 1, 0, 1)), Dimensions: [{ Name: 'd', Value: 'x' }] }] });
  });

  test('EC2: capitalised location names, flattened lists, filters', () => {
    const input = decodeQuery(
      EC2,
      operationOf(EC2, 'DescribeInstances'),
      q({ 'InstanceId.1': 'i-1', 'InstanceId.2': 'i-2', 'Filter.1.Name': 'instance-state-name', 'Filter.1.Value.1': 'running', 'Filter.1.Value.2': 'pending', MaxResults: '5', DryRun: 'false' }),
    );
    expect(input).toEqual({ InstanceIds: ['i-1', 'i-2'], Filters: [{ Name: 'instance-state-name', Values: ['running', 'pending'] }], MaxResults: 5, DryRun: false });
  });

  test('maps (entry.N.key / entry.N.value) and flattened lists from the model', () => {
    const model: ServiceModel = {
      source: 'test',
      metadata: { apiVersion: '1', endpointPrefix: 't', protocol: 'query' },
      operations: {},
      shapes: {
        In: { type: 'structure', members: { Attrs: { shape: 'Attrs' }, Flat: { shape: 'Flat', flattened: true }, Named: { shape: 'Named' } } },
        Attrs: { type: 'map', key: { shape: 'S' }, value: { shape: 'I' } },
        Flat: { type: 'list', member: { shape: 'S' } },
        Named: { type: 'list', member: { shape: 'S', locationName: 'item' } },
        S: { type: 'string' },
        I: { type: 'integer' },
      },
    };
    const read = readQueryInput(model, 'query', { shape: 'In' }, q({ 'Attrs.entry.1.key': 'a', 'Attrs.entry.1.value': '1', 'Attrs.entry.2.key': 'b', 'Attrs.entry.2.value': '2', 'Flat.1': 'x', 'Flat.2': 'y', 'Named.item.1': 'z' }));
    expect(read).toEqual({ input: { Attrs: { a: 1, b: 2 }, Flat: ['x', 'y'], Named: ['z'] }, problems: [] });
  });

  test('JSON bodies: member names, epoch-second timestamps, unknown members ignored', () => {
    const input = decodeJson(CW, operationOf(CW, 'GetMetricStatistics'), {
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      StartTime: 1767225600,
      EndTime: 1767225660.5,
      Period: 60,
      Statistics: ['Average'],
      Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
      NotInTheModel: true,
    });
    expect(input).toEqual({
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
      StartTime: new Date(Date.UTC(2026, 0, 1)),
      EndTime: new Date(Date.UTC(2026, 0, 1, 0, 1, 0, 500)),
      Period: 60,
      Statistics: ['Average'],
    });
  });
});

describe('input errors, as each service words them', () => {
  test('Auto Scaling: one ValidationError listing every violation, members named as AWS does', () => {
    const op = operationOf(AS, 'CreateAutoScalingGroup');
    expect(serviceError(() => decodeQuery(AS, op, q({ AutoScalingGroupName: 'g', MinSize: '1' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value null at 'maxSize' failed to satisfy constraint: Member must not be null",
    });
    expect(serviceError(() => decodeQuery(AS, op, q({ AutoScalingGroupName: '', MinSize: 'one', MaxSize: '2', 'Tags.member.1.Value': 'v' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "3 validation errors detected: Value 'one' at 'minSize' failed to satisfy constraint: Member must be an integer; " +
        "Value '' at 'autoScalingGroupName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value null at 'tags.1.member.key' failed to satisfy constraint: Member must not be null",
    });
    expect(serviceError(() => decodeQuery(AS, operationOf(AS, 'DescribeAutoScalingGroups'), q({ MaxRecords: '1.5' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value '1.5' at 'maxRecords' failed to satisfy constraint: Member must be an integer",
    });
    expect(serviceError(() => decodeQuery(AS, operationOf(AS, 'SetInstanceHealth'), q({ InstanceId: 'i-1', HealthStatus: 'Healthy', ShouldRespectGracePeriod: 'maybe' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value 'maybe' at 'shouldRespectGracePeriod' failed to satisfy constraint: Member must be a boolean",
    });
    expect(serviceError(() => decodeQuery(AS, op, q({ AutoScalingGroupName: 'x'.repeat(256), MinSize: '1', MaxSize: '1' }))).message).toBe(
      `1 validation error detected: Value '${'x'.repeat(256)}' at 'autoScalingGroupName' failed to satisfy constraint: Member must have length less than or equal to 255`,
    );
  });

  test('ELB: the same ValidationError wording; ranges of health checks', () => {
    const op = operationOf(ELB, 'ConfigureHealthCheck');
    expect(
      serviceError(() => decodeQuery(ELB, op, q({ LoadBalancerName: 'lb', 'HealthCheck.Target': 'TCP:80', 'HealthCheck.Interval': '1', 'HealthCheck.Timeout': '5', 'HealthCheck.UnhealthyThreshold': '2', 'HealthCheck.HealthyThreshold': '11' }))),
    ).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "2 validation errors detected: Value '1' at 'healthCheck.interval' failed to satisfy constraint: Member must have value greater than or equal to 5; " +
        "Value '11' at 'healthCheck.healthyThreshold' failed to satisfy constraint: Member must have value less than or equal to 10",
    });
  });

  test('CloudWatch: MissingParameter naming the parameters, InvalidParameterValue for types, ValidationError for constraints', () => {
    const op = operationOf(CW, 'PutMetricAlarm');
    expect(serviceError(() => decodeQuery(CW, operationOf(CW, 'SetAlarmState'), q({ AlarmName: 'a' })))).toEqual({
      code: 'MissingParameter',
      status: 400,
      message: 'The parameter StateValue is required.\nThe parameter StateReason is required.',
    });
    // Since PromQL alarms (botocore 1.43's model) PutMetricAlarm requires only AlarmName:
    // a metric alarm's EvaluationPeriods and ComparisonOperator are the handler's to ask for.
    expect(decodeQuery(CW, op, q({ AlarmName: 'a' }))).toEqual({ AlarmName: 'a' });
    expect(serviceError(() => decodeQuery(CW, op, q({ AlarmName: 'a', EvaluationPeriods: 'two', ComparisonOperator: 'GreaterThanThreshold' })))).toEqual({
      code: 'InvalidParameterValue',
      status: 400,
      message: 'The value two for parameter EvaluationPeriods is not an integer.',
    });
    expect(serviceError(() => decodeQuery(CW, op, q({ AlarmName: 'a', EvaluationPeriods: '2', ComparisonOperator: 'Above' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'Above' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold]',
    });
    expect(serviceError(() => decodeQuery(CW, operationOf(CW, 'DescribeAlarmHistory'), q({ HistoryItemType: 'Everything' })))).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'Everything' at 'historyItemType' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[ConfigurationUpdate, StateUpdate, Action, AlarmContributorStateUpdate, AlarmContributorAction]',
    });
    expect(serviceError(() => decodeQuery(CW, operationOf(CW, 'PutMetricData'), q({ Namespace: 'n', 'MetricData.member.1.Value': '1' })))).toEqual({
      code: 'MissingParameter',
      status: 400,
      message: 'The parameter MetricData.member.1.MetricName is required.',
    });
    expect(serviceError(() => decodeJson(CW, op, { AlarmName: 'a', EvaluationPeriods: '2', ComparisonOperator: 'GreaterThanThreshold' }))).toEqual({
      code: 'InvalidParameterValue',
      status: 400,
      message: 'The value 2 for parameter EvaluationPeriods is not an integer.',
    });
  });

  test('EC2: MissingParameter or InvalidParameterValue for the first problem, with EC2 parameter names', () => {
    expect(serviceError(() => decodeQuery(EC2, operationOf(EC2, 'RunInstances'), q({ ImageId: 'ami-12345678', MinCount: '1' })))).toEqual({
      code: 'MissingParameter',
      status: 400,
      message: 'The request must contain the parameter MaxCount',
    });
    expect(serviceError(() => decodeQuery(EC2, operationOf(EC2, 'DescribeInstances'), q({ MaxResults: 'ten' })))).toEqual({
      code: 'InvalidParameterValue',
      status: 400,
      message: "Value (ten) for parameter MaxResults is invalid. Expected: 'integer'.",
    });
    expect(serviceError(() => decodeQuery(EC2, operationOf(EC2, 'DescribeSecurityGroups'), q({ MaxResults: '2' })))).toEqual({
      code: 'InvalidParameterValue',
      status: 400,
      message: 'Value (2) for parameter MaxResults is invalid. Must be at least 5.',
    });
  });

  test('an unknown action, per service', () => {
    expect(serviceError(() => operationOf(AS, 'LaunchRockets'))).toEqual({ code: 'InvalidAction', status: 400, message: 'Could not find operation LaunchRockets for version 2011-01-01' });
    expect(unknownAction(EC2, 'LaunchRockets').message).toBe('The action LaunchRockets is not valid for this web service.');
    expect(serviceError(() => operationOf(AS, 'toString')).code).toBe('InvalidAction');
  });
});

describe('answers', () => {
  test('query XML: result wrapper, member lists, nested structures, escaping, timestamps with milliseconds, request id', () => {
    const op = operationOf(AS, 'DescribeAutoScalingGroups');
    const out: WireObject = {
      AutoScalingGroups: [
        {
          AutoScalingGroupName: 'a<b>&"c"',
          MinSize: 0,
          MaxSize: 2,
          DesiredCapacity: 1,
          DefaultCooldown: 300,
          AvailabilityZones: ['us-east-1a'],
          LoadBalancerNames: [],
          HealthCheckType: 'EC2',
          CreatedTime: new Date(Date.UTC(2026, 0, 1)),
          Instances: [{ InstanceId: 'i-1', AvailabilityZone: 'us-east-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false }],
        },
      ],
    };
    expect(encodeOutput(AS, 'query', op, out, 'req-1')).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' },
      body:
        '<DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>' +
        '<AutoScalingGroupName>a&lt;b&gt;&amp;&quot;c&quot;</AutoScalingGroupName><MinSize>0</MinSize><MaxSize>2</MaxSize><DesiredCapacity>1</DesiredCapacity>' +
        '<DefaultCooldown>300</DefaultCooldown><AvailabilityZones><member>us-east-1a</member></AvailabilityZones><LoadBalancerNames></LoadBalancerNames>' +
        '<HealthCheckType>EC2</HealthCheckType><Instances><member><InstanceId>i-1</InstanceId><AvailabilityZone>us-east-1a</AvailabilityZone>' +
        '<LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus><ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></Instances>' +
        '<CreatedTime>2026-01-01T00:00:00.000Z</CreatedTime></member></AutoScalingGroups></DescribeAutoScalingGroupsResult>' +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeAutoScalingGroupsResponse>',
    });
  });

  test('an operation without output has only its metadata; members the model lacks are still written', () => {
    expect(encodeOutput(AS, 'query', operationOf(AS, 'DeleteAutoScalingGroup'), {}, 'r').body).toBe(
      '<DeleteAutoScalingGroupResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteAutoScalingGroupResponse>',
    );
    expect(queryResponseXml(ELB.model, operationOf(ELB, 'CreateLoadBalancer'), { DNSName: 'x', Extra: [{ A: 1 }] }, 'r')).toBe(
      '<CreateLoadBalancerResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"><CreateLoadBalancerResult><DNSName>x</DNSName>' +
        '<Extra><member><A>1</A></member></Extra></CreateLoadBalancerResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CreateLoadBalancerResponse>',
    );
  });

  test('EC2 XML: requestId first, location names, item lists', () => {
    const out = encodeOutput(EC2, 'query', operationOf(EC2, 'TerminateInstances'), { TerminatingInstances: [{ InstanceId: 'i-1', CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } }] }, 'r-1');
    expect(out).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n<TerminateInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId>' +
        '<instancesSet><item><instanceId>i-1</instanceId><currentState><code>32</code><name>shutting-down</name></currentState>' +
        '<previousState><code>16</code><name>running</name></previousState></item></instancesSet></TerminateInstancesResponse>',
    });
  });

  test('maps in XML are entries of key and value', () => {
    const op = operationOf(CW, 'GetMetricStatistics');
    expect(encodeOutput(CW, 'query', op, { Label: 'm', Datapoints: [{ Timestamp: Date.UTC(2026, 0, 1), ExtendedStatistics: { p99: 1.5 } }] }, 'r').body).toBe(
      '<GetMetricStatisticsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricStatisticsResult><Label>m</Label><Datapoints><member>' +
        '<Timestamp>2026-01-01T00:00:00Z</Timestamp><ExtendedStatistics><entry><key>p99</key><value>1.5</value></entry></ExtendedStatistics></member></Datapoints>' +
        '</GetMetricStatisticsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetMetricStatisticsResponse>',
    );
  });

  test('CloudWatch XML: datapoints in whole seconds (as boto 2.49 parses them), alarm history and alarms with milliseconds', () => {
    const at = new Date(Date.UTC(2026, 11, 3, 7, 7, 0, 0));
    const stats = encodeOutput(CW, 'query', operationOf(CW, 'GetMetricStatistics'), { Label: 'm', Datapoints: [{ Timestamp: at }] }, 'r').body;
    expect(stats).toContain('<Timestamp>2026-12-03T07:07:00Z</Timestamp>');
    const history = encodeOutput(CW, 'query', operationOf(CW, 'DescribeAlarmHistory'), { AlarmHistoryItems: [{ AlarmName: 'a', Timestamp: at }] }, 'r').body;
    expect(history).toContain('<Timestamp>2026-12-03T07:07:00.000Z</Timestamp>');
    const alarms = encodeOutput(CW, 'query', operationOf(CW, 'DescribeAlarms'), { MetricAlarms: [{ AlarmName: 'a', StateUpdatedTimestamp: at }] }, 'r').body;
    expect(alarms).toContain('<StateUpdatedTimestamp>2026-12-03T07:07:00.000Z</StateUpdatedTimestamp>');
  });

  test("Auto Scaling XML: an activity's EndTime and scheduled actions' times in whole seconds, StartTime and CreatedTime with milliseconds", () => {
    const at = new Date(Date.UTC(2026, 11, 3, 7, 7, 8, 930));
    const activities = encodeOutput(AS, 'query', operationOf(AS, 'DescribeScalingActivities'), { Activities: [{ ActivityId: 'a', StartTime: at, EndTime: at }] }, 'r').body;
    expect(activities).toContain('<StartTime>2026-12-03T07:07:08.930Z</StartTime><EndTime>2026-12-03T07:07:08Z</EndTime>');
    const scheduled = encodeOutput(AS, 'query', operationOf(AS, 'DescribeScheduledActions'), { ScheduledUpdateGroupActions: [{ ScheduledActionName: 's', Time: at, StartTime: at, EndTime: at }] }, 'r').body;
    expect(scheduled).toContain('<Time>2026-12-03T07:07:08Z</Time><StartTime>2026-12-03T07:07:08Z</StartTime><EndTime>2026-12-03T07:07:08Z</EndTime>');
    const groups = encodeOutput(AS, 'query', operationOf(AS, 'DescribeAutoScalingGroups'), { AutoScalingGroups: [{ AutoScalingGroupName: 'g', CreatedTime: at }] }, 'r').body;
    expect(groups).toContain('<CreatedTime>2026-12-03T07:07:08.930Z</CreatedTime>');
  });

  test('AWS JSON: member names, epoch seconds, non-finite doubles as strings', () => {
    const op = operationOf(CW, 'GetMetricStatistics');
    const out = encodeOutput(CW, 'json', op, { Label: 'm', Datapoints: [{ Timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 250)), Average: Number.NaN, Sum: 3 }] }, 'r');
    expect(out).toEqual({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'r' },
      body: '{"Label":"m","Datapoints":[{"Timestamp":1767225600.25,"Average":"NaN","Sum":3}]}',
    });
  });

  test('error documents: query, EC2, JSON with the query-compatible header', () => {
    const e = new ServiceError('ValidationError', 'bad <thing>', 400);
    expect(encodeError(AS, 'query', e, 'r')).toEqual({
      status: 400,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'r' },
      body: '<ErrorResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad &lt;thing&gt;</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    });
    expect(encodeError(EC2, 'query', new ServiceError('InvalidInstanceID.NotFound', "The instance ID 'i-1' does not exist"), 'r')).toEqual({
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID &apos;i-1&apos; does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>',
    });
    expect(encodeError(CW, 'json', new ServiceError('MissingParameter', 'The parameter X is required.'), 'r')).toEqual({
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'r', 'x-amzn-query-error': 'MissingParameter;Sender' },
      body: '{"__type":"com.amazonaws.cloudwatch#MissingRequiredParameterException","message":"The parameter X is required."}',
    });
    expect(encodeError(CW, 'json', new ServiceError('InternalFailure', 'oops', 500), 'r').headers['x-amzn-query-error']).toBe('InternalFailure;Receiver');
    expect(encodeError(undefined, 'query', e, 'r').body).toBe('<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad &lt;thing&gt;</Message></Error><RequestId>r</RequestId></ErrorResponse>');
  });

  test('XML escaping keeps carriage returns and replaces what XML cannot carry', () => {
    expect(escapeXml("a'b\r\n\u0001\uFFFE😀")).toBe('a&apos;b&#xD;\n\uFFFD\uFFFD😀');
  });

  test('X-Amz-Target names CloudWatch only', () => {
    expect(parseTarget('GraniteServiceVersion20100801.PutMetricData')).toEqual({ profile: CW, action: 'PutMetricData' });
    expect(parseTarget('AmazonEC2.DescribeInstances')).toBeUndefined();
    expect(parseTarget('nodot')).toBeUndefined();
  });
});
