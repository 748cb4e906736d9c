/**
 * What every service shares: connection base, regions, credentials, boto config,
 * errors, result sets and paging, repr and validation helpers.
 *
 * @module
 */
export { BotoClientError, BotoServerError, WaitTimeoutError, fromSdkError, reasonPhrase, type BotoServerErrorInit } from './errors';
export { BotoConfig, botoConfigLocations, type BotoConfigSections } from './config';
export { RegionInfo, KNOWN_REGIONS, DEFAULT_REGION, checkRegionName, regionOfAwsHost, type RegionInfoJSON } from './regions';
export { SDK_PARTITIONS, SDK_CORE_VERSION, type SdkPartition } from './rules/sdk-regions';
export { endpointVariant, sdkHost, rulesetOf, type EndpointRuleset, type EndpointRulesetParams, type EndpointVariant, type RulesetSource, type RulesetConfig, type ResolvedEndpoint } from './endpoints';
export { ResultSet, PagedRequest, type PageFetcher } from './resultset';
export { BotoObject, inspectCustom, pyFloat } from './repr';
export {
  AWSConnection, type ConnectionOptions, type CallOptions, type SdkCallOptions, type SdkClientConfig, type ServiceSpec,
  type ConnectionProvenance, type ConnectionArgs, type RequestHandlerInput, type DestroyableClient, type HostWatchableStack,
} from './connection';
export { resolveCredentials, type CredentialsInput, type CredentialSource, type CredentialInputs, type ResolvedCredentials } from './credentials';
export { regionFunctions, connectionArgs, type RegionFunctions, type ConnectionFactory, type RegionSpec } from './service';
export * as validate from './validate';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './timeout';
export { packageVersion } from './version';
