/**
 * CloudWatch test helpers: a connection on a WireMock (gzip bodies, which the SDK sends for
 * large PutMetricData requests, decompressed before WireMock records them), AWS JSON 1.0
 * answers shaped as the API returns them (timestamps as epoch seconds), and the
 * `X-Amz-Target` each action is sent with.
 */
import { gunzipSync } from 'node:zlib';
import { HttpRequest } from '@smithy/protocol-http';
import { CloudWatchConnection } from '../../src/cloudwatch';
import { WireMock } from './wire';

/** The access key every CloudWatch test connection signs with. */
export const ACCESS_KEY = 'AKIDEXAMPLE';
/** A secret distinctive enough to search for in anything printed. */
export const SECRET_KEY = 'cwSECRETwJalrXUtnFEMI/K7MDENG+bPxRfiCY';

/** The scaling policy ARN the tutorial's scale-up alarm runs. */
export const SCALE_UP_ARN = 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:ac542982-cbeb-4294-891c-a5a941dfa787:autoScalingGroupName/my_group:policyName/scale_up';
/** The scaling policy ARN the tutorial's scale-down alarm runs. */
export const SCALE_DOWN_ARN = 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:4a1e3f1e-5d4b-4b8e-9e2a-0c1d2e3f4a5b:autoScalingGroupName/my_group:policyName/scale_down';
/** An SNS topic ARN. */
export const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:my-topic';

/** What the SDK's HttpRequest body may be. */
function bodyBytes(body: unknown): Buffer | string | undefined {
  if (body === undefined || typeof body === 'string') return body;
  const u8 = body as Uint8Array;
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

/** Sizes of the bodies as they went on the wire (compressed when the SDK compressed them). */
export interface WireSizes {
  /** Bytes sent, per request. */
  sent: number[];
}

/**
 * A request handler for the CloudWatch client that hands `wire` each request with its body
 * as text (gunzipped if the SDK compressed it), recording the bytes actually sent in `sizes`.
 */
export function cwHandler(wire: WireMock, sizes: WireSizes = { sent: [] }): typeof wire.handler {
  const handler = {
    ...wire.handler,
    handle: async (request: HttpRequest): Promise<unknown> => {
      const raw = bodyBytes(request.body);
      const copy = HttpRequest.clone(request);
      if (raw === undefined || typeof raw === 'string') {
        sizes.sent.push(raw === undefined ? 0 : Buffer.byteLength(raw));
      } else {
        sizes.sent.push(raw.length);
        const gzip = Object.entries(request.headers).some(([k, v]) => k.toLowerCase() === 'content-encoding' && v.includes('gzip'));
        copy.body = (gzip ? gunzipSync(raw) : raw).toString('utf8');
      }
      return wire.handler.handle(copy);
    },
  };
  return handler as unknown as typeof wire.handler;
}

/** A CloudWatch connection whose requests go to a fresh WireMock. */
export function cwOnWire(maxAttempts = 1): { wire: WireMock; conn: CloudWatchConnection; sizes: WireSizes } {
  const wire = new WireMock();
  const sizes: WireSizes = { sent: [] };
  const conn = new CloudWatchConnection(ACCESS_KEY, SECRET_KEY, { region: 'us-east-1', requestHandler: cwHandler(wire, sizes), maxAttempts, env: {} });
  return { wire, conn, sizes };
}

/** The `X-Amz-Target` header of an action. */
export function target(action: string): string {
  return `GraniteServiceVersion20100801.${action}`;
}

/** Queues an empty success answer (what actions without output return). */
export function ok(wire: WireMock): void {
  wire.replyJson({});
}

/** Queues an error answer as CloudWatch sends it: a JSON body and the query error code in `x-amzn-query-error`. */
export function replyError(wire: WireMock, status: number, code: string, message: string, fault: 'Sender' | 'Receiver' = 'Sender', shape = code): void {
  wire.replyJson({ __type: `com.amazonaws.cloudwatch#${shape}`, message }, status, {
    'x-amzn-query-error': `${code};${fault}`,
    'x-amzn-requestid': 'req-err-1',
  });
}

/** Epoch seconds of an ISO time, as CloudWatch writes timestamps in JSON. */
export function epoch(iso: string): number {
  return Date.parse(iso) / 1000;
}

/** One alarm of a DescribeAlarms answer: the tutorial's scale-up alarm, in ALARM. */
export function alarmJson(o: { name?: string; comparison?: string; threshold?: number; actions?: string[] } = {}): Record<string, unknown> {
  const name = o.name ?? 'scale_up_on_cpu';
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
    AlarmDescription: 'Scale up when the group is busy',
    AlarmConfigurationUpdatedTimestamp: epoch('2013-05-24T21:15:31.280Z'),
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: o.actions ?? [SCALE_UP_ARN],
    InsufficientDataActions: [TOPIC_ARN],
    StateValue: 'ALARM',
    StateReason: 'Threshold Crossed: 2 datapoints [85.5 (24/05/13 21:20:00), 82.0 (24/05/13 21:19:00)] were greater than the threshold (70.0).',
    StateReasonData: '{"version":"1.0","queryDate":"2013-05-24T21:21:00.000+0000","statistic":"Average","period":60,"threshold":70.0}',
    StateUpdatedTimestamp: epoch('2013-05-24T21:21:00Z'),
    MetricName: 'CPUUtilization',
    Namespace: 'AWS/EC2',
    Statistic: 'Average',
    Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    Period: 60,
    Unit: 'Percent',
    EvaluationPeriods: 2,
    DatapointsToAlarm: 2,
    Threshold: o.threshold ?? 70,
    ComparisonOperator: o.comparison ?? 'GreaterThanThreshold',
    TreatMissingData: 'missing',
  };
}

/** One item of a DescribeAlarmHistory answer. */
export function historyJson(o: { name?: string; type?: string; at?: string; summary?: string; data?: string } = {}): Record<string, unknown> {
  return {
    AlarmName: o.name ?? 'scale_up_on_cpu',
    AlarmType: 'MetricAlarm',
    Timestamp: epoch(o.at ?? '2013-05-24T21:21:00.512Z'),
    HistoryItemType: o.type ?? 'StateUpdate',
    HistorySummary: o.summary ?? 'Alarm updated from OK to ALARM',
    HistoryData: o.data ?? '{"version":"1.0","oldState":{"stateValue":"OK"},"newState":{"stateValue":"ALARM","stateReason":"Threshold Crossed"}}',
  };
}

/** One metric of a ListMetrics answer. */
export function metricJson(name = 'CPUUtilization', dimensions: Record<string, string> = { AutoScalingGroupName: 'my_group' }): Record<string, unknown> {
  return { Namespace: 'AWS/EC2', MetricName: name, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) };
}
