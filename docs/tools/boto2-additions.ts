/**
 * What botoscale offers beyond boto2 (AWS features that came after boto 2.49), listed in
 * docs/boto2-mapping.md's "beyond boto2" sections. Each entry names a class member in a
 * botoscale module; the generator reads its signature from the sources, so the table
 * stays what the code is.
 */
import type { ServiceModule } from './botoscale-api';

/** One addition: a constructor or method of an exported class, and what it is for. */
export interface Addition {
  /** The botoscale module that exports the class. */
  module: ServiceModule;
  /** The class. */
  className: string;
  /** `constructor` or a method name. */
  member: string;
  /** What it is for. */
  note: string;
}

const LT = 'launch templates, which accounts created since 2024-10-01 must use instead of launch configurations';

/** Every addition, in the order the document lists them. */
export const ADDITIONS: readonly Addition[] = [
  { module: 'ec2', className: 'LaunchTemplate', member: 'constructor', note: `${LT}; \`LaunchTemplate.fromLaunchConfiguration(lc, overrides?)\` makes one from a launch configuration, field by field; IMDSv2 required unless told otherwise` },
  { module: 'ec2', className: 'LaunchTemplate', member: 'settings', note: 'the launch settings this object (one version) holds' },
  { module: 'ec2', className: 'LaunchTemplate', member: 'createVersion', note: 'a new version, from a whole template or changes to `sourceVersion` (default `$Latest`)' },
  { module: 'ec2', className: 'LaunchTemplate', member: 'getVersions', note: 'paged: `await` gives one page, `for await` every item' },
  { module: 'ec2', className: 'LaunchTemplate', member: 'setDefaultVersion', note: 'the version groups on `$Default` launch from' },
  { module: 'ec2', className: 'LaunchTemplate', member: 'deleteVersions', note: 'rejects naming every version EC2 did not delete' },
  { module: 'ec2', className: 'LaunchTemplate', member: 'delete', note: 'with every version' },
  { module: 'ec2', className: 'EC2Connection', member: 'createLaunchTemplate', note: '`CreateLaunchTemplate`' },
  { module: 'ec2', className: 'EC2Connection', member: 'createLaunchTemplateVersion', note: '`CreateLaunchTemplateVersion`; `$Latest`/`$Default` sources are resolved to their numbers first' },
  { module: 'ec2', className: 'EC2Connection', member: 'getAllLaunchTemplates', note: '`DescribeLaunchTemplates`; paged: `await` gives one page, `for await` every item' },
  { module: 'ec2', className: 'EC2Connection', member: 'getLaunchTemplateVersions', note: '`DescribeLaunchTemplateVersions`; paged: `await` gives one page, `for await` every item' },
  { module: 'ec2', className: 'EC2Connection', member: 'setDefaultLaunchTemplateVersion', note: '`ModifyLaunchTemplate`' },
  { module: 'ec2', className: 'EC2Connection', member: 'deleteLaunchTemplateVersions', note: '`DeleteLaunchTemplateVersions`; rejects naming every version EC2 did not delete' },
  { module: 'ec2', className: 'EC2Connection', member: 'deleteLaunchTemplate', note: '`DeleteLaunchTemplate`' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'getMetricData', note: 'GetMetricData: metrics and metric math (`SUM(METRICS())`, `100 * errors / requests`); paged by `maxDatapoints`' },
  { module: 'cloudwatch', className: 'MetricDataResult', member: 'constructor', note: 'one series `getMetricData` answers: `id`, `label`, `timestamps`, `values`, `statusCode`' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'tagAlarm', note: 'TagResource on an alarm, by ARN or `MetricAlarm`' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'untagAlarm', note: 'UntagResource on an alarm' },
  { module: 'cloudwatch', className: 'CloudWatchConnection', member: 'listTagsForAlarm', note: 'ListTagsForResource on an alarm, as an object of keys to values' },
  { module: 'autoscale', className: 'AutoScalingGroup', member: 'attachLoadBalancers', note: 'AttachLoadBalancers: classic load balancers added in place; InService instances are registered' },
  { module: 'autoscale', className: 'AutoScalingGroup', member: 'detachLoadBalancers', note: 'DetachLoadBalancers: instances are deregistered' },
  { module: 'autoscale', className: 'AutoScalingGroup', member: 'enterStandby', note: 'EnterStandby: instances leave the load balancers and health checks, still running; `shouldDecrementDesiredCapacity` defaults to true' },
  { module: 'autoscale', className: 'AutoScalingGroup', member: 'exitStandby', note: 'ExitStandby: back through Pending to InService, raising the desired capacity' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'attachLoadBalancers', note: '`AttachLoadBalancers`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'detachLoadBalancers', note: '`DetachLoadBalancers`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'getAllNotificationConfigurations', note: '`DescribeNotificationConfigurations`, one `NotificationConfiguration` per group, topic and event; paged: `await` gives one page, `for await` every item' },
  { module: 'autoscale', className: 'NotificationConfiguration', member: 'constructor', note: 'what `getAllNotificationConfigurations` lists: `groupName`, `topicArn`, `notificationType`' },
  { module: 'autoscale', className: 'LifecycleHook', member: 'constructor', note: 'lifecycle hooks hold launching or terminating instances in `Pending:Wait` / `Terminating:Wait` until completed or timed out' },
  { module: 'autoscale', className: 'LifecycleHook', member: 'delete', note: '`DeleteLifecycleHook`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'createLifecycleHook', note: '`PutLifecycleHook`, from a `LifecycleHook`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'getAllLifecycleHooks', note: '`DescribeLifecycleHooks`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'deleteLifecycleHook', note: '`DeleteLifecycleHook`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'completeLifecycleAction', note: '`CompleteLifecycleAction`, by `instanceId` or `lifecycleActionToken`' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'recordLifecycleActionHeartbeat', note: '`RecordLifecycleActionHeartbeat`: the heartbeat timeout starts again' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'enterStandby', note: '`EnterStandby`; resolves with the activities' },
  { module: 'autoscale', className: 'AutoScaleConnection', member: 'exitStandby', note: '`ExitStandby`; resolves with the activities' },
];
