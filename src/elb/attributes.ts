/**
 * A load balancer's attributes (boto2's `boto.ec2.elb.attributes`): cross-zone load
 * balancing, access logs, connection draining and connection settings.
 *
 * @module
 */
import type {
  AccessLog,
  ConnectionDraining,
  ConnectionSettings,
  CrossZoneLoadBalancing,
  LoadBalancerAttributes,
} from '@aws-sdk/client-elastic-load-balancing';
import { pyStr } from '../core/repr';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link ConnectionSettingAttribute}. */
export interface ConnectionSettingAttributeOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** Seconds a connection may stay idle before the load balancer closes it (1 to 3600; AWS's default 60). */
  idleTimeout?: number;
}

/**
 * The `ConnectionSettings` attribute: how long an idle connection stays open. Prints as
 * `ConnectionSettingAttribute(60)`.
 */
export class ConnectionSettingAttribute extends BotoObject<ELBConnection> {
  /** Seconds a connection may stay idle before the load balancer closes it. */
  idleTimeout: number | undefined;

  constructor(options: ConnectionSettingAttributeOptions = {}) {
    checkNew(ConnectionSettingAttribute, arguments);
    super(options.connection);
    this.idleTimeout = options.idleTimeout;
  }

  /** Builds one from the SDK's shape. @internal */
  static fromSdk(connection: ELBConnection, s: ConnectionSettings | undefined): ConnectionSettingAttribute {
    return new ConnectionSettingAttribute({ connection, idleTimeout: s?.IdleTimeout });
  }

  toString(): string {
    return `ConnectionSettingAttribute(${pyStr(this.idleTimeout)})`;
  }
}

/** Constructor options of {@link CrossZoneLoadBalancingAttribute}. */
export interface CrossZoneLoadBalancingAttributeOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** Whether each node spreads traffic over the instances of every zone. */
  enabled?: boolean;
}

/**
 * The `CrossZoneLoadBalancing` attribute. Prints as `CrossZoneLoadBalancingAttribute(True)`.
 */
export class CrossZoneLoadBalancingAttribute extends BotoObject<ELBConnection> {
  /** Whether each node spreads traffic over the instances of every zone. */
  enabled: boolean | undefined;

  constructor(options: CrossZoneLoadBalancingAttributeOptions = {}) {
    checkNew(CrossZoneLoadBalancingAttribute, arguments);
    super(options.connection);
    this.enabled = options.enabled;
  }

  /** Builds one from the SDK's shape. @internal */
  static fromSdk(connection: ELBConnection, c: CrossZoneLoadBalancing | undefined): CrossZoneLoadBalancingAttribute {
    return new CrossZoneLoadBalancingAttribute({ connection, enabled: c?.Enabled });
  }

  toString(): string {
    return `CrossZoneLoadBalancingAttribute(${pyStr(this.enabled)})`;
  }
}

/** Constructor options of {@link AccessLogAttribute}. */
export interface AccessLogAttributeOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** Whether access logs are written. */
  enabled?: boolean;
  /** The S3 bucket the logs go to. */
  s3BucketName?: string;
  /** The key prefix of the logs in the bucket, e.g. `my-app/prod`. */
  s3BucketPrefix?: string;
  /** Minutes between log files: 5 or 60 (AWS's default). */
  emitInterval?: number;
}

/**
 * The `AccessLog` attribute: where and how often the load balancer writes access logs.
 * Prints as boto2's `AccessLog(True, my-bucket, my-app/prod, 60)`.
 */
export class AccessLogAttribute extends BotoObject<ELBConnection> {
  /** Whether access logs are written. */
  enabled: boolean | undefined;
  /** The S3 bucket the logs go to. */
  s3BucketName: string | undefined;
  /** The key prefix of the logs in the bucket. */
  s3BucketPrefix: string | undefined;
  /** Minutes between log files: 5 or 60. */
  emitInterval: number | undefined;

  constructor(options: AccessLogAttributeOptions = {}) {
    checkNew(AccessLogAttribute, arguments);
    super(options.connection);
    this.enabled = options.enabled;
    this.s3BucketName = options.s3BucketName;
    this.s3BucketPrefix = options.s3BucketPrefix;
    this.emitInterval = options.emitInterval;
  }

  /** Builds one from the SDK's shape. @internal */
  static fromSdk(connection: ELBConnection, a: AccessLog | undefined): AccessLogAttribute {
    return new AccessLogAttribute({
      connection,
      enabled: a?.Enabled,
      s3BucketName: a?.S3BucketName,
      s3BucketPrefix: a?.S3BucketPrefix,
      emitInterval: a?.EmitInterval,
    });
  }

  toString(): string {
    return `AccessLog(${pyStr(this.enabled)}, ${pyStr(this.s3BucketName)}, ${pyStr(this.s3BucketPrefix)}, ${pyStr(this.emitInterval)})`;
  }
}

/** Constructor options of {@link ConnectionDrainingAttribute}. */
export interface ConnectionDrainingAttributeOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** Whether connection draining is on. */
  enabled?: boolean;
  /** Seconds in-flight requests may take before a leaving instance is cut off (1 to 3600; AWS's default 300). */
  timeout?: number;
}

