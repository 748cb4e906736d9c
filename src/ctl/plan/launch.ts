/**
 * Which way a group launches (a launch template named after it, or the original's
 * `<group>-<n>` launch configurations) and what it takes to bring its launch template in
 * line with the file: a new template, a new default version (keeping the last
 * `KEPT_TEMPLATE_VERSIONS`), or a move from the launch configuration it is on.
 *
 * @module
 */
import { isValidTemplateName, KEPT_TEMPLATE_VERSIONS, launchConfigNumber, launchTemplateName } from '../model/naming';
import type { CurrentState, GroupSpec, GroupState, LaunchMode, LaunchTemplateState } from '../model/types';
import { launchConfigChanges } from './compare';
import type { LaunchMigration, PlannedAction, PlanOptions } from './types';

/**
 * The way a group launches once the plan is applied: what the file's `launch` says;
 * else a template for a new group or one on a template already, and for a group on a
 * launch configuration, that configuration kept (adopted without churn) unless
 * `--migrate`. A group whose name EC2 does not take as a template name stays on launch
 * configurations unless the file asks for a template (which validation then refuses).
 * A group with `spot` is on its template (a mixed instances policy needs one).
 */
export function launchMode(spec: GroupSpec, g: GroupState | undefined, options: PlanOptions, warnings: string[]): LaunchMode {
  if (spec.launch !== undefined) return spec.launch;
  // A mixed instances policy launches from a template (validation refuses spot with launch: configuration).
  if (spec.spot !== undefined) return 'template';
  const onConfiguration = g !== undefined && g.launchTemplate === undefined && g.launchConfigName !== undefined;
  const wanted: LaunchMode = onConfiguration && options.migrate !== true ? 'configuration' : 'template';
  if (wanted === 'template' && !isValidTemplateName(launchTemplateName(spec.name))) {
    warnings.push(`group ${spec.name} stays on launch configurations: its name cannot name a launch template (3 to 128 of a-z A-Z 0-9 ( ) . - / _)`);
    return 'configuration';
  }
  return wanted;
}

/** How a group on a template gets there. */
export interface TemplateResolution {
  /** The template the group must use. */
  name: string;
  /** The action creating it or adding its new default version. */
  action?: PlannedAction;
  /** For a group moving from a launch configuration: what the switch does first. */
  migrate?: LaunchMigration;
  /** The launch configuration `<group>-<n>` to delete once the group is off it. */
  retire?: string;
}

/** The default version, as the plan shows it: `v4`. */
function versionLabel(t: LaunchTemplateState): string {
  return `v${t.defaultVersion}`;
}

/**
 * What the group's template needs. `fresh`: the group is created (or created again), so
 * a group on a launch configuration simply gets the template, without a switch.
 */
export function resolveTemplate(spec: GroupSpec, g: GroupState | undefined, current: CurrentState, fresh: boolean): TemplateResolution {
  const name = launchTemplateName(spec.name);
  const have = current.launchTemplates.get(name);
  const fromConfig = g?.launchTemplate === undefined ? g?.launchConfigName : undefined;
  const retire = fromConfig !== undefined && launchConfigNumber(spec.name, fromConfig) !== undefined ? fromConfig : undefined;
  if (fromConfig !== undefined && !fresh) {
    const base = have?.settings ?? current.launchConfigs.get(fromConfig);
    const differs = base === undefined || launchConfigChanges({ name, ...base }, spec.launchConfig).length > 0;
    const migrate: LaunchMigration = { fromLaunchConfig: fromConfig, createTemplate: have === undefined };
    if (differs) migrate.spec = spec.launchConfig;
    return retire === undefined ? { name, migrate } : { name, migrate, retire };
  }
  const out: TemplateResolution = retire === undefined ? { name } : { name, retire };
  if (have === undefined) {
    out.action = {
      action: 'create',
      resource: 'launch_template',
      name,
      group: spec.name,
      changes: launchConfigChanges(undefined, spec.launchConfig),
      op: { kind: 'createLaunchTemplate', name, spec: spec.launchConfig },
    };
    return out;
  }
  const changes = launchConfigChanges({ name, ...have.settings }, spec.launchConfig);
  if (changes.length === 0) return out;
  const next = have.latestVersion + 1;
  const notes = [`v${next} becomes the default version, which the group launches from; running instances are kept`];
  if (next > KEPT_TEMPLATE_VERSIONS) notes.push(`versions before the last ${KEPT_TEMPLATE_VERSIONS} are deleted`);
  const keep = KEPT_TEMPLATE_VERSIONS;
  const op = have.httpTokens === undefined
    ? { kind: 'createLaunchTemplateVersion' as const, name, spec: spec.launchConfig, keep }
    : { kind: 'createLaunchTemplateVersion' as const, name, spec: spec.launchConfig, httpTokens: have.httpTokens, keep };
  out.action = {
    action: 'update',
    resource: 'launch_template',
    name,
    group: spec.name,
    changes: [{ field: 'default_version', old: versionLabel(have), new: `v${next}` }, ...changes],
    note: notes.join('; '),
    op,
  };
  return out;
}

/** How the plan shows what a group launches from. */
export function launchLabel(g: { launchConfigName?: string; launchTemplate?: { name?: string; id?: string; version: number | string } } | undefined): string | undefined {
  if (g?.launchTemplate !== undefined) {
    const v = g.launchTemplate.version;
    return `launch template ${g.launchTemplate.name ?? g.launchTemplate.id ?? '?'} (${typeof v === 'number' ? `v${v}` : v})`;
  }
  return g?.launchConfigName === undefined ? undefined : `launch configuration ${g.launchConfigName}`;
}
