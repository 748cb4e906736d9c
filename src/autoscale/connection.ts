/**
 * The Auto Scaling connection (boto2's `boto.ec2.autoscale.AutoScaleConnection`).
 *
 * @module
 */
import type { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { AWSConnection, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../core/connection';
import { PagedRequest, ResultSet } from '../core/resultset';
import { connectionArgs } from '../core/service';
import { checkInt, checkLength, checkMaxItems, requireValue } from '../core/validate';
import { LaunchConfiguration } from './launchconfig';

/** How botoscale reaches Auto Scaling. */
export const AUTOSCALE_SPEC: ServiceSpec<AutoScaling> = {
  name: 'autoscale',
  endpointPrefix: 'autoscaling',
  envEndpointName: 'AUTO_SCALING',
  botoRegionKey: 'autoscale_region_name',
  botoEndpointKey: 'autoscale_endpoint',
  async createClient(config) {
    const { AutoScaling } = await import('@aws-sdk/client-auto-scaling');
    return new AutoScaling(config);
  },
};

/** Options of {@link AutoScaleConnection.getAllLaunchConfigurations}. */
export interface GetAllLaunchConfigurationsOptions extends CallOptions {
  names?: string[];
  /** Page size, 1 to 100. */
  maxRecords?: number;
  nextToken?: string;
}

/** A connection to Auto Scaling in one region. */
export class AutoScaleConnection extends AWSConnection<AutoScaling> {
  /** Auto Scaling API version botoscale speaks. */
  static readonly APIVersion = '2011-01-01';

  /**
   * @param awsAccessKeyId access key, or the options object alone
   * @param awsSecretAccessKey secret key (never printed or logged)
   * @param options region, endpoint, credentials and SDK pass-through options
   */
  constructor(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions) {
    super(AUTOSCALE_SPEC, connectionArgs(awsAccessKeyId, awsSecretAccessKey, options));
  }

  // ----- launch configurations -----

  /** Creates a launch configuration; `launchConfig` is then bound to this connection. */
  async createLaunchConfiguration(launchConfig: LaunchConfiguration, options?: CallOptions): Promise<void> {
    const lc = launchConfig;
    checkLength('name', requireValue('name', lc.name), 255);
    requireValue('imageId', lc.imageId);
    await this.call((c, o) => c.createLaunchConfiguration({
      LaunchConfigurationName: lc.name,
      ImageId: lc.imageId,
      InstanceType: lc.instanceType,
      KeyName: lc.keyName || undefined,
      SecurityGroups: lc.securityGroups.length > 0 ? lc.securityGroups : undefined,
      UserData: lc.userData ? Buffer.from(lc.userData, 'utf8').toString('base64') : undefined,
      KernelId: lc.kernelId || undefined,
      RamdiskId: lc.ramdiskId || undefined,
      BlockDeviceMappings: lc.blockDeviceMappings.length > 0 ? lc.blockDeviceMappings.map((b) => b.toSdk()) : undefined,
      InstanceMonitoring: { Enabled: lc.instanceMonitoring.enabled },
      SpotPrice: lc.spotPrice === undefined ? undefined : String(lc.spotPrice),
      IamInstanceProfile: lc.instanceProfileName,
      EbsOptimized: lc.ebsOptimized,
      AssociatePublicIpAddress: lc.associatePublicIpAddress,
      ClassicLinkVPCId: lc.classicLinkVpcId,
      ClassicLinkVPCSecurityGroups: lc.classicLinkVpcSecurityGroups.length > 0 ? lc.classicLinkVpcSecurityGroups : undefined,
      PlacementTenancy: lc.placementTenancy,
    }, o), options);
    lc.connection = this;
  }

  /** Launch configurations, one page per await, or all of them with `for await`. */
  getAllLaunchConfigurations(options: GetAllLaunchConfigurationsOptions = {}): PagedRequest<LaunchConfiguration> {
    return new PagedRequest(async (nextToken) => {
      checkInt('maxRecords', options.maxRecords, { min: 1, max: 100 });
      checkMaxItems('names', options.names, 50);
      const out = await this.call((c, o) => c.describeLaunchConfigurations({
        LaunchConfigurationNames: options.names,
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.LaunchConfigurations ?? []).map((lc) => LaunchConfiguration.fromSdk(this, lc)), out.NextToken);
    }, options.nextToken);
  }

  /** Deletes a launch configuration by name. */
  async deleteLaunchConfiguration(launchConfigName: string, options?: CallOptions): Promise<void> {
    requireValue('launchConfigName', launchConfigName);
    await this.call((c, o) => c.deleteLaunchConfiguration({ LaunchConfigurationName: launchConfigName }, o), options);
  }
}
