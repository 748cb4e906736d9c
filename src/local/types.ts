/**
 * The contract between the parts of botoscale local: wire handlers, the four simulated
 * services, and the cloud that ties them together. Each service folder implements its
 * state model behind one of the `*Api` interfaces below and its wire handlers as a
 * {@link ServiceHandlers} map; services reach each other only through these interfaces.
 *
 * Values crossing the wire layer are plain JS objects keyed by the AWS model's member
 * names (`AutoScalingGroupName`, ...): lists are arrays, maps are objects, timestamps
 * are Dates, numbers are numbers, booleans are booleans, blobs are base64 strings.
 *
 * @module
 */
import type { SimClock } from './clock';

/** A parsed request or an answer before serialisation. */
export type WireValue = string | number | boolean | Date | null | undefined | WireValue[] | WireObject;
/** A structure on the wire. */
export interface WireObject {
  [member: string]: WireValue;
}

/** What a handler knows of the request it serves. */
export interface RequestContext {
  cloud: Cloud;
  region: string;
  accountId: string;
  requestId: string;
  /** Simulated time when the request arrived (ms since the epoch). */
  now: number;
}

/** One action's handler: returns the output structure (or nothing for empty results). Throws `ServiceError`. */
export type Handler = (input: WireObject, ctx: RequestContext) => WireObject | void;

/** The wire handlers of one service, by action name (`DescribeAutoScalingGroups`). */
export type ServiceHandlers = Record<string, Handler>;

/** Signing names of the four services, as they appear in the SigV4 credential scope. */
export type ServiceName = 'autoscaling' | 'monitoring' | 'elasticloadbalancing' | 'ec2';

/** EC2 instance states. */
export type Ec2InstanceState = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** What Auto Scaling asks EC2 to launch. */
export interface LaunchSpec {
  imageId: string;
  instanceType: string;
  availabilityZone: string;
  keyName?: string;
  securityGroups?: string[];
  userData?: string;
  subnetId?: string;
  monitoring?: boolean;
  spotPrice?: string;
  iamInstanceProfile?: string;
  tags?: Array<{ key: string; value: string }>;
}

/** A simulated EC2 instance as other services see it. */
export interface Ec2InstanceView {
  readonly id: string;
  readonly state: Ec2InstanceState;
  readonly availabilityZone: string;
  readonly imageId: string;
  readonly instanceType: string;
  readonly launchTime: number;
  /** Simulated CPU utilisation in percent, driven by `setLoad`. */
  cpu: number;
  /** False when the simulation marks the instance as failing its health checks. */
  healthy: boolean;
}

/** EC2 as other services use it. */
export interface Ec2Api {
  /** The region's availability zones (`us-east-1a` ...). */
  zones(): string[];
  /** Launches an instance; it starts `pending` and becomes `running` after the boot delay. */
  runInstance(spec: LaunchSpec): Ec2InstanceView;
  /** Starts terminating an instance (shutting-down, then terminated). Unknown ids are ignored. */
  terminateInstance(id: string): void;
  getInstance(id: string): Ec2InstanceView | undefined;
  /** Whether an image id is known (or acceptable) to the simulation. */
  imageExists(imageId: string): boolean;
}

/** ELB health of one instance. */
export interface ElbInstanceHealth {
  state: 'InService' | 'OutOfService' | 'Unknown';
  reasonCode: 'ELB' | 'Instance' | 'N/A';
  description: string;
}

/** ELB as other services use it. */
export interface ElbApi {
  exists(loadBalancerName: string): boolean;
  registerInstances(loadBalancerName: string, instanceIds: string[]): void;
  deregisterInstances(loadBalancerName: string, instanceIds: string[]): void;
  instanceHealth(loadBalancerName: string, instanceId: string): ElbInstanceHealth | undefined;
}

/** One datapoint as stored by CloudWatch. */
export interface Datapoint {
  namespace: string;
  metricName: string;
  dimensions: Array<{ name: string; value: string }>;
  timestamp: number;
  value?: number;
  /** Statistic set, for PutMetricData with StatisticValues. */
  statistics?: { sampleCount: number; sum: number; minimum: number; maximum: number };
  unit?: string;
}

/** CloudWatch as other services use it. */
export interface CloudWatchApi {
  putDatapoint(datapoint: Datapoint): void;
}

/** Auto Scaling as other services use it (alarm actions). */
export interface AutoScalingApi {
  /** Executes a policy named by its ARN, as an alarm action; returns false if the ARN is unknown. */
  executePolicyByArn(policyArn: string, cause: string): boolean;
  /** Groups and their InService instance ids, for the load driver. */
  groupInstances(groupName: string): string[] | undefined;
}

/** A simulated service: its state model (persisted as JSON) and its wire handlers. */
export interface SimulatedService<Api> {
  readonly api: Api;
  readonly handlers: ServiceHandlers;
  /** One control-loop step at simulated time `now`. */
  step(now: number): void;
  /** The state, as JSON-safe data, for `--state`. */
  snapshot(): unknown;
  /** Replaces the state with a snapshot's. */
  restore(snapshot: unknown): void;
}

/** The simulated cloud: one region, four services, one clock. */
export interface Cloud {
  readonly region: string;
  readonly accountId: string;
  readonly clock: SimClock;
  readonly ec2: Ec2Api;
  readonly elb: ElbApi;
  readonly autoscaling: AutoScalingApi;
  readonly cloudwatch: CloudWatchApi;
  /** Sets the simulated CPU load of a group's instances (and of the ones it launches later). */
  setLoad(groupName: string, cpuPercent: number): void;
}
