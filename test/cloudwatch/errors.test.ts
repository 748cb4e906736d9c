import { MetricAlarm } from '../../src/cloudwatch';
import { BotoClientError, BotoServerError } from '../../src/core';
import { alarmJson, cwOnWire, replyError, SCALE_UP_ARN, target } from '../helpers/cloudwatch';

function tutorialAlarm(): MetricAlarm {
  return new MetricAlarm({
    name: 'scale_up_on_cpu', namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic: 'Average',
    comparison: '>', threshold: '70', period: '60', evaluationPeriods: 2, alarmActions: [SCALE_UP_ARN],
  });
}

describe('error answers', () => {
  test('ResourceNotFound (x-amzn-query-error: ResourceNotFound;Sender) becomes a BotoServerError with status, errorCode, message and requestId', async () => {
    const { wire, conn } = cwOnWire();
    replyError(wire, 404, 'ResourceNotFound', 'An alarm named nope does not exist');
    const err = await conn.deleteAlarms(['nope']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    const e = err as BotoServerError;
    expect({ name: e.name, status: e.status, reason: e.reason, errorCode: e.errorCode, message: e.message, requestId: e.requestId }).toEqual({
      name: 'BotoServerError', status: 404, reason: 'Not Found', errorCode: 'ResourceNotFound', message: 'An alarm named nope does not exist', requestId: 'req-err-1',
    });
    expect(String(e)).toBe('BotoServerError: 404 Not Found ResourceNotFound: An alarm named nope does not exist');
    expect(wire.last.headers['x-amz-target']).toBe(target('DeleteAlarms'));
    expect(wire.requests).toHaveLength(1);
  });

  test('the error code is the query code AWS sends in x-amzn-query-error, as boto2 saw it (InvalidParameterValue, not the JSON shape name)', async () => {
    const { wire, conn } = cwOnWire();
    replyError(wire, 400, 'InvalidParameterValue', 'The parameter Period must be a multiple of 60.', 'Sender', 'InvalidParameterValueException');
    const err = await conn.getMetricStatistics(60, new Date(0), new Date(60_000), 'CPUUtilization', 'AWS/EC2', 'Average').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'InvalidParameterValue', message: 'The parameter Period must be a multiple of 60.' });
  });

  test('LimitExceeded on PutMetricAlarm rejects and leaves the alarm unbound', async () => {
    const { wire, conn } = cwOnWire();
    const alarm = tutorialAlarm();
    replyError(wire, 400, 'LimitExceeded', 'The maximum number of alarms has been reached.', 'Sender', 'LimitExceededFault');
    await expect(conn.createAlarm(alarm)).rejects.toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'LimitExceeded' });
    expect(alarm.connection).toBeUndefined();
  });

  test('a 500 answer becomes a BotoServerError (no retry with maxAttempts 1)', async () => {
    const { wire, conn } = cwOnWire();
    replyError(wire, 500, 'InternalServiceError', 'Request processing has failed due to some unknown error.', 'Receiver', 'InternalServiceFault');
    const err = await conn.setAlarmState('scale_up_on_cpu', 'r', 'OK').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({
      status: 500, reason: 'Internal Server Error', errorCode: 'InternalServiceError',
      message: 'Request processing has failed due to some unknown error.', requestId: 'req-err-1',
    });
    expect(wire.requests).toHaveLength(1);
  });

  test('a Throttling answer is retried by the SDK (maxAttempts 3) and the call then succeeds', async () => {
    const { wire, conn } = cwOnWire(3);
    replyError(wire, 400, 'Throttling', 'Rate exceeded');
    wire.replyJson({ MetricAlarms: [alarmJson()] });
    const page = await conn.describeAlarms({ alarmNames: ['scale_up_on_cpu'] });
    expect(page.map(String)).toEqual(['MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]']);
    expect(wire.requests.map((r) => r.json)).toEqual([{ AlarmNames: ['scale_up_on_cpu'] }, { AlarmNames: ['scale_up_on_cpu'] }]);
    expect(wire.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
  });

  test('throttling on every attempt ends in a BotoServerError after maxAttempts', async () => {
    const { wire, conn } = cwOnWire(2);
    for (let i = 0; i < 2; i++) replyError(wire, 400, 'Throttling', 'Rate exceeded');
    await expect(conn.enableAlarmActions(['scale_up_on_cpu'])).rejects.toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'Throttling', message: 'Rate exceeded' });
    expect(wire.requests).toHaveLength(2);
  });

  test('InvalidNextToken mid-way through paging rejects the for await loop after the pages before it', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson({ name: 'a' })], NextToken: 'stale' });
    replyError(wire, 400, 'InvalidNextToken', 'The service returned an error with Error Code InvalidNextToken');
    const seen: string[] = [];
    const walk = async (): Promise<void> => {
      for await (const alarm of conn.describeAlarms()) seen.push(alarm.name as string);
    };
    await expect(walk()).rejects.toMatchObject({ errorCode: 'InvalidNextToken' });
    expect(seen).toEqual(['a']);
  });

  test('an answer that is not JSON is a BotoServerError, not a crash', async () => {
    const { wire, conn } = cwOnWire();
    wire.reply('<html>bad gateway</html>', 502, { 'content-type': 'text/html' });
    await expect(conn.describeAlarms()).rejects.toMatchObject({ name: 'BotoServerError', status: 502 });
  });

  test('an aborted call is not sent', async () => {
    const { wire, conn } = cwOnWire();
    const controller = new AbortController();
    controller.abort();
    await expect(conn.deleteAlarms('scale_up_on_cpu', { signal: controller.signal })).rejects.toBeInstanceOf(BotoClientError);
    await expect(conn.describeAlarms({ signal: controller.signal })).rejects.toBeInstanceOf(BotoClientError);
    expect(wire.requests).toHaveLength(0);
  });
});
