/**
 * What a `--state` file and its journal may hold, as zod schemas, field types included:
 * a file that does not match is refused at start with a message naming the file and the
 * first field that is wrong (`cloud.autoscaling.groups[0].minSize: expected number`),
 * before anything is served from it. Objects accept fields they do not name (a newer
 * botoscale's additions), so only what this version reads is checked; the compiler checks
 * that every snapshot the services write fits, and that every field of it is named here
 * (`ServiceSnapshotsFit`), so a field added to a record is checked too. Version 1 files
 * (a snapshot rewritten whole at every change, no journal) and version 2 files (one
 * region, before a server kept a cloud per signing region) are read and migrated: their
 * cloud, and every change of a journal that names no region, is the default region's.
 *
 * @module
 */
import { z } from 'zod';
import type { AutoScalingSnapshot } from './autoscale/model';
import type { Change } from './changes';
import type { CloudSnapshot, RegionSnapshot } from './cloud';
import type { CloudWatchSnapshot } from './cloudwatch/model';
import type { Ec2Snapshot } from './ec2/state';
import type { ElbSnapshot } from './elb/state';

/** What a state file holds (format version 3). */
export interface StateDocument {
  /** Marks the file as a botoscale local state file. */
  format: 'botoscale-local-state';
  /** Format version. */
  version: 3;
  /** The server's default region: the region of {@link StateDocument.cloud}. */
  region: string;
  /** Account of the cloud. */
  accountId: string;
  /** Real time of the write, ISO 8601. */
  savedAt: string;
  /** Number of the last journal change the snapshot includes; the journal's later changes are replayed on it. */
  seq: number;
  /** The default region's snapshot, with the clock every region shares. */
  cloud: CloudSnapshot;
  /** Every other region's snapshot, by region (absent in files from before a server kept several regions). */
  regions?: Record<string, RegionSnapshot>;
}

const str = z.string();
const num = z.number();
const bool = z.boolean();
const opt = <T extends z.ZodType>(t: T): z.ZodOptional<T> => t.optional();
const obj = z.looseObject;
const kv = obj({ key: str, value: str });
const templateRef = obj({ id: str, name: str, version: str });

const securityGroupRule = obj({ id: str, protocol: str, fromPort: opt(num), toPort: opt(num), cidrIpv4: opt(str), cidrIpv6: opt(str), groupId: opt(str), description: opt(str) });

