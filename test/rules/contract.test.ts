/**
 * The contract between the client's checks and botoscale local: the same examples, each
 * accepted or refused, go through the client (on a test handler: a refused one must send
 * nothing) and through botoscale local (the same request, sent by the SDK); the test fails
 * on any disagreement. Each example says what AWS does, so a side that drifts from AWS
 * fails too. Both sides take the rule from src/core/rules.
 *
 * Every example has two forms built from the same values: the client's (boto2-style
 * objects) and the SDK's (what AWS receives). For the examples the client sends, the test
 * also checks that both forms put the same request on the wire, so the two sides were
 * really asked the same thing.
 */
import {
  AutoScalingClient, CreateAutoScalingGroupCommand, PutLifecycleHookCommand, PutScalingPolicyCommand,
  type CreateAutoScalingGroupCommandInput, type PutLifecycleHookCommandInput, type PutScalingPolicyCommandInput,
} from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient, DescribeAlarmHistoryCommand, PutMetricAlarmCommand, type HistoryItemType, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import {
  ConfigureHealthCheckCommand, CreateLoadBalancerCommand, DeleteLoadBalancerCommand, ElasticLoadBalancingClient,
  type ConfigureHealthCheckCommandInput, type CreateLoadBalancerCommandInput,
} from '@aws-sdk/client-elastic-load-balancing';
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, LifecycleHook, ScalingPolicy } from '../../src/autoscale';
import { CloudWatchConnection, MetricAlarm } from '../../src/cloudwatch';
import { BotoClientError } from '../../src/core';
import { ELBConnection, HealthCheck, type ComplexListenerSpec } from '../../src/elb';
import type { LocalEndpoint } from '../../src/local';
import { cwHandler } from '../helpers/cloudwatch';
import { WireMock, type RecordedRequest } from '../helpers/wire';
import { clientConfig, CREDS, startTest } from '../local/helpers';

/** What AWS does with an example. */
type Verdict = 'accepted' | 'refused';

/** The connections of the client side, all on one test handler (or all on botoscale local). */
interface Conns {
  cw: CloudWatchConnection;
  elb: ELBConnection;
  as: AutoScaleConnection;
}

/** The SDK clients: to botoscale local, or to a test handler. */
interface Sdks {
  cw: CloudWatchClient;
  elb: ElasticLoadBalancingClient;
  as: AutoScalingClient;
}

/** One example: its name, what AWS does, and its two forms. */
interface Example {
  name: string;
  aws: Verdict;
  client: (c: Conns, unique: string) => Promise<unknown>;
  sdk: (s: Sdks, unique: string) => Promise<unknown>;
  /** Undoes what the SDK form made in botoscale local, for an example whose name is fixed. */
  undo?: (s: Sdks) => Promise<unknown>;
}

const LB = 'contract-lb';
const GROUP = 'contract-group';
const LC = 'contract-lc';
const ZONES = ['us-east-1a'];

function alarmExample(aws: Verdict, what: string, o: { period?: number; evaluationPeriods?: number; statistic?: string; extendedStatistic?: string; unit?: string }): Example {
  const period = o.period ?? 60;
  const evaluationPeriods = o.evaluationPeriods ?? 2;
  const statistic = o.extendedStatistic === undefined ? (o.statistic ?? 'Average') : undefined;
  const extendedStatistic = o.extendedStatistic;
  return {
    name: `PutMetricAlarm ${what}`,
    aws,
    client: (c, unique) => {
      const alarm = new MetricAlarm({
        name: unique, namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic, comparison: '>', threshold: 70,
        period, evaluationPeriods, unit: o.unit, dimensions: { AutoScalingGroupName: GROUP },
      });
      // boto2's MetricAlarm takes no extended statistic when made; it is an attribute.
      alarm.extendedStatistic = extendedStatistic;
      return c.cw.putMetricAlarm(alarm);
    },
    sdk: (s, unique) => s.cw.send(new PutMetricAlarmCommand({
      AlarmName: unique, Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Statistic: statistic, ExtendedStatistic: extendedStatistic, ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 70, Period: period, EvaluationPeriods: evaluationPeriods, Unit: o.unit, Dimensions: [{ Name: 'AutoScalingGroupName', Value: GROUP }],
    } as PutMetricAlarmCommandInput)),
  };
}

