/**
 * Which launch template (and version) a group or instance launches from: Auto Scaling's
 * `LaunchTemplateSpecification`, given as a `LaunchTemplate`, a name, or `{ name | id,
 * version }`. Not in boto2, whose groups only knew launch configurations.
 *
 * @module
 */
import type { LaunchTemplateSpecification as SdkLaunchTemplateSpecification } from '@aws-sdk/client-auto-scaling';
import { BotoClientError } from '../core/errors';
import { LaunchTemplate, type LaunchTemplateVersionRef } from '../ec2/launchtemplate';
import { checkTemplateName, versionRef, versionText } from '../ec2/launchtemplate-refs';

/** A group's launch template as AWS describes it: id, name and version. */
export interface GroupLaunchTemplate {
  /** The template's id (`lt-…`); AWS fills it in on describes. */
  id?: string;
  /** The template's name. */
  name?: string;
  /** A version number, `$Latest` or `$Default` (the default). */
  version: LaunchTemplateVersionRef;
}

/** A group's launch template given by id or name, with the version to launch from. */
export interface LaunchTemplateChoice {
  /** The template's id (`lt-…`); give this or `name`. */
  id?: string;
  /** The template's name; give this or `id`. */
  name?: string;
  /** A version number, `$Latest` or `$Default` (the default). */
  version?: LaunchTemplateVersionRef;
}

/** How a group's `launchTemplate` may be given: a `LaunchTemplate`, its name, or `{ name | id, version }`. */
export type LaunchTemplateInput = LaunchTemplate | string | LaunchTemplateChoice;

const DEFAULT_VERSION = '$Default';

/** The group's launch template from what a user gave; `field` names it in errors. */
export function groupLaunchTemplate(field: string, input: LaunchTemplateInput | undefined): GroupLaunchTemplate | undefined {
  if (input === undefined || input === null) return undefined;
  if (input instanceof LaunchTemplate) {
    if (!input.id && !input.name) throw new BotoClientError(`${field} must have a name or an id`);
    return input.id ? { id: input.id, name: input.name, version: DEFAULT_VERSION } : { name: input.name, version: DEFAULT_VERSION };
  }
  if (typeof input === 'string') {
    checkTemplateName(field, input);
    return { name: input, version: DEFAULT_VERSION };
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new BotoClientError(`${field} must be a LaunchTemplate, a template name, or { name | id, version }, got ${Array.isArray(input) ? 'a list' : typeof input}`);
  }
  if (!input.id && !input.name) throw new BotoClientError(`${field} needs name or id`);
  checkTemplateName(`${field}.name`, input.name);
  const version = input.version ?? DEFAULT_VERSION;
  versionText(`${field}.version`, version);
  return {
    ...(input.id ? { id: input.id } : {}),
    ...(input.name ? { name: input.name } : {}),
    version: typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : version,
  };
}

/** Auto Scaling's `LaunchTemplateSpecification`: the id when known (AWS takes one of id or name), and the version. */
export function launchTemplateToSdk(t: GroupLaunchTemplate): SdkLaunchTemplateSpecification {
  return {
    ...(t.id ? { LaunchTemplateId: t.id } : { LaunchTemplateName: t.name }),
    Version: versionText('launchTemplate.version', t.version),
  };
}

/** The launch template of a group or instance as AWS describes it. */
export function launchTemplateFromSdk(t: SdkLaunchTemplateSpecification | undefined): GroupLaunchTemplate | undefined {
  if (t === undefined || (!t.LaunchTemplateId && !t.LaunchTemplateName)) return undefined;
  return {
    ...(t.LaunchTemplateId ? { id: t.LaunchTemplateId } : {}),
    ...(t.LaunchTemplateName ? { name: t.LaunchTemplateName } : {}),
    version: versionRef(t.Version) ?? DEFAULT_VERSION,
  };
}

/** `LaunchTemplate:web($Default)` or `LaunchTemplate:web(v3)`, for the reprs of groups and instances. */
export function launchTemplateLabel(t: GroupLaunchTemplate): string {
  const version = typeof t.version === 'number' ? `v${t.version}` : t.version;
  return `LaunchTemplate:${t.name ?? t.id ?? 'None'}(${version})`;
}
