/**
 * The error answers no service model states, written once: code → HTTP status and whose
 * fault it is. The ones the models do state are `MODEL_ERRORS` in `./generated`;
 * botoscale local looks a code up in both (src/local/errors.ts) and answers with what they
 * say, so no handler writes a status of its own.
 *
 * @module
 */

/** What an error answer carries besides its code and message. */
export interface ErrorInfo {
  /** HTTP status. */
  readonly status: number;
  /** Whose fault it is, as query error documents say. */
  readonly fault: 'Sender' | 'Receiver';
}

const sender = (status: number): ErrorInfo => ({ status, fault: 'Sender' });
const receiver = (status: number): ErrorInfo => ({ status, fault: 'Receiver' });

/**
 * Errors every action of these services may answer. AWS's "Common Errors" page, the same
 * for Auto Scaling, CloudWatch, Elastic Load Balancing and EC2's query API:
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/CommonErrors.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
 */
export const COMMON_ERRORS = {
  AccessDeniedException: sender(400),
  IncompleteSignature: sender(400),
  InternalFailure: receiver(500),
  InvalidAction: sender(400),
  InvalidClientTokenId: sender(403),
  InvalidParameterCombination: sender(400),
  InvalidParameterValue: sender(400),
  InvalidQueryParameter: sender(400),
  MalformedQueryString: sender(404),
  MissingAction: sender(400),
  MissingAuthenticationToken: sender(403),
  MissingParameter: sender(400),
  NotAuthorized: sender(400),
  OptInRequired: sender(403),
  RequestExpired: sender(400),
  ServiceUnavailable: receiver(503),
  ThrottlingException: sender(400),
  ValidationError: sender(400),
  /**
   * A signature that does not match, or is scoped wrongly (AWS Signature Version 4
   * troubleshooting: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html).
   */
  SignatureDoesNotMatch: sender(403),
  /** A presigned URL whose `X-Amz-*` query parameters are wrong. */
  AuthorizationQueryParametersError: sender(400),
  /**
   * The JSON protocols' answers to a body or target that cannot be read
   * (https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html).
   */
  SerializationException: sender(400),
  UnknownOperationException: sender(400),
  /** HTTP's own answers where AWS's front end answers before any service (RFC 9110 15.5). */
  MethodNotAllowed: sender(405),
  RequestEntityTooLarge: sender(413),
  UnsupportedMediaType: sender(415),
  MalformedInput: sender(400),
} as const satisfies Record<string, ErrorInfo>;

/**
 * EC2's error codes, which its model does not state. EC2 API Reference, "Error codes for
 * the Amazon EC2 API": client errors are 400 unless noted, server errors 500/503.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
export const EC2_ERRORS = {
  AuthFailure: sender(401),
  CannotDelete: sender(400),
  DependencyViolation: sender(400),
  /** A request with `DryRun` that would have succeeded (412, as EC2 answers it). */
  DryRunOperation: sender(412),
  IdempotentParameterMismatch: sender(400),
  IncorrectInstanceState: sender(400),
  IncorrectState: sender(400),
  InsufficientFreeAddressesInSubnet: sender(400),
  InsufficientInstanceCapacity: receiver(500),
  'InvalidAMIID.Malformed': sender(400),
  'InvalidAMIID.NotFound': sender(400),
  'InvalidGroup.Duplicate': sender(400),
  'InvalidGroup.NotFound': sender(400),
  'InvalidGroupId.Malformed': sender(400),
  /** CreateTags/DeleteTags naming an id that is not one of a taggable resource. */
  InvalidID: sender(400),
  'InvalidInstanceID.Malformed': sender(400),
  'InvalidInstanceID.NotFound': sender(400),
  InvalidInstanceAttributeValue: sender(400),
  'InvalidKeyPair.NotFound': sender(400),
  'InvalidLaunchTemplateId.Malformed': sender(400),
  'InvalidLaunchTemplateId.NotFound': sender(400),
  'InvalidLaunchTemplateId.VersionNotFound': sender(400),
  'InvalidLaunchTemplateName.AlreadyExistsException': sender(400),
  'InvalidLaunchTemplateName.MalformedException': sender(400),
  'InvalidLaunchTemplateName.NotFoundException': sender(400),
  InvalidParameter: sender(400),
  'InvalidPermission.Duplicate': sender(400),
  'InvalidPermission.NotFound': sender(400),
  'InvalidSecurityGroupRuleId.Malformed': sender(400),
  'InvalidSecurityGroupRuleId.NotFound': sender(400),
  'InvalidSubnet.Conflict': sender(400),
  'InvalidSubnet.Range': sender(400),
  'InvalidSubnetID.Malformed': sender(400),
  'InvalidSubnetID.NotFound': sender(400),
  'InvalidVolume.NotFound': sender(400),
  'InvalidVolumeID.Malformed': sender(400),
  'InvalidVpc.Range': sender(400),
  'InvalidVpcID.Malformed': sender(400),
  'InvalidVpcID.NotFound': sender(400),
  MissingInput: sender(400),
  OperationNotPermitted: sender(400),
  RulesPerSecurityGroupLimitExceeded: sender(400),
  SecurityGroupLimitExceeded: sender(400),
  SubnetLimitExceeded: sender(400),
  TagLimitExceeded: sender(400),
  UnsupportedOperation: sender(400),
  VcpuLimitExceeded: sender(400),
  VPCIdNotSpecified: sender(400),
  VpcLimitExceeded: sender(400),
} as const satisfies Record<string, ErrorInfo>;

/**
 * The codes Auto Scaling answers that its model does not state. `UnsupportedOperation`:
 * launch configurations refused in accounts created after their retirement (Amazon EC2
 * Auto Scaling User Guide, "Launch configurations":
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html).
 */
export const AUTOSCALING_ERRORS = {
  UnsupportedOperation: sender(400),
} as const satisfies Record<string, ErrorInfo>;
