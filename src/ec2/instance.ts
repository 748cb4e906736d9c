/**
 * boto2's `Instance` of `boto.ec2.instance`, with the attributes the Auto Scaling
 * tutorial uses to look at a group's instances.
 *
 * @module
 */
import type { Instance as SdkInstance } from '@aws-sdk/client-ec2';
import { BotoObject } from '../core/repr';
import type { EC2Connection } from './connection';
import { Group } from './group';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Instance}, boto2's attribute names camelCased. */
export interface InstanceOptions {
  /** The connection the object talks through. */
  connection?: EC2Connection;
  /** The instance id (`i-…`). */
  id?: string;
  /** `pending`, `running`, `shutting-down`, `terminated`, `stopping` or `stopped`. */
  state?: string;
  /** The state as EC2's number (0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped). */
  stateCode?: number;
  /** Such as `t2.micro`. */
  instanceType?: string;
  /** `spot` for a spot instance (EC2's `InstanceLifecycle`; unset for on-demand). Not in boto2. */
  instanceLifecycle?: string;
  /** The spot request it was launched for, on a spot instance. */
  spotInstanceRequestId?: string;
  /** The AMI it was launched from. */
  imageId?: string;
  /** Its availability zone. */
  placement?: string;
  /** Its private IPv4 address. */
  privateIpAddress?: string;
  /** Its public IPv4 address. */
  ipAddress?: string;
  /** Its public DNS name. */
  publicDnsName?: string;
  /** Its private DNS name. */
  privateDnsName?: string;
  /** When it was launched. */
  launchTime?: Date;
  /** The key pair it was launched with. */
  keyName?: string;
  /** Its tags, key → value. */
  tags?: Record<string, string>;
  /** Its security groups. */
  groups?: Group[];
  /** Its VPC. */
  vpcId?: string;
  /** Its subnet. */
  subnetId?: string;
}

/** An EC2 instance. Prints as `Instance:i-…`. */
export class Instance extends BotoObject<EC2Connection> {
  /** The instance id (`i-…`). */
  id: string | undefined;
  /** `pending`, `running`, `shutting-down`, `terminated`, `stopping` or `stopped`. */
  state: string | undefined;
  /** The state as EC2's number (16 is running). */
  stateCode: number | undefined;
  /** Such as `t2.micro`. */
  instanceType: string | undefined;
  /** `spot` for a spot instance (EC2's `InstanceLifecycle`; `undefined` for on-demand). Not in boto2. */
  instanceLifecycle: string | undefined;
  /** The spot request it was launched for, on a spot instance. */
  spotInstanceRequestId: string | undefined;
  /** The AMI it was launched from. */
  imageId: string | undefined;
  /** Its availability zone (boto2 calls it `placement`). */
  placement: string | undefined;
  /** Its private IPv4 address. */
  privateIpAddress: string | undefined;
  /** Its public IPv4 address (boto2's `ip_address`). */
  ipAddress: string | undefined;
  /** Its public DNS name. */
  publicDnsName: string | undefined;
  /** Its private DNS name. */
  privateDnsName: string | undefined;
  /** When it was launched. */
  launchTime: Date | undefined;
  /** The key pair it was launched with. */
  keyName: string | undefined;
  /** Its tags, key → value (boto2's `TagSet`). */
  tags: Record<string, string>;
  /** Its security groups. */
  groups: Group[];
  /** Its VPC. */
  vpcId: string | undefined;
  /** Its subnet. */
  subnetId: string | undefined;

  constructor(options: InstanceOptions = {}) {
    checkNew(Instance, arguments);
    super(options.connection);
    this.id = options.id;
    this.state = options.state;
    this.stateCode = options.stateCode;
    this.instanceType = options.instanceType;
    this.instanceLifecycle = options.instanceLifecycle;
    this.spotInstanceRequestId = options.spotInstanceRequestId;
    this.imageId = options.imageId;
    this.placement = options.placement;
    this.privateIpAddress = options.privateIpAddress;
    this.ipAddress = options.ipAddress;
    this.publicDnsName = options.publicDnsName;
    this.privateDnsName = options.privateDnsName;
    this.launchTime = options.launchTime;
    this.keyName = options.keyName;
    this.tags = options.tags ?? {};
    this.groups = options.groups ?? [];
    this.vpcId = options.vpcId;
    this.subnetId = options.subnetId;
  }

  /** @internal */
  static fromSdk(connection: EC2Connection, i: SdkInstance): Instance {
    const tags: Record<string, string> = {};
    for (const t of i.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
    return new Instance({
      connection,
      id: i.InstanceId,
      state: i.State?.Name,
      stateCode: i.State?.Code,
      instanceType: i.InstanceType,
      instanceLifecycle: i.InstanceLifecycle,
      spotInstanceRequestId: i.SpotInstanceRequestId,
      imageId: i.ImageId,
      placement: i.Placement?.AvailabilityZone,
      privateIpAddress: i.PrivateIpAddress,
      ipAddress: i.PublicIpAddress,
      publicDnsName: i.PublicDnsName,
      privateDnsName: i.PrivateDnsName,
      launchTime: i.LaunchTime,
      keyName: i.KeyName,
      tags,
      groups: (i.SecurityGroups ?? []).map((g) => Group.fromSdk(g)),
      vpcId: i.VpcId,
      subnetId: i.SubnetId,
    });
  }

  /** boto2's repr: `Instance:i-…`. */
  toString(): string {
    return `Instance:${this.id ?? 'None'}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Instance, {
  new: '{connection, id, state, stateCode, instanceType, instanceLifecycle, spotInstanceRequestId, imageId, placement, privateIpAddress, ipAddress, publicDnsName, privateDnsName, launchTime, keyName, tags, groups, vpcId, subnetId}',
});