function healthCheckExample(aws: Verdict, target: string, o: { interval?: number; timeout?: number } = {}): Example {
  const hc = { target, interval: o.interval ?? 30, timeout: o.timeout ?? 5, healthyThreshold: 3, unhealthyThreshold: 2 };
  return {
    name: `ConfigureHealthCheck ${JSON.stringify(target.length > 40 ? `${target.slice(0, 20)}... (${target.length} characters)` : target)}${o.interval === undefined ? '' : ` every ${o.interval} s`}`,
    aws,
    client: (c) => c.elb.configureHealthCheck(LB, new HealthCheck(hc)),
    sdk: (s) => s.elb.send(new ConfigureHealthCheckCommand({
      LoadBalancerName: LB,
      // The client sends the protocol upper-case, as boto2 does; botoscale local takes either.
      HealthCheck: { Target: target.replace(/^[a-z]+/i, (protocol) => protocol.toUpperCase()), Interval: hc.interval, Timeout: hc.timeout, HealthyThreshold: hc.healthyThreshold, UnhealthyThreshold: hc.unhealthyThreshold },
    } as ConfigureHealthCheckCommandInput)),
  };
}

function loadBalancerNameExample(aws: Verdict, name: string): Example {
  return {
    name: `CreateLoadBalancer named ${JSON.stringify(name)}`,
    aws,
    client: (c) => c.elb.createLoadBalancer(name, ZONES, [[80, 8080, 'http']]),
    sdk: (s) => s.elb.send(new CreateLoadBalancerCommand({
      LoadBalancerName: name, AvailabilityZones: ZONES, Scheme: 'internet-facing',
      Listeners: [{ LoadBalancerPort: 80, InstancePort: 8080, Protocol: 'HTTP' }],
    } as CreateLoadBalancerCommandInput)),
    undo: (s) => s.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerName: name })),
  };
}

function listenerExample(aws: Verdict, protocol: string, instanceProtocol: string): Example {
  const cert = 'arn:aws:iam::123456789012:server-certificate/contract';
  const secure = protocol === 'HTTPS' || protocol === 'SSL';
  const listener: ComplexListenerSpec = secure ? [443, 8443, protocol, instanceProtocol, cert] : [80, 8080, protocol, instanceProtocol];
  return {
    name: `CreateLoadBalancer with a ${protocol} listener forwarding as ${instanceProtocol}`,
    aws,
    client: (c, unique) => c.elb.createLoadBalancer(unique, ZONES, null, { complexListeners: [listener] }),
    sdk: (s, unique) => s.elb.send(new CreateLoadBalancerCommand({
      LoadBalancerName: unique,
      AvailabilityZones: ZONES,
      Scheme: 'internet-facing',
      Listeners: [{ LoadBalancerPort: secure ? 443 : 80, InstancePort: secure ? 8443 : 8080, Protocol: protocol, InstanceProtocol: instanceProtocol, ...(secure ? { SSLCertificateId: cert } : {}) }],
    } as CreateLoadBalancerCommandInput)),
  };
}

function groupExample(aws: Verdict, what: string, o: { min: number; max: number; desired?: number; terminationPolicies?: string[] }): Example {
  return {
    name: `CreateAutoScalingGroup ${what}`,
    aws,
    client: (c, unique) => c.as.createAutoScalingGroup(new AutoScalingGroup({
      groupName: unique, launchConfig: LC, availabilityZones: ZONES, minSize: o.min, maxSize: o.max, desiredCapacity: o.desired,
      terminationPolicies: o.terminationPolicies,
    })),
    sdk: (s, unique) => s.as.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: unique, LaunchConfigurationName: LC, AvailabilityZones: ZONES, MinSize: o.min, MaxSize: o.max, DesiredCapacity: o.desired,
      TerminationPolicies: o.terminationPolicies,
    } as CreateAutoScalingGroupCommandInput)),
  };
}

function policyExample(aws: Verdict, adjustmentType: string): Example {
  return {
    name: `PutScalingPolicy with adjustment type ${adjustmentType}`,
    aws,
    client: (c, unique) => c.as.createScalingPolicy(new ScalingPolicy({ name: unique, asName: GROUP, adjustmentType, scalingAdjustment: 1 })),
    sdk: (s, unique) => s.as.send(new PutScalingPolicyCommand({
      PolicyName: unique, AutoScalingGroupName: GROUP, AdjustmentType: adjustmentType, ScalingAdjustment: 1,
    } as PutScalingPolicyCommandInput)),
  };
}

