/**
 * boto2's `Zone` of `boto.ec2.zone`: an availability zone.
 *
 * @module
 */
import type { AvailabilityZone } from '@aws-sdk/client-ec2';
import { BotoObject } from '../core/repr';
import type { EC2Connection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Zone}. */
export interface ZoneOptions {
  /** The connection the object talks through. */
  connection?: EC2Connection;
  /** The zone's name, such as `us-east-1a`. */
  name?: string;
  /** `available`, or another state EC2 reports. */
  state?: string;
  /** Its region's name. */
  regionName?: string;
  /** Messages EC2 gives about the zone. */
  messages?: string[];
}

/** An availability zone. Prints as `Zone:us-east-1a`. */
export class Zone extends BotoObject<EC2Connection> {
  /** The zone's name, such as `us-east-1a`. */
  name: string | undefined;
  /** `available`, or another state EC2 reports. */
  state: string | undefined;
  /** Its region's name. */
  regionName: string | undefined;
  /** Messages EC2 gives about the zone. */
  messages: string[];

  constructor(options: ZoneOptions = {}) {
    checkNew(Zone, arguments);
    super(options.connection);
    this.name = options.name;
    this.state = options.state;
    this.regionName = options.regionName;
    this.messages = options.messages ?? [];
  }

  /** @internal */
  static fromSdk(connection: EC2Connection, z: AvailabilityZone): Zone {
    return new Zone({
      connection,
      name: z.ZoneName,
      state: z.State,
      regionName: z.RegionName,
      messages: (z.Messages ?? []).flatMap((m) => (m.Message === undefined ? [] : [m.Message])),
    });
  }

  /** boto2's repr: `Zone:us-east-1a`. */
  toString(): string {
    return `Zone:${this.name ?? 'None'}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Zone, {
  new: '{connection, name, state, regionName, messages}',
});