const ec2Snapshot = obj({
  version: z.literal(1),
  seq: num,
  vpcId: str,
  subnets: z.array(obj({ id: str, zone: str, cidr: str })),
  defaultGroup: obj({ id: str, name: str, description: str }),
  ipCounters: z.record(str, num),
  publicIpCounter: num,
  instances: z.array(obj({
    id: str,
    state: z.enum(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']),
    availabilityZone: str,
    imageId: str,
    instanceType: str,
    launchTime: num,
    cpu: num,
    healthy: bool,
    seq: num,
    reservationId: str,
    amiLaunchIndex: num,
    keyName: opt(str),
    securityGroups: z.array(obj({ groupName: str, groupId: str })),
    vpcId: str,
    subnetId: str,
    privateIp: str,
    publicIp: str,
    associatePublicIp: opt(bool),
    tags: z.array(kv),
    userData: opt(str),
    monitoring: bool,
    clientToken: str,
    iamInstanceProfile: opt(str),
    ebsOptimized: bool,
    volumeId: str,
    stateSince: num,
    terminatedAt: opt(num),
    terminationReason: opt(str),
    impairedSince: opt(num),
    launchTemplate: opt(obj({ id: str, name: str, version: num })),
    metadata: opt(obj({ httpTokens: opt(str), httpPutResponseHopLimit: opt(num), httpEndpoint: opt(str) })),
    disableApiTermination: opt(bool),
    disableApiStop: opt(bool),
    sourceDestCheck: opt(bool),
    shutdownBehavior: opt(z.enum(['stop', 'terminate'])),
    stoppedAt: opt(num),
    instanceLifecycle: opt(z.literal('spot')),
    spotInstanceRequestId: opt(str),
    rebalanceRecommendedAt: opt(num),
    interruptionNoticeAt: opt(num),
    kernelId: opt(str),
    ramdiskId: opt(str),
    enaSupport: opt(bool),
  })),
  // Absent in snapshots made before botoscale simulated VPCs: then the default VPC above is the whole network.
  network: opt(obj({
    vpcs: z.array(obj({ id: str, cidr: str, cidrAssociationId: str, isDefault: bool, instanceTenancy: str, tags: z.array(kv), seq: num })),
    subnets: z.array(obj({ id: str, vpcId: str, zone: str, cidr: str, defaultForAz: bool, mapPublicIpOnLaunch: bool, tags: z.array(kv), seq: num, handedOut: num })),
    groups: z.array(obj({
      id: str,
      name: str,
      description: str,
      vpcId: str,
      tags: z.array(kv),
      ingress: z.array(securityGroupRule),
      egress: z.array(securityGroupRule),
      seq: num,
    })),
    seq: num,
  })),
  // Absent in snapshots made before botoscale simulated spot capacity: pool (zone and type) to what is left.
  spotCapacity: opt(z.record(str, num)),
  // Absent in snapshots made before botoscale simulated launch templates.
  launchTemplates: opt(obj({
    seq: num,
    templates: z.array(obj({
      id: str,
      name: str,
      createTime: num,
      createdBy: str,
      defaultVersion: num,
      latestVersion: num,
      lastNumber: num,
      tags: z.array(kv),
      versions: z.array(obj({ number: num, description: opt(str), createTime: num, data: z.record(str, z.unknown()), clientToken: opt(str) })),
      seq: num,
      clientToken: opt(str),
    })),
  })),
});

const elbSnapshot = obj({
  version: z.literal(1),
  loadBalancers: z.array(obj({
    name: str,
    dnsName: str,
    createdTime: num,
    scheme: z.enum(['internet-facing', 'internal']),
    listeners: z.array(obj({ protocol: str, loadBalancerPort: num, instanceProtocol: str, instancePort: num, sslCertificateId: opt(str), policyNames: z.array(str) })),
    policies: z.array(obj({ name: str, typeName: str, attributes: z.array(obj({ name: str, value: str })) })),
    backends: z.array(obj({ instancePort: num, policyNames: z.array(str) })),
    zones: z.array(str),
    subnets: z.array(str),
    vpcId: opt(str),
    sourceGroupName: opt(str),
    securityGroups: z.array(str),
    healthCheck: obj({ target: str, interval: num, timeout: num, unhealthyThreshold: num, healthyThreshold: num }),
    instances: z.array(obj({
      instanceId: str,
      health: obj({ state: z.enum(['InService', 'OutOfService', 'Unknown']), reasonCode: z.enum(['ELB', 'Instance', 'N/A']), description: str }),
      successes: num,
      failures: num,
      lastCheck: num,
      runningSince: opt(num),
    })),
    attributes: obj({
      crossZone: bool,
      accessLog: obj({ enabled: bool, s3BucketName: opt(str), emitInterval: opt(num), s3BucketPrefix: opt(str) }),
      connectionDraining: obj({ enabled: bool, timeout: num }),
      idleTimeout: num,
      additional: z.array(kv),
    }),
    tags: z.array(kv),
  })),
});

const dimension = obj({ name: str, value: str });

const mixedInstancesPolicy = obj({
  launchTemplate: templateRef,
  overrides: z.array(obj({ instanceType: str, weightedCapacity: opt(str), launchTemplate: opt(templateRef) })),
  onDemandAllocationStrategy: str,
  onDemandBaseCapacity: num,
  onDemandPercentageAboveBaseCapacity: num,
  spotAllocationStrategy: str,
  spotInstancePools: opt(num),
  spotMaxPrice: opt(str),
});

const targetTracking = obj({
  targetValue: num,
  disableScaleIn: bool,
  predefined: opt(obj({ type: str, resourceLabel: opt(str) })),
  customized: opt(obj({ metricName: str, namespace: str, statistic: str, dimensions: z.array(dimension), unit: opt(str) })),
});

const autoScalingSnapshot = obj({
  version: z.literal(1),
  groups: z.array(obj({
    name: str,
    arn: str,
    createdTime: num,
    launchConfigurationName: opt(str),
    launchTemplate: opt(templateRef),
    minSize: num,
    maxSize: num,
    desiredCapacity: num,
    defaultCooldown: num,
    availabilityZones: z.array(str),
    subnets: z.array(obj({ subnetId: str, zone: str })),
    vpcZoneIdentifier: opt(str),
    loadBalancerNames: z.array(str),
    targetGroupARNs: z.array(str),
    healthCheckType: str,
    healthCheckGracePeriod: num,
    placementGroup: opt(str),
    terminationPolicies: z.array(str),
    newInstancesProtectedFromScaleIn: bool,
    capacityRebalance: bool,
    maxInstanceLifetime: opt(num),
    deletionProtection: opt(z.enum(['none', 'prevent-force-deletion', 'prevent-all-deletion'])),
    suspendedProcesses: z.array(obj({ processName: str, suspensionReason: str })),
    enabledMetrics: z.array(str),
    tags: z.array(obj({ key: str, value: str, propagateAtLaunch: bool })),
    instances: z.array(obj({
      instanceId: str,
      availabilityZone: str,
      subnetId: opt(str),
      instanceType: str,
      lifecycleState: z.enum(['Pending', 'Pending:Wait', 'Pending:Proceed', 'InService', 'Terminating', 'Terminating:Wait', 'Terminating:Proceed', 'Detaching', 'Standby']),
      healthStatus: z.enum(['Healthy', 'Unhealthy']),
      unhealthyReason: opt(z.enum(['EC2', 'ELB', 'user'])),
      launchConfigurationName: opt(str),
      launchConfigurationCreated: opt(num),
      launchTemplate: opt(templateRef),
      protectedFromScaleIn: bool,
      launchTime: num,
      inServiceTime: opt(num),
      activityId: opt(str),
      registered: bool,
      launchHooks: opt(z.array(str)),
      lifecycleActions: opt(z.array(obj({
        hookName: str,
        token: str,
        heartbeatTimeout: num,
        defaultResult: z.enum(['CONTINUE', 'ABANDON']),
        deadline: num,
        globalDeadline: num,
      }))),
      lifecycle: opt(z.literal('Spot')),
      weightedCapacity: opt(str),
      replacementId: opt(str),
    })),
    deleting: bool,
    pendingCause: opt(obj({ text: str })),
    cooldownPending: opt(num),
    cooldownUntil: num,
    launchRetryAt: num,
    launchFailures: num,
    rebalancing: bool,
    cpuTracked: bool,
    mixedInstancesPolicy: opt(mixedInstancesPolicy),
  })),
  launchConfigurations: z.array(obj({
    name: str,
    arn: str,
    createdTime: num,
    imageId: str,
    instanceType: str,
    keyName: opt(str),
    securityGroups: z.array(str),
    classicLinkVPCId: opt(str),
    classicLinkVPCSecurityGroups: z.array(str),
    userData: opt(str),
    kernelId: opt(str),
    ramdiskId: opt(str),
    blockDeviceMappings: z.array(obj({
      deviceName: str,
      virtualName: opt(str),
      ebs: opt(obj({ snapshotId: opt(str), volumeSize: opt(num), volumeType: opt(str), deleteOnTermination: opt(bool), iops: opt(num), encrypted: opt(bool), throughput: opt(num) })),
      noDevice: opt(bool),
    })),
    instanceMonitoring: bool,
    spotPrice: opt(str),
    iamInstanceProfile: opt(str),
    ebsOptimized: bool,
    associatePublicIpAddress: opt(bool),
    placementTenancy: opt(str),
    metadataOptions: opt(obj({ httpTokens: opt(str), httpPutResponseHopLimit: opt(num), httpEndpoint: opt(str) })),
  })),
  policies: z.array(obj({
    name: str,
    groupName: str,
    arn: str,
    policyType: str,
    adjustmentType: str,
    scalingAdjustment: opt(num),
    cooldown: opt(num),
    minAdjustmentMagnitude: opt(num),
    minAdjustmentStep: bool,
    stepAdjustments: z.array(obj({ lower: opt(num), upper: opt(num), scalingAdjustment: num })),
    metricAggregationType: opt(str),
    estimatedInstanceWarmup: opt(num),
    enabled: bool,
    targetTracking: opt(targetTracking),
    alarmNames: opt(z.array(str)),
    lastScaledAt: opt(num),
  })),
  scheduledActions: z.array(obj({
    name: str,
    groupName: str,
    arn: str,
    startTime: opt(num),
    endTime: opt(num),
    recurrence: opt(str),
    timeZone: opt(str),
    minSize: opt(num),
    maxSize: opt(num),
    desiredCapacity: opt(num),
    nextRun: opt(num),
  })),
  notifications: z.array(obj({ groupName: str, topicARN: str, notificationTypes: z.array(str) })),
  // Absent in snapshots made before botoscale local had lifecycle hooks.
  lifecycleHooks: opt(z.array(obj({
    name: str,
    groupName: str,
    transition: str,
    roleARN: opt(str),
    notificationTargetARN: opt(str),
    notificationMetadata: opt(str),
    heartbeatTimeout: num,
    defaultResult: z.enum(['CONTINUE', 'ABANDON']),
  }))),
  activities: z.array(obj({
    activityId: str,
    groupName: str,
    groupArn: str,
    description: str,
    cause: str,
    startTime: num,
    endTime: opt(num),
    statusCode: str,
    statusMessage: opt(str),
    progress: num,
    details: str,
  })),
  lastMetricsMinute: num,
});

/** One query of a metric math alarm. */
const alarmQuery = obj({
  id: str,
  metricStat: opt(obj({ namespace: str, metricName: str, dimensions: z.array(dimension), period: num, stat: str, unit: opt(str) })),
  expression: opt(str),
  label: opt(str),
  returnData: opt(bool),
  period: opt(num),
});

const cloudWatchSnapshot = obj({
  version: z.literal(1),
  series: z.array(obj({
    namespace: str,
    metricName: str,
    dimensions: z.array(dimension),
    points: z.array(obj({ t: num, n: num, sum: num, min: num, max: num, unit: opt(str), values: opt(z.array(num)), counts: opt(z.array(num)), set: opt(bool) })),
    lastPut: num,
  })),
  alarms: z.array(obj({
    name: str,
    arn: str,
    description: opt(str),
    actionsEnabled: bool,
    okActions: z.array(str),
    alarmActions: z.array(str),
    insufficientDataActions: z.array(str),
    // Both absent on a metric math alarm, which has its queries instead.
    metricName: opt(str),
    namespace: opt(str),
    metrics: opt(z.array(alarmQuery)),
    statistic: opt(str),
    extendedStatistic: opt(str),
    dimensions: z.array(dimension),
    period: num,
    unit: opt(str),
    evaluationPeriods: num,
    datapointsToAlarm: opt(num),
    threshold: num,
    comparisonOperator: str,
    treatMissingData: opt(str),
    slidingWindow: opt(z.literal(true)),
    evaluateLowSampleCountPercentile: opt(str),
    tags: z.array(kv),
    configUpdated: num,
    stateValue: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']),
    stateReason: str,
    stateReasonData: opt(str),
    stateUpdated: num,
    stateTransitioned: num,
    lastActionRun: opt(num),
    managedBy: opt(str),
  })),
  history: z.array(obj({ alarmName: str, timestamp: num, type: z.enum(['ConfigurationUpdate', 'StateUpdate', 'Action']), summary: str, data: str, seq: num })),
  lastEvaluation: num,
  seq: num,
});

const cloudSnapshot = obj({
  clock: obj({ now: num, nextStep: num }),
  loads: z.record(str, z.number().min(0).max(100)),
  // Absent in snapshots made before botoscale simulated demand.
  demands: opt(z.record(str, z.number().min(0))),
  ec2: ec2Snapshot,
  elb: elbSnapshot,
  autoscaling: autoScalingSnapshot,
  cloudwatch: cloudWatchSnapshot,
});

/** A schema's type without the index signatures loose objects add, so that an interface can be checked against it. */
type Known<T> = T extends ReadonlyArray<infer E> ? Array<Known<E>> : T extends object ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> } : T;
/** Compiles only if every snapshot of type `Written` fits `Schema`: a state a service can write is never refused at the next start. */
type Fits<Schema extends z.ZodType, Written extends Known<z.input<Schema>>> = [Schema, Written];
/**
 * The fields of `Written` that `Schema` does not name, as paths (`.groups[].name`); never
 * when it names them all, so that a state file with a wrong value in any of them is
 * refused at start, naming the field, rather than loaded and failing later.
 */
