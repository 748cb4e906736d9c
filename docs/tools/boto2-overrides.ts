/**
 * What docs/tools/boto2-mapping.ts cannot derive mechanically: boto2 names botoscale
 * deliberately has no counterpart for (`none`, with the reason), names botoscale spells
 * differently from the mechanical camelCase (`name`), and notes on differences (`note`).
 * Keys are boto2's dotted paths.
 */

/** An entry: at most one of `none` and `name`, and an optional note. */
export interface Override {
  /** Why there is no counterpart. */
  none?: string;
  /** botoscale's name when it differs from the mechanical camelCase. */
  name?: string;
  /** A difference worth knowing. */
  note?: string;
  /** boto2 parameters botoscale names differently: boto2 name → botoscale name. */
  renamed?: Record<string, string>;
}

/** boto2's SAX parser hooks, on every resource class; not listed. */
export const SAX_METHODS = ['startElement', 'endElement'];

const QUERY_BUILDER = 'boto2 builds query strings by hand; the AWS SDK serialises requests';
const PARSER_ONLY = 'a helper of boto2\'s response parser; botoscale answers with plain arrays';

const CONNECTION: Override = {
  renamed: { profile_name: 'profile' },
  note: 'the endpoint is one URL (`endpoint`) where boto2 took `is_secure`, `port` and `path`; without one the AWS SDK resolves the host (its partitions, FIPS and dual-stack); proxies and TLS go through `requestHandler`; `requestTimeout` is boto2\'s `http_socket_timeout` (in ms, per attempt); `logger` replaces `debug`',
};
const DRY_RUN = 'dry runs are not offered';
const SDK_REGIONS: Override = {
  note: 'the regions of the AWS SDK\'s own partition data (every partition it knows), where boto2 read its endpoints.json; each `endpoint` is the host the SDK resolves',
};

export const OVERRIDES: Record<string, Override> = {
  // Connections.
  'boto.ec2.autoscale.AutoScaleConnection': CONNECTION,
  'boto.ec2.cloudwatch.CloudWatchConnection': CONNECTION,
  'boto.ec2.elb.ELBConnection': CONNECTION,
  'boto.ec2.autoscale.regions': SDK_REGIONS,
  'boto.ec2.cloudwatch.regions': SDK_REGIONS,
  'boto.ec2.elb.regions': SDK_REGIONS,
  'boto.ec2.regions': SDK_REGIONS,
  'boto.ec2.connection.EC2Connection.get_all_instances': { note: DRY_RUN },
  'boto.ec2.connection.EC2Connection.get_only_instances': { note: DRY_RUN },
  'boto.ec2.connection.EC2Connection.get_all_reservations': { note: DRY_RUN },
  'boto.ec2.connection.EC2Connection.get_all_zones': { note: DRY_RUN },
  'boto.ec2.connection.EC2Connection.get_all_regions': { note: DRY_RUN },
  'boto.ec2.elb.ELBConnection.get_all_load_balancers': { note: '`marker` (boto2\'s name) and `nextToken` are the same page token' },
  'boto.ec2.autoscale.group.AutoScalingGroup': {
    note: 'boto2\'s keyword spellings `group_name` and `cooldown` are accepted too; beyond boto2, `launchTemplate` (a `LaunchTemplate`, its name, or `{ name | id, version }`) or `mixedInstancesPolicy` (`{ launchTemplate, overrides: [{ instanceType, weightedCapacity }], onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity, spotAllocationStrategy, onDemandAllocationStrategy, spotMaxPrice, spotInstancePools }`: several instance types, on-demand and spot) in place of `launchConfig`, `capacityRebalance`, and `lifecycleHooks` (`LifecycleHook`s created with the group, so that a launch hook holds its first instances too); the repr shows the on-demand/spot split',
  },
  'boto.ec2.autoscale.AutoScaleConnection.create_auto_scaling_group': {
    note: 'beyond boto2, sends the group\'s `lifecycleHooks` (CreateAutoScalingGroup\'s `LifecycleHookSpecificationList`), which are then bound to the connection',
  },
  'boto.ec2.autoscale.AutoScaleConnection.create_launch_configuration': {
    note: 'accounts created since 2024-10-01 refuse it (`UnsupportedOperation`); the error then adds how to use `LaunchTemplate.fromLaunchConfiguration(lc)` instead',
  },

  // Query-string builders.
  'boto.ec2.autoscale.AutoScaleConnection.create_scaling_policy': {
    note: 'also sends step scaling and target-tracking policies (beyond boto2), checked before sending; a target-tracking policy\'s `alarms` are the two AWS created for it',
  },
  'boto.ec2.autoscale.policy.ScalingPolicy': {
    note: 'adds (beyond boto2) `policyType`, `stepAdjustments`, `metricAggregationType`, `estimatedInstanceWarmup`, `targetTrackingConfiguration` and `minAdjustmentMagnitude` (AWS\'s name for `minAdjustmentStep`); simple policies print as boto2\'s, the others show their type and target',
  },
  'boto.ec2.autoscale.AutoScaleConnection.build_list_params': { none: QUERY_BUILDER },
  'boto.ec2.autoscale.tag.Tag.build_params': { none: QUERY_BUILDER },
  'boto.ec2.cloudwatch.CloudWatchConnection.build_dimension_param': { none: QUERY_BUILDER },
  'boto.ec2.cloudwatch.CloudWatchConnection.build_list_params': { none: QUERY_BUILDER },
  'boto.ec2.cloudwatch.CloudWatchConnection.build_put_params': { none: QUERY_BUILDER },
  'boto.ec2.elb.ELBConnection.build_list_params': { none: QUERY_BUILDER },
  // Parser-only list classes.
  'boto.ec2.cloudwatch.listelement.ListElement': { none: PARSER_ONLY },
  'boto.ec2.elb.listelement.ListElement': { none: PARSER_ONLY },
  'boto.ec2.cloudwatch.alarm.MetricAlarms': { none: PARSER_ONLY },
};
