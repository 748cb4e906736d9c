/**
 * Connections for core tests: the real AutoScaleConnection and EC2Connection, and a
 * minimal connection on any service spec (ELB's and CloudWatch's boto keys, for example),
 * all able to send one request to a WireMock so tests can read what was signed and where
 * it went.
 */
import type { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { AWSConnection, connectionArgs, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../../src/core';
import { AUTOSCALE_SPEC } from '../../src/autoscale';
import { CLOUDWATCH_SPEC } from '../../src/cloudwatch';
import { EC2_SPEC } from '../../src/ec2';
import { ELB_SPEC } from '../../src/elb';
import { cachedRuleset } from '../../src/core/endpoints';
import { NS, WireMock } from '../helpers/wire';

const REAL_SPECS = [AUTOSCALE_SPEC, CLOUDWATCH_SPEC, ELB_SPEC, EC2_SPEC];

/**
 * A service spec like the real ones, on the Auto Scaling SDK client (the wire is all tests
 * read), whose endpoints are those the real service with this endpoint prefix resolves.
 */
export function testSpec(name: string, endpointPrefix: string, envEndpointName: string, botoRegionKey: string, botoEndpointKey: string): ServiceSpec<AutoScaling> {
  const real = REAL_SPECS.find((spec) => spec.endpointPrefix === endpointPrefix);
  if (real === undefined) throw new Error(`no service has the endpoint prefix ${endpointPrefix}`);
  return {
    name, endpointPrefix, envEndpointName, botoRegionKey, botoEndpointKey,
    endpointRuleset: real.endpointRuleset,
    async createClient(config) {
      const { AutoScaling } = await import('@aws-sdk/client-auto-scaling');
      const ruleset = cachedRuleset(real.endpointRuleset);
      return new AutoScaling({
        ...config,
        endpointProvider: (params) => ruleset({ ...params, Region: params.Region ?? '', UseFIPS: params.UseFIPS ?? false, UseDualStack: params.UseDualStack ?? false }),
      });
    },
  };
}

/** ELB's spec as src/elb declares it. */
export const ELB_LIKE = testSpec('elb', 'elasticloadbalancing', 'ELASTIC_LOAD_BALANCING', 'elb_region_name', 'elb_region_endpoint');
/** CloudWatch's spec as src/cloudwatch declares it. */
export const CLOUDWATCH_LIKE = testSpec('cloudwatch', 'monitoring', 'CLOUDWATCH', 'cloudwatch_region_name', 'cloudwatch_region_endpoint');

/** A connection on any spec, sending DescribeAccountLimits as its one call. */
export class SpecConnection extends AWSConnection<AutoScaling> {
  constructor(spec: ServiceSpec<AutoScaling>, awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions) {
    super(spec, connectionArgs(awsAccessKeyId, awsSecretAccessKey, options));
  }

  /** One request through the SDK client. */
  async ping(options?: CallOptions): Promise<number | undefined> {
    const out = await this.call((c, o) => c.describeAccountLimits({}, o), options);
    return out.MaxNumberOfAutoScalingGroups;
  }
}

/** Queues the answer to {@link SpecConnection.ping} (and to AutoScaleConnection.getAccountLimits). */
export function replyLimits(wire: WireMock, groups = 20): void {
  wire.replyQuery(NS.autoscaling, 'DescribeAccountLimits', `<MaxNumberOfAutoScalingGroups>${groups}</MaxNumberOfAutoScalingGroups><MaxNumberOfLaunchConfigurations>100</MaxNumberOfLaunchConfigurations><NumberOfAutoScalingGroups>3</NumberOfAutoScalingGroups><NumberOfLaunchConfigurations>5</NumberOfLaunchConfigurations>`);
}

/** The access key id a request was signed with, read from its Authorization header. */
export function signedKeyId(headers: Record<string, string>): string | undefined {
  return /Credential=([^/]+)\//.exec(headers.authorization ?? '')?.[1];
}

/** The region a request was signed for. */
export function signedRegion(headers: Record<string, string>): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(headers.authorization ?? '')?.[1];
}