type Unnamed<Written, Schema, Path extends string = ''> =
  Written extends ReadonlyArray<infer E> ? Unnamed<E, Schema extends ReadonlyArray<infer F> ? F : never, `${Path}[]`>
  : Written extends object ? string extends keyof Written ? never
  : { [K in keyof Written & string]-?: K extends keyof Schema ? Unnamed<NonNullable<Written[K]>, NonNullable<Schema[K]>, `${Path}.${K}`> : `${Path}.${K}` }[keyof Written & string]
  : never;
/** The fields of `Written` that `Schema` does not name. */
type UnnamedBy<Schema extends z.ZodType, Written> = Unnamed<Written, Known<z.output<Schema>>>;
/** Compiles only if `Missing` is never: no field is left unnamed. */
type NamesAll<Missing extends never> = Missing;
/** The four services' snapshots, checked against their schemas by the compiler: each fits, and every field is named. */
export type ServiceSnapshotsFit = [
  NamesAll<UnnamedBy<typeof ec2Snapshot, Ec2Snapshot>>,
  NamesAll<UnnamedBy<typeof elbSnapshot, ElbSnapshot>>,
  NamesAll<UnnamedBy<typeof autoScalingSnapshot, AutoScalingSnapshot>>,
  NamesAll<UnnamedBy<typeof cloudWatchSnapshot, CloudWatchSnapshot>>,
  Fits<typeof ec2Snapshot, Ec2Snapshot>,
  Fits<typeof elbSnapshot, ElbSnapshot>,
  Fits<typeof autoScalingSnapshot, AutoScalingSnapshot>,
  Fits<typeof cloudWatchSnapshot, CloudWatchSnapshot>,
];

