/**
 * What every service shares: connection base, regions, credentials, boto config,
 * errors, result sets and paging, repr and validation helpers.
 *
 * @module
 */
export { BotoClientError, BotoServerError, WaitTimeoutError, fromSdkError, reasonPhrase, type BotoServerErrorInit } from './errors';
export { BotoConfig, botoConfigLocations, type BotoConfigSections } from './config';
export { RegionInfo, KNOWN_REGIONS, DEFAULT_REGION, defaultEndpointHost, checkRegionName } from './regions';
export { ResultSet, PagedRequest, type PageFetcher } from './resultset';
export { BotoObject, inspectCustom, pyFloat } from './repr';
export {
  AWSConnection, type ConnectionOptions, type CallOptions, type SdkCallOptions, type SdkClientConfig, type ServiceSpec,
  type ConnectionProvenance, type ConnectionArgs, type RequestHandlerInput, type DestroyableClient,
} from './connection';
export { resolveCredentials, type CredentialsInput, type CredentialSource, type CredentialInputs, type ResolvedCredentials } from './credentials';
export { regionFunctions, connectionArgs, type RegionFunctions, type ConnectionFactory } from './service';
export * as validate from './validate';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './timeout';
