/**
 * The partitions and regions of the AWS SDK's own endpoint data (`partitionsInfo` of
 * @aws-sdk/core 3.981.0, which the SDK clients' endpoint resolvers read). Written by
 * `node scripts/gen-sdk-regions.mjs` (`npm run build` runs it) from the installed SDK;
 * test/core/sdk-regions.test.ts checks that it still matches. Do not edit by hand.
 *
 * @module
 */

/** One partition of the SDK's data. */
export interface SdkPartition {
  /** `aws`, `aws-cn`, `aws-eusc`, ... */
  readonly id: string;
  /** Suffix of its endpoint hosts: `amazonaws.com`, `amazonaws.eu`, ... */
  readonly dnsSuffix: string;
  /** Suffix of its dual-stack endpoint hosts: `api.aws`, ... */
  readonly dualStackDnsSuffix: string;
  /** Its regions, as the SDK lists them. */
  readonly regions: readonly string[];
}

/** The version of @aws-sdk/core the data was read from. */
export const SDK_CORE_VERSION = '3.981.0';

/** Every partition of the SDK's data, in the SDK's order. */
export const SDK_PARTITIONS: readonly SdkPartition[] = [
  { id: "aws", dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", regions: ["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "me-west-1", "mx-central-1", "sa-east-1", "sa-west-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"] },
  { id: "aws-cn", dnsSuffix: "amazonaws.com.cn", dualStackDnsSuffix: "api.amazonwebservices.com.cn", regions: ["cn-north-1", "cn-northwest-1"] },
  { id: "aws-eusc", dnsSuffix: "amazonaws.eu", dualStackDnsSuffix: "api.amazonwebservices.eu", regions: ["eusc-de-east-1"] },
  { id: "aws-iso", dnsSuffix: "c2s.ic.gov", dualStackDnsSuffix: "api.aws.ic.gov", regions: ["us-iso-east-1", "us-iso-west-1"] },
  { id: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", dualStackDnsSuffix: "api.aws.scloud", regions: ["us-isob-east-1", "us-isob-west-1"] },
  { id: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk", dualStackDnsSuffix: "api.cloud-aws.adc-e.uk", regions: ["eu-isoe-west-1"] },
  { id: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov", dualStackDnsSuffix: "api.aws.hci.ic.gov", regions: ["us-isof-east-1", "us-isof-south-1"] },
  { id: "aws-us-gov", dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", regions: ["us-gov-east-1", "us-gov-west-1"] },
];