/** A lifecycle hook's members, by the client's names. */
interface HookValues {
  transition: string;
  heartbeatTimeout?: number;
  defaultResult?: string;
}

function hookSdk(h: HookValues): { LifecycleTransition: string; HeartbeatTimeout?: number; DefaultResult?: string } {
  return { LifecycleTransition: h.transition, HeartbeatTimeout: h.heartbeatTimeout, DefaultResult: h.defaultResult };
}

function hookExample(aws: Verdict, what: string, h: HookValues): Example {
  return {
    name: `PutLifecycleHook ${what}`,
    aws,
    client: (c, unique) => c.as.createLifecycleHook(new LifecycleHook({ name: unique, asGroup: GROUP, ...h })),
    sdk: (s, unique) => s.as.send(new PutLifecycleHookCommand({ LifecycleHookName: unique, AutoScalingGroupName: GROUP, ...hookSdk(h) } as PutLifecycleHookCommandInput)),
  };
}

/** The same hook given at a group's creation (CreateAutoScalingGroup's LifecycleHookSpecificationList). */
function groupHookExample(aws: Verdict, what: string, h: HookValues): Example {
  return {
    name: `CreateAutoScalingGroup with a lifecycle hook ${what}`,
    aws,
    client: (c, unique) => c.as.createAutoScalingGroup(new AutoScalingGroup({
      groupName: unique, launchConfig: LC, availabilityZones: ZONES, minSize: 0, maxSize: 1, lifecycleHooks: [new LifecycleHook({ name: 'hook', ...h })],
    })),
    sdk: (s, unique) => s.as.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: unique, LaunchConfigurationName: LC, AvailabilityZones: ZONES, MinSize: 0, MaxSize: 1,
      LifecycleHookSpecificationList: [{ LifecycleHookName: 'hook', ...hookSdk(h) }],
    } as CreateAutoScalingGroupCommandInput)),
  };
}