const envelope = obj({
  format: z.literal('botoscale-local-state'),
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

const regionSnapshot = cloudSnapshot.omit({ clock: true });

const documentV3 = obj({
  format: z.literal('botoscale-local-state'),
  version: z.literal(3),
  region: str,
  accountId: str,
  savedAt: str,
  seq: z.number().int().min(0),
  cloud: cloudSnapshot,
  regions: z.record(str, regionSnapshot),
});

/** Version 2: one region's cloud (the default region's), no `regions`. */
const documentV2 = obj({
  format: z.literal('botoscale-local-state'),
  version: z.literal(2),
  region: str,
  accountId: str,
  savedAt: str,
  seq: z.number().int().min(0),
  cloud: cloudSnapshot,
});

/** Version 1: the same without `seq` (there was no journal). */
const documentV1 = documentV2.extend({ version: z.literal(1), seq: z.undefined().optional() });

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out === '' ? '(the whole document)' : out;
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it does not match the state file format';
  return `${fieldPath(issue.path)}: ${issue.message}`;
}

/**
 * Parses and validates a state file's text (migrating versions 1 and 2); throws an error
 * naming the file, and the field when the JSON parses but does not fit.
 */
export function parseStateDocument(file: string, text: string): StateDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`botoscale local: state file ${file} is not valid JSON (${(err as Error).message}); move it away or fix it`);
  }
  if (!envelope.safeParse(doc).success) throw new Error(`botoscale local: ${file} is not a botoscale local state file of version 1, 2 or 3`);
  const v = (doc as { version: number }).version;
  const parsed = v === 1 ? documentV1.safeParse(doc) : v === 2 ? documentV2.safeParse(doc) : documentV3.safeParse(doc);
  if (!parsed.success) throw new Error(`botoscale local: state file ${file} is not valid at ${firstProblem(parsed.error)}; move it away or fix it`);
  // The parsed copy keeps unknown fields (loose objects); the original is what the services restore.
  const original = doc as Omit<StateDocument, 'version' | 'seq'> & { seq?: number };
  return { ...original, version: 3, seq: original.seq ?? 0, regions: original.regions ?? {} };
}

