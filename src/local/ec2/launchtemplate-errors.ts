/**
 * The error answers of EC2's launch-template actions, in AWS's codes and words, in one
 * place. Wordings marked "observed" are what EC2 answers (as recorded by tests run
 * against AWS, e.g. moto's `aws_verified` launch-template tests); the others follow the
 * API Reference's description of the rule where no recorded answer could be found.
 *
 * @module
 */
import { awsError, type ServiceError } from '../errors';
import { PROFILES } from '../protocol/services';
import { satisfiesStringShape } from '../protocol/validate';

/** Whether a launch template name meets the model's `LaunchTemplateName` shape (3–128 of `[a-zA-Z0-9().\-/_]`). */
export function isLaunchTemplateName(name: string): boolean {
  return satisfiesStringShape(PROFILES.ec2.model, 'LaunchTemplateName', name);
}
/** A launch template id: `lt-` and 17 hex digits. */
export const LAUNCH_TEMPLATE_ID = /^lt-[0-9a-f]{17}$/;

/** Observed: a name that is not {@link isLaunchTemplateName}. */
export function malformedName(): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateName.MalformedException', 'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.');
}

/** Observed: CreateLaunchTemplate with a name in use. */
export function nameInUse(): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');
}

/** Observed: one template named that does not exist. */
export function nameNotFound(name: string): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateName.NotFoundException', `The specified launch template, with template name ${name}, does not exist.`);
}

/** Observed: DescribeLaunchTemplates with names of which one or more do not exist. */
export function someNamesNotFound(): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateName.NotFoundException', 'At least one of the launch templates specified in the request does not exist.');
}

/** Observed: a template id that does not exist. */
export function idNotFound(id: string): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
}

/** A template id that is not `lt-` and 17 hex digits (EC2's `Invalid id` wording of malformed ids). */
export function malformedId(id: string): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateId.Malformed', `Invalid id: "${id}" (expecting "lt-...")`);
}

/** Observed: a version that the template does not have. */
export function versionNotFound(version: string, templateId: string): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateId.VersionNotFound', `Could not find the specified version ${version} for the launch template with ID ${templateId}.`);
}

/** Observed: ModifyLaunchTemplate with a default version the template does not have. */
export function defaultVersionNotFound(version: string): ServiceError {
  return awsError('ec2', 'InvalidLaunchTemplateId.VersionNotFound', `The launch template version ${version} is not found for the specified launch template.`);
}

/** Observed (DeleteLaunchTemplate): neither an id nor a name. */
export function missingTemplate(): ServiceError {
  return awsError('ec2', 'MissingParameter', 'The request must contain the parameter launch template ID or launch template name');
}

/** Both an id and a name ("You must specify either the launch template ID or the launch template name, but not both."); observed wording for ModifyLaunchTemplate. */
export function bothIdAndName(action: string): ServiceError {
  const message =
    action === 'ModifyLaunchTemplate'
      ? 'Either provide launch template ID or launch template name to modify the template.'
      : 'You must specify either the launch template ID or the launch template name, but not both.';
  return awsError('ec2', 'InvalidParameterCombination', message);
}

/** Observed: DescribeLaunchTemplateVersions naming no template, with no versions (MissingParameter) or with numbers (InvalidParameterValue). */
export function versionsWithoutTemplate(code: 'MissingParameter' | 'InvalidParameterValue'): ServiceError {
  return awsError('ec2', code, 'To describe the launch template data for all your launch templates, for ‘--versions’ specify ‘$Latest’, ‘$Default’, or both, and omit ‘--launch-template-id’, ‘--launch-template-name’, and version numbers. To describe the launch template data for a specific launch template, specify ‘--launch-template-id’ or ‘--launch-template-name’, and for ‘--versions’ specify one or more of the following values: ‘$Latest’, ‘$Default’, or one or more version numbers.');
}

/** A ClientToken used before for a different request (EC2's idempotency rule). */
export function idempotentMismatch(): ServiceError {
  return awsError('ec2', 'IdempotentParameterMismatch', 'The client token you have provided is associated with a resource that is already deleted or has different parameters. Please use a different client token.');
}

/** A TagSpecification of a resource type the action cannot tag. */
export function untaggableType(type: string): ServiceError {
  return awsError('ec2', 'InvalidParameterValue', `'${type}' is not a valid taggable resource type for this operation.`);
}

/** A version that is neither `$Latest`, `$Default` nor a positive whole number. */
export function invalidVersion(version: string): ServiceError {
  return awsError('ec2', 'InvalidParameterValue', `Invalid launch template version '${version}': use $Latest, $Default or a version number.`);
}

/** MaxResults outside 1–200 (the API Reference's range for both describe actions). */
export function invalidMaxResults(max: number): ServiceError {
  return awsError('ec2', 'InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Parameter must be between 1 and 200.`);
}

/** The per-version error codes of DeleteLaunchTemplateVersions (the model's LaunchTemplateErrorCode). */
export type VersionErrorCode =
  | 'launchTemplateIdDoesNotExist'
  | 'launchTemplateIdMalformed'
  | 'launchTemplateNameDoesNotExist'
  | 'launchTemplateNameMalformed'
  | 'launchTemplateVersionDoesNotExist'
  | 'unexpectedError';

/** The per-version error of a version DeleteLaunchTemplateVersions could not delete. */
export interface VersionError {
  /** One of the model's LaunchTemplateErrorCode values. */
  code: VersionErrorCode;
  /** What went wrong. */
  message: string;
}

/** The default version, which DeleteLaunchTemplateVersions refuses (the model's codes have no closer one than `unexpectedError`). */
export const DEFAULT_VERSION_UNDELETABLE: VersionError = {
  code: 'unexpectedError',
  message: "You can't delete the default version of a launch template; you must first assign a different version as the default. If the default version is the only version for the launch template, you must delete the entire launch template using DeleteLaunchTemplate.",
};

/** A version the template does not have. */
export const VERSION_DOES_NOT_EXIST: VersionError = { code: 'launchTemplateVersionDoesNotExist', message: 'The specified launch template version does not exist.' };

/** The per-version form of an error about the template itself. */
export function asVersionError(err: ServiceError): VersionError {
  const codes: Record<string, VersionErrorCode> = {
    'InvalidLaunchTemplateId.NotFound': 'launchTemplateIdDoesNotExist',
    'InvalidLaunchTemplateId.Malformed': 'launchTemplateIdMalformed',
    'InvalidLaunchTemplateName.NotFoundException': 'launchTemplateNameDoesNotExist',
    'InvalidLaunchTemplateName.MalformedException': 'launchTemplateNameMalformed',
  };
  return { code: codes[err.code] ?? 'unexpectedError', message: err.message };
}