/** Hook examples (PutLifecycleHook's reference: transitions, HeartbeatTimeout 30 to 7200, DefaultResult CONTINUE or ABANDON). */
const HOOK_CASES: Array<[Verdict, string, HookValues]> = [
  ['accepted', 'on launching instances', { transition: 'autoscaling:EC2_INSTANCE_LAUNCHING' }],
  ['accepted', 'on terminating instances, CONTINUE after 30 s', { transition: 'autoscaling:EC2_INSTANCE_TERMINATING', heartbeatTimeout: 30, defaultResult: 'CONTINUE' }],
  ['accepted', 'with a heartbeat timeout of 7200 s, ABANDON', { transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', heartbeatTimeout: 7200, defaultResult: 'ABANDON' }],
  ['refused', 'with a heartbeat timeout of 29 s', { transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', heartbeatTimeout: 29 }],
  ['refused', 'with a heartbeat timeout of 7201 s', { transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', heartbeatTimeout: 7201 }],
  ['refused', 'on the transition autoscaling:EC2_INSTANCE_REBOOTING', { transition: 'autoscaling:EC2_INSTANCE_REBOOTING' }],
  ['refused', 'with the default result RETRY', { transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', defaultResult: 'RETRY' }],
];

function historyTypeExample(aws: Verdict, type: string): Example {
  return {
    name: `DescribeAlarmHistory of the item type ${type}`,
    aws,
    // A paged request is sent when awaited.
    client: async (c) => await c.cw.describeAlarmHistory({ historyItemType: type as HistoryItemType }),
    sdk: (s) => s.cw.send(new DescribeAlarmHistoryCommand({ HistoryItemType: type as HistoryItemType })),
  };
}

function hookMetadataExample(aws: Verdict, what: string, metadata: string): Example {
  const transition = 'autoscaling:EC2_INSTANCE_LAUNCHING';
  return {
    name: `PutLifecycleHook with notification metadata ${what}`,
    aws,
    client: (c, unique) => c.as.createLifecycleHook(new LifecycleHook({ name: unique, asGroup: GROUP, transition, notificationMetadata: metadata })),
    sdk: (s, unique) => s.as.send(new PutLifecycleHookCommand({
      LifecycleHookName: unique, AutoScalingGroupName: GROUP, LifecycleTransition: transition, NotificationMetadata: metadata,
    })),
  };
}

/** The examples, with what AWS does (PutMetricAlarm's reference and the others cited in src/core/rules/aws-rules.ts). */
const EXAMPLES: Example[] = [
  ...[10, 20, 30, 60, 120, 3600].map((period) => alarmExample('accepted', `with a period of ${period} s`, { period, evaluationPeriods: 1 })),
  ...[0, 5, 45, 61, 90].map((period) => alarmExample('refused', `with a period of ${period} s`, { period, evaluationPeriods: 1 })),
  alarmExample('accepted', 'over 1440 × 60 s (one day)', { period: 60, evaluationPeriods: 1440 }),
  alarmExample('refused', 'over 1441 × 60 s (more than a day, period under an hour)', { period: 60, evaluationPeriods: 1441 }),
  alarmExample('accepted', 'over 8640 × 10 s (one day)', { period: 10, evaluationPeriods: 8640 }),
  alarmExample('refused', 'over 8641 × 10 s', { period: 10, evaluationPeriods: 8641 }),
  alarmExample('accepted', 'over 48 × 1 h', { period: 3600, evaluationPeriods: 48 }),
  alarmExample('accepted', 'over 168 × 1 h (seven days)', { period: 3600, evaluationPeriods: 168 }),
  alarmExample('refused', 'over 169 × 1 h (more than seven days)', { period: 3600, evaluationPeriods: 169 }),
  alarmExample('refused', 'over 0 periods', { evaluationPeriods: 0 }),
  ...['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'].map((statistic) => alarmExample('accepted', `on the statistic ${statistic}`, { statistic })),
  ...['Median', 'average'].map((statistic) => alarmExample('refused', `on the statistic ${statistic}`, { statistic })),
  ...['Percent', 'Count/Second', 'None'].map((unit) => alarmExample('accepted', `in ${unit}`, { unit })),
  ...['percent', 'Hours'].map((unit) => alarmExample('refused', `in ${unit}`, { unit })),
  ...['p90', 'p99.9', 'p0', 'p100'].map((p) => alarmExample('accepted', `on the percentile ${p}`, { extendedStatistic: p })),
  ...['p101', 'p', 'P90', 'p-1'].map((p) => alarmExample('refused', `on the percentile ${p}`, { extendedStatistic: p })),

  ...['TCP:80', 'ssl:443', 'HTTP:80/', 'HTTP:8080/health', 'https:443/index.html?x=1'].map((t) => healthCheckExample('accepted', t)),
  ...['HTTP:80', 'HTTPS:443', 'TCP:80/health', 'UDP:53', 'HTTP:/health', 'HTTP:80/my health', 'TCP:0', 'HTTP:70000/', `HTTP:80/${'a'.repeat(1017)}`]
    .map((t) => healthCheckExample('refused', t)),
  healthCheckExample('accepted', 'TCP:80', { interval: 5, timeout: 2 }),
  healthCheckExample('refused', 'TCP:80', { interval: 4, timeout: 2 }),
  healthCheckExample('refused', 'TCP:80', { interval: 301, timeout: 5 }),
  healthCheckExample('accepted', 'TCP:80', { interval: 10, timeout: 9 }),
  healthCheckExample('refused', 'TCP:80', { interval: 10, timeout: 10 }),

  ...['a', 'web-1', 'A1', 'x'.repeat(32)].map((n) => loadBalancerNameExample('accepted', n)),
  ...['-web', 'web-', 'web_1', 'web.1', 'x'.repeat(33)].map((n) => loadBalancerNameExample('refused', n)),

  ...[['HTTP', 'HTTP'], ['HTTP', 'HTTPS'], ['HTTPS', 'HTTP'], ['TCP', 'TCP'], ['TCP', 'SSL'], ['SSL', 'TCP']].map(([p, i]) => listenerExample('accepted', p as string, i as string)),
  ...[['HTTP', 'TCP'], ['HTTPS', 'SSL'], ['TCP', 'HTTP'], ['SSL', 'HTTPS']].map(([p, i]) => listenerExample('refused', p as string, i as string)),

  groupExample('accepted', 'with min 1 ≤ desired 2 ≤ max 3', { min: 1, max: 3, desired: 2 }),
  groupExample('accepted', 'with min = desired = max', { min: 2, max: 2, desired: 2 }),
  groupExample('refused', 'with min 3 above max 1', { min: 3, max: 1 }),
  groupExample('refused', 'with desired 0 below min 1', { min: 1, max: 3, desired: 0 }),
  groupExample('refused', 'with desired 4 above max 3', { min: 1, max: 3, desired: 4 }),
  groupExample('accepted', 'with termination policies OldestInstance, Default', { min: 0, max: 1, terminationPolicies: ['OldestInstance', 'Default'] }),
  groupExample('refused', 'with termination policy Oldest', { min: 0, max: 1, terminationPolicies: ['Oldest'] }),

  ...['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'].map((t) => policyExample('accepted', t)),
  ...['Percent', 'changeincapacity'].map((t) => policyExample('refused', t)),

  ...HOOK_CASES.map(([aws, what, h]) => hookExample(aws, what, h)),
  ...HOOK_CASES.map(([aws, what, h]) => groupHookExample(aws, what, h)),
  // botocore 1.43's model (AnyPrintableAsciiStringMaxLen4000): up to 4000 printable ASCII
  // characters, where 1.29's took 1023 characters of any kind.
  hookMetadataExample('accepted', 'of 4000 characters', 'x'.repeat(4000)),
  hookMetadataExample('accepted', 'on two lines with a tab', '{"team":\t"web"}\nsecond line'),
  hookMetadataExample('refused', 'of 4001 characters', 'x'.repeat(4001)),
  hookMetadataExample('refused', 'that is not ASCII', 'équipe web'),
  // botocore 1.43's HistoryItemType adds the contributor kinds of multi-contributor alarms.
  ...['ConfigurationUpdate', 'StateUpdate', 'Action', 'AlarmContributorStateUpdate', 'AlarmContributorAction'].map((t) => historyTypeExample('accepted', t)),
  ...['State', 'stateupdate'].map((t) => historyTypeExample('refused', t)),
];

/** The client's verdict: refused (a BotoClientError, nothing sent) or sent (the handler's request). */
async function clientVerdict(example: Example, unique: string): Promise<{ verdict: Verdict; sent?: RecordedRequest; error?: string }> {
  const wire = new WireMock();
  const options = { region: 'us-east-1', requestHandler: wire.handler, maxAttempts: 1, env: {} };
  const conns: Conns = {
    cw: new CloudWatchConnection('AKIDEXAMPLE', 'contract-secret', { ...options, requestHandler: cwHandler(wire) }),
    elb: new ELBConnection('AKIDEXAMPLE', 'contract-secret', options),
    as: new AutoScaleConnection('AKIDEXAMPLE', 'contract-secret', options),
  };
  try {
    // Nothing is queued: a request that reaches the handler fails there, after being recorded.
    await example.client(conns, unique);
    throw new Error(`${example.name}: the client resolved without an answer`);
  } catch (err) {
    if (wire.requests.length === 0) {
      // Refused before sending: with the client's own error, naming the field.
      expect({ example: example.name, error: err instanceof BotoClientError }).toEqual({ example: example.name, error: true });
      return { verdict: 'refused', error: (err as Error).message };
    }
    expect({ example: example.name, sent: wire.requests.length }).toEqual({ example: example.name, sent: 1 });
    return { verdict: 'accepted', sent: wire.requests[0] };
  }
}

/** What the SDK form puts on the wire, to compare with what the client sent. */
async function sdkRequest(example: Example, unique: string): Promise<RecordedRequest> {
  const wire = new WireMock();
  const config = { region: 'us-east-1', credentials: CREDS, requestHandler: wire.handler, maxAttempts: 1 };
  const sdks: Sdks = {
    cw: new CloudWatchClient({ ...config, requestHandler: cwHandler(wire) }),
    elb: new ElasticLoadBalancingClient(config),
    as: new AutoScalingClient(config),
  };
  await example.sdk(sdks, unique).catch(() => undefined);
  expect({ example: example.name, sent: wire.requests.length }).toEqual({ example: example.name, sent: 1 });
  return wire.requests[0] as RecordedRequest;
}

/** The meaning of a request: its query parameters, or its JSON body. */
function meaning(r: RecordedRequest): unknown {
  return r.json ?? r.params;
}

let local: LocalEndpoint;
let sdks: Sdks;
let localConns: Conns;

beforeAll(async () => {
  local = await startTest();
  const config = clientConfig(local.endpoint);
  sdks = { cw: new CloudWatchClient(config), elb: new ElasticLoadBalancingClient(config), as: new AutoScalingClient(config) };
  const options = { endpoint: local.endpoint, region: 'us-east-1', maxAttempts: 1, env: {} };
  localConns = {
    cw: new CloudWatchConnection(CREDS.accessKeyId, CREDS.secretAccessKey, options),
    elb: new ELBConnection(CREDS.accessKeyId, CREDS.secretAccessKey, options),
    as: new AutoScaleConnection(CREDS.accessKeyId, CREDS.secretAccessKey, options),
  };
  await localConns.elb.createLoadBalancer(LB, ZONES, [[80, 8080, 'http']]);
  await localConns.as.createLaunchConfiguration(new LaunchConfiguration({ name: LC, imageId: 'ami-12345678', instanceType: 't3.micro' }));
  await localConns.as.createAutoScalingGroup(new AutoScalingGroup({ groupName: GROUP, launchConfig: LC, availabilityZones: ZONES, minSize: 0, maxSize: 2 }));
});

afterAll(async () => {
  for (const c of Object.values(localConns)) c.close();
  for (const s of Object.values(sdks)) s.destroy();
  await local.close();
});

describe('client and botoscale local agree with AWS on every example', () => {
  test.each(EXAMPLES.map((e, i) => [e.name, e, i] as const))('%s', async (_name, example, i) => {
    const unique = `contract-${i}`;
    const client = await clientVerdict(example, unique);
    const localAnswer = await example.sdk(sdks, unique).then(
      () => ({ verdict: 'accepted' as Verdict, error: undefined }),
      (err: Error & { $metadata?: { httpStatusCode?: number } }) => ({ verdict: 'refused' as Verdict, error: `${err.name}: ${err.message}`, status: err.$metadata?.httpStatusCode }),
    );
    if ('status' in localAnswer) expect({ example: example.name, status: localAnswer.status }).toEqual({ example: example.name, status: 400 });
    expect({ example: example.name, aws: example.aws, client: client.verdict, local: localAnswer.verdict })
      .toEqual({ example: example.name, aws: example.aws, client: example.aws, local: example.aws });
    if (client.sent !== undefined) {
      // Both forms asked the same thing: what the client sent is what botoscale local was sent.
      expect(meaning(client.sent)).toEqual(meaning(await sdkRequest(example, unique)));
      // And the client's own call, sent to botoscale local, goes through as well.
      await example.undo?.(sdks);
      await expect(example.client(localConns, `${unique}-client`)).resolves.toBeDefined();
    }
  });
});

describe("the client's refusals name the field and what is allowed", () => {
  test.each([
    ['termination policy Oldest', 'CreateAutoScalingGroup with termination policy Oldest',
      'terminationPolicies[0] must be one of AllocationStrategy, ClosestToNextInstanceHour, Default, NewestInstance, OldestInstance, OldestLaunchConfiguration, OldestLaunchTemplate; got "Oldest"'],
    ['alarm period 90', 'PutMetricAlarm with a period of 90 s', 'period must be 10, 20, 30 or a positive multiple of 60, got 90'],
    ['percentile p101', 'PutMetricAlarm on the percentile p101', 'extendedStatistic must be a percentile from p0 to p100, such as p90 or p99.9, got "p101"'],
    ['169 hourly periods', 'PutMetricAlarm over 169 × 1 h (more than seven days)', 'period × evaluationPeriods must be at most 604800 seconds (seven days), got 608400'],
    ['1441 one-minute periods', 'PutMetricAlarm over 1441 × 60 s (more than a day, period under an hour)',
      'period × evaluationPeriods must be at most 86400 seconds (one day, for a period under an hour), got 86460'],
  ])('%s', async (_what, name, message) => {
    const example = EXAMPLES.find((e) => e.name === name) as Example;
    expect((await clientVerdict(example, 'named')).error).toBe(message);
  });
});
