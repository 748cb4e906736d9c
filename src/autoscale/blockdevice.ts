/**
 * Block device mappings of a launch configuration (boto2's `Ebs` and `BlockDeviceMapping`
 * of `boto.ec2.autoscale.launchconfig`).
 *
 * @module
 */
import type { BlockDeviceMapping as SdkBlockDeviceMapping } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** An EBS volume of a block device mapping. Prints as `Ebs(snapshot, size)`. */
export class Ebs extends BotoObject<AutoScaleConnection> {
  /** The snapshot to create the volume from. */
  snapshotId: string | undefined;
  /** Size in GiB. */
  volumeSize: number | undefined;
  /** `standard`, `gp2`, `io1`, ... */
  volumeType: string | undefined;
  /** Delete the volume when the instance ends. */
  deleteOnTermination: boolean | undefined;
  /** Provisioned IOPS. */
  iops: number | undefined;
  /** Encrypt the volume. */
  encrypted: boolean | undefined;

  constructor(options: {
    connection?: AutoScaleConnection; snapshotId?: string; volumeSize?: number; volumeType?: string;
    deleteOnTermination?: boolean; iops?: number; encrypted?: boolean;
  } = {}) {
    checkNew(Ebs, arguments);
    super(options.connection);
    this.snapshotId = options.snapshotId;
    this.volumeSize = options.volumeSize;
    this.volumeType = options.volumeType;
    this.deleteOnTermination = options.deleteOnTermination;
    this.iops = options.iops;
    this.encrypted = options.encrypted;
  }

  toString(): string {
    return `Ebs(${this.snapshotId ?? 'None'}, ${this.volumeSize ?? 'None'})`;
  }
}

/** How one device is exposed to instances. Prints as `BlockDeviceMapping(device, virtual)`. */
export class BlockDeviceMapping extends BotoObject<AutoScaleConnection> {
  /** The device name, e.g. `/dev/sdb`. */
  deviceName: string | undefined;
  /** The instance store name, e.g. `ephemeral0`. */
  virtualName: string | undefined;
  /** The EBS volume, for an EBS device. */
  ebs: Ebs | undefined;
  /** Suppress the device. */
  noDevice: boolean | undefined;

  constructor(options: { connection?: AutoScaleConnection; deviceName?: string; virtualName?: string; ebs?: Ebs; noDevice?: boolean } = {}) {
    checkNew(BlockDeviceMapping, arguments);
    super(options.connection);
    this.deviceName = options.deviceName;
    this.virtualName = options.virtualName;
    this.ebs = options.ebs;
    this.noDevice = options.noDevice;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, b: SdkBlockDeviceMapping): BlockDeviceMapping {
    return new BlockDeviceMapping({
      connection,
      deviceName: b.DeviceName,
      virtualName: b.VirtualName,
      noDevice: b.NoDevice,
      ebs: b.Ebs === undefined ? undefined : new Ebs({
        connection,
        snapshotId: b.Ebs.SnapshotId,
        volumeSize: b.Ebs.VolumeSize,
        volumeType: b.Ebs.VolumeType,
        deleteOnTermination: b.Ebs.DeleteOnTermination,
        iops: b.Ebs.Iops,
        encrypted: b.Ebs.Encrypted,
      }),
    });
  }

  /** The SDK shape sent in `CreateLaunchConfiguration`. @internal */
  toSdk(): SdkBlockDeviceMapping {
    return {
      DeviceName: this.deviceName,
      VirtualName: this.virtualName,
      NoDevice: this.noDevice,
      Ebs: this.ebs === undefined ? undefined : {
        SnapshotId: this.ebs.snapshotId,
        VolumeSize: this.ebs.volumeSize,
        VolumeType: this.ebs.volumeType,
        DeleteOnTermination: this.ebs.deleteOnTermination,
        Iops: this.ebs.iops,
        Encrypted: this.ebs.encrypted,
      },
    };
  }

  toString(): string {
    return `BlockDeviceMapping(${this.deviceName ?? 'None'}, ${this.virtualName ?? 'None'})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(BlockDeviceMapping, {
  new: '{connection, deviceName, virtualName, ebs, noDevice}',
  toSdk: '',
});
declareSignatures(Ebs, {
  new: '{connection, snapshotId, volumeSize, volumeType, deleteOnTermination, iops, encrypted}',
});
