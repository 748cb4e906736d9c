/**
 * How the launch template calls name a template and its versions, and the checks EC2's
 * API Reference states for them (CreateLaunchTemplate, DescribeLaunchTemplateVersions,
 * DeleteLaunchTemplateVersions), run before anything is sent.
 *
 * @module
 */
import type { DeleteLaunchTemplateVersionsResponseErrorItem } from '@aws-sdk/client-ec2';
import { BotoClientError, BotoServerError } from '../core/errors';
import { checkLength, checkPattern, requireValue } from '../core/validate';
import { LaunchTemplate, type LaunchTemplateVersionRef } from './launchtemplate';

/** A launch template given by name, or as a {@link LaunchTemplate} (whose id is used when known, else its name). */
export type LaunchTemplateRef = string | LaunchTemplate;

/** What EC2 allows in a launch template name (CreateLaunchTemplate's LaunchTemplateName). */
const NAME_PATTERN = /^[a-zA-Z0-9().\-/_]{3,128}$/;
const NAME_RULE = '3 to 128 characters of a-z A-Z 0-9 ( ) . - / _';

/** Checks a launch template name. */
export function checkTemplateName(field: string, name: string | undefined): string | undefined {
  return checkPattern(field, name, NAME_PATTERN, NAME_RULE);
}

/** Checks a version description (at most 255 characters). */
export function checkVersionDescription(field: string, text: string | undefined): void {
  checkLength(field, text, 255, 0);
}

/** The request members that name a template: its id when known, else its name. */
export function templateSelector(field: string, ref: LaunchTemplateRef | undefined): { LaunchTemplateId?: string; LaunchTemplateName?: string } {
  if (ref instanceof LaunchTemplate) {
    if (ref.id) return { LaunchTemplateId: ref.id };
    return { LaunchTemplateName: checkTemplateName(`${field}.name`, requireValue(`${field}.name`, ref.name)) };
  }
  if (typeof ref !== 'string' && ref !== undefined && ref !== null) {
    throw new BotoClientError(`${field} must be a launch template name or a LaunchTemplate, got ${typeof ref}`);
  }
  return { LaunchTemplateName: checkTemplateName(field, requireValue(field, ref)) };
}

/** Checks a version number: a positive integer. */
export function checkVersionNumber(field: string, version: unknown): number {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BotoClientError(`${field} must be a version number (a positive integer), got ${JSON.stringify(version)}`);
  }
  return version;
}

/** Checks a version: a number, `$Latest` or `$Default`; returns it as EC2 takes it (text). */
export function versionText(field: string, version: LaunchTemplateVersionRef | undefined): string | undefined {
  if (version === undefined) return undefined;
  if (version === '$Latest' || version === '$Default') return version;
  if (typeof version === 'string' && /^[1-9]\d*$/.test(version)) return version;
  if (typeof version === 'number') return String(checkVersionNumber(field, version));
  throw new BotoClientError(`${field} must be a version number, '$Latest' or '$Default', got ${JSON.stringify(version)}`);
}

/** A version as read from AWS: a number when it is one, else `$Latest` or `$Default`. */
export function versionRef(text: string | undefined): LaunchTemplateVersionRef | undefined {
  if (text === undefined || text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : (text as LaunchTemplateVersionRef);
}

/**
 * The error for a DeleteLaunchTemplateVersions answer that deleted some versions and not
 * others: EC2 answers 200 either way, so botoscale says what failed and what was deleted.
 */
export function versionsNotDeleted(template: string, failed: DeleteLaunchTemplateVersionsResponseErrorItem[], deleted: number[]): BotoServerError {
  const first = failed[0]?.ResponseError;
  const lines = failed.map((f) => `version ${f.VersionNumber ?? '?'}: ${f.ResponseError?.Code ?? 'unknown'}: ${f.ResponseError?.Message ?? ''}`.trimEnd());
  const done = deleted.length === 0 ? 'none was deleted' : `deleted: ${deleted.join(', ')}`;
  return new BotoServerError({
    status: 200,
    reason: 'OK',
    errorCode: first?.Code ?? 'UnsuccessfullyDeletedLaunchTemplateVersions',
    message: `launch template ${template}: ${failed.length} version(s) not deleted (${lines.join('; ')}); ${done}`,
  });
}