/**
 * The `ConnectionDraining` attribute. With it on, an instance that is deregistered or
 * fails its health check stops getting new requests but keeps its open connections for
 * up to `timeout` seconds, so requests in flight complete instead of being dropped.
 * Prints as boto2's `ConnectionDraining(True, 300)`.
 */
export class ConnectionDrainingAttribute extends BotoObject<ELBConnection> {
  /** Whether connection draining is on. */
  enabled: boolean | undefined;
  /** Seconds in-flight requests may take before a leaving instance is cut off. */
  timeout: number | undefined;

  constructor(options: ConnectionDrainingAttributeOptions = {}) {
    checkNew(ConnectionDrainingAttribute, arguments);
    super(options.connection);
    this.enabled = options.enabled;
    this.timeout = options.timeout;
  }

  /** Builds one from the SDK's shape. @internal */
  static fromSdk(connection: ELBConnection, d: ConnectionDraining | undefined): ConnectionDrainingAttribute {
    return new ConnectionDrainingAttribute({ connection, enabled: d?.Enabled, timeout: d?.Timeout });
  }

  toString(): string {
    return `ConnectionDraining(${pyStr(this.enabled)}, ${pyStr(this.timeout)})`;
  }
}

/** Constructor options of {@link LbAttributes}. */
export interface LbAttributesOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** Cross-zone load balancing. */
  crossZoneLoadBalancing?: CrossZoneLoadBalancingAttribute;
  /** Access logs. */
  accessLog?: AccessLogAttribute;
  /** Connection draining. */
  connectionDraining?: ConnectionDrainingAttribute;
  /** Connection settings (boto2's spelling, `connecting_settings`). */
  connectingSettings?: ConnectionSettingAttribute;
}

/**
 * Every attribute of a load balancer (`getAllLbAttributes`, `LoadBalancer.getAttributes`).
 * Prints as `LbAttributes(CrossZoneLoadBalancingAttribute(...), AccessLog(...),
 * ConnectionDraining(...), ConnectionSettingAttribute(...))`.
 */
export class LbAttributes extends BotoObject<ELBConnection> {
  /** Cross-zone load balancing. */
  crossZoneLoadBalancing: CrossZoneLoadBalancingAttribute;
  /** Access logs. */
  accessLog: AccessLogAttribute;
  /** Connection draining: the grace period for requests in flight on a leaving instance. */
  connectionDraining: ConnectionDrainingAttribute;
  /** Connection settings (boto2's name; {@link LbAttributes.connectionSettings} is the same object). */
  connectingSettings: ConnectionSettingAttribute;

  constructor(options: LbAttributesOptions = {}) {
    checkNew(LbAttributes, arguments);
    super(options.connection);
    this.crossZoneLoadBalancing = options.crossZoneLoadBalancing ?? new CrossZoneLoadBalancingAttribute({ connection: options.connection });
    this.accessLog = options.accessLog ?? new AccessLogAttribute({ connection: options.connection });
    this.connectionDraining = options.connectionDraining ?? new ConnectionDrainingAttribute({ connection: options.connection });
    this.connectingSettings = options.connectingSettings ?? new ConnectionSettingAttribute({ connection: options.connection });
  }

  /** AWS's name for {@link LbAttributes.connectingSettings}. */
  get connectionSettings(): ConnectionSettingAttribute {
    return this.connectingSettings;
  }

  /** Sets {@link LbAttributes.connectingSettings}. */
  set connectionSettings(value: ConnectionSettingAttribute) {
    this.connectingSettings = value;
  }

  /** Builds one from a `DescribeLoadBalancerAttributes` answer. @internal */
  static fromSdk(connection: ELBConnection, a: LoadBalancerAttributes | undefined): LbAttributes {
    return new LbAttributes({
      connection,
      crossZoneLoadBalancing: CrossZoneLoadBalancingAttribute.fromSdk(connection, a?.CrossZoneLoadBalancing),
      accessLog: AccessLogAttribute.fromSdk(connection, a?.AccessLog),
      connectionDraining: ConnectionDrainingAttribute.fromSdk(connection, a?.ConnectionDraining),
      connectingSettings: ConnectionSettingAttribute.fromSdk(connection, a?.ConnectionSettings),
    });
  }

  toString(): string {
    return `LbAttributes(${this.crossZoneLoadBalancing.toString()}, ${this.accessLog.toString()}, `
      + `${this.connectionDraining.toString()}, ${this.connectingSettings.toString()})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(LbAttributes, {
  new: '{connection, crossZoneLoadBalancing, accessLog, connectionDraining, connectingSettings}',
});
declareSignatures(CrossZoneLoadBalancingAttribute, {
  new: '{connection, enabled}',
});
declareSignatures(AccessLogAttribute, {
  new: '{connection, enabled, s3BucketName, s3BucketPrefix, emitInterval}',
});
declareSignatures(ConnectionDrainingAttribute, {
  new: '{connection, enabled, timeout}',
});
declareSignatures(ConnectionSettingAttribute, {
  new: '{connection, idleTimeout}',
});