// `region` is absent in journals written before a server kept a cloud per region: those changes are the default region's.
const region = opt(str);
const change = z.discriminatedUnion('kind', [
  obj({ kind: z.literal('call'), region, service: z.enum(['autoscaling', 'monitoring', 'elasticloadbalancing', 'ec2']), action: str, params: opt(z.array(z.tuple([str, str]))), body: z.unknown().optional(), requestId: str, ids: z.array(str) }),
  obj({ kind: z.literal('clock'), now: num, nextStep: num, ids: z.array(str) }),
  obj({ kind: z.literal('region'), region: str, ids: z.array(str) }),
  obj({ kind: z.literal('load'), region, group: str, cpu: z.number().min(0).max(100) }),
  obj({ kind: z.literal('health'), region, instance: str, healthy: bool }),
  // Control inputs are journalled as they came (a refused one too) and checked again when replayed.
  // A member may be absent: a lifted pool limit has no `available`, and JSON drops what a refused input lacked.
  obj({ kind: z.literal('demand'), region, group: opt(z.unknown()), demand: opt(z.unknown()) }),
  obj({ kind: z.literal('spot-interrupt'), region, group: opt(z.unknown()), count: opt(z.unknown()) }),
  obj({ kind: z.literal('spot-capacity'), region, zone: opt(z.unknown()), instanceType: opt(z.unknown()), available: opt(z.unknown()) }),
]);

const journalLine = obj({ seq: z.number().int().min(1), change });

/** One line of a journal, validated; throws naming the journal and the line if it does not fit. */
export function parseJournalLine(file: string, line: number, value: unknown): { seq: number; change: Change } {
  const parsed = journalLine.safeParse(value);
  if (!parsed.success) throw new Error(`botoscale local: journal ${file} is not valid at line ${line}, ${firstProblem(parsed.error)}; move it away or fix it`);
  return value as { seq: number; change: Change };
}

/** Every change the journal records fits the journal's schema (checked by the compiler): an acknowledged change is never refused at replay. */
export type JournalChangesFit = Fits<typeof change, Change>;
