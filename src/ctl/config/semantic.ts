/**
 * Rules that span several keys: sizes against each other, alarms against the policies
 * they name, duplicate names, load balancer listeners. They read the parsed YAML
 * defensively (a value of the wrong type is the schema's error, reported there), so they
 * run on the whole file even where the schema failed.
 *
 * @module
 */
import { realKey, type DocPath } from './locate';
import {
  capacityBreach, evaluationSpanLimit, HEALTH_CHECK_TARGET, isEvaluationSpanAllowed, isHealthCheckTimeoutAllowed, isResourceLabel, LOAD_BALANCER_NAME,
  POLICY_FIELDS_BY_TYPE, POLICY_REQUIRED_BY_TYPE, RESOURCE_LABEL_FORM, stepIntervalProblem, type PolicyType,
} from '../../core/rules/aws-rules';
import { durationSeconds } from './durations';
import { POLICY_TYPES, PROTOCOLS } from './schema';
import { didYouMean } from './suggest';
import { alarmName, isValidGroupName, isValidPolicyName, isValidTemplateName, RESERVED_TAG_PREFIXES } from '../model/naming';

/** Records one error at a path. */
export type Report = (path: DocPath, message: string) => void;

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function entries(value: unknown): [string, unknown][] {
  return isObj(value) ? Object.entries(value) : [];
}

const LB_NAME = LOAD_BALANCER_NAME;

function checkSizes(path: DocPath, o: Obj, report: Report, what: string): void {
  const min = int(o.min_size);
  const max = int(o.max_size);
  const capacity = int(o.capacity);
  if (capacityBreach(min, max, undefined) === 'min-above-max') {
    report([...path, 'min_size'], `min_size (${min}) is greater than max_size (${max})${what}`);
  }
  if (capacityBreach(min, undefined, capacity) === 'desired-below-min') report([...path, 'capacity'], `capacity (${capacity}) is less than min_size (${min})${what}`);
  if (capacityBreach(undefined, max, capacity) === 'desired-above-max') report([...path, 'capacity'], `capacity (${capacity}) is greater than max_size (${max})${what}`);
}

/**
 * The file's policy keys and the PutScalingPolicy field each one sets, so that which keys
 * go with which type comes from the rules module (`POLICY_FIELDS_BY_TYPE`). A simple
 * policy's adjustment type is its `type`, so `adjustment_type` is a `Step` policy's only.
 */
const FIELD_OF_KEY: Readonly<Record<string, string>> = {
  adjustment: 'scalingAdjustment',
  cooldown: 'cooldown',
  min_adjustment_step: 'minAdjustmentStep',
  adjustment_type: 'adjustmentType',
  steps: 'stepAdjustments',
  aggregation: 'metricAggregationType',
  warmup: 'estimatedInstanceWarmup',
  target: 'targetTrackingConfiguration',
  metric: 'targetTrackingConfiguration',
  resource_label: 'targetTrackingConfiguration',
  disable_scale_in: 'targetTrackingConfiguration',
};

/** The keys a required field is given by in the file (a simple policy's adjustment type is its `type`; a step policy's defaults). */
const KEYS_OF_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  scalingAdjustment: ['adjustment'],
  stepAdjustments: ['steps'],
  targetTrackingConfiguration: ['target', 'metric'],
};

function policyTypeOf(fileType: string): PolicyType {
  if (fileType === 'Step') return 'StepScaling';
  if (fileType === 'TargetTracking') return 'TargetTrackingScaling';
  return 'SimpleScaling';
}

function takes(fileType: string, key: string): boolean {
  const field = FIELD_OF_KEY[key];
  if (field === undefined) return true;
  if (key === 'adjustment_type') return fileType === 'Step';
  return POLICY_FIELDS_BY_TYPE[field]?.includes(policyTypeOf(fileType)) ?? false;
}

function typesTaking(key: string): string {
  const kinds = POLICY_TYPES.filter((t) => takes(t, key));
  return kinds.length === 1 ? kinds[0] as string : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1) as string}`;
}

function checkSteps(path: DocPath, p: Obj, report: Report): void {
  if (!Array.isArray(p.steps) || !p.steps.every((st) => isObj(st) && typeof st.adjustment === 'number')) return;
  const steps = p.steps as Obj[];
  if (p.adjustment_type === 'ExactCapacity') {
    steps.forEach((st, i) => {
      if ((st.adjustment as number) < 0) report([...path, 'steps', i, 'adjustment'], `adjustment must not be negative with adjustment_type ExactCapacity, got ${String(st.adjustment)}`);
    });
  }
  const bound = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const problem = stepIntervalProblem('steps', steps.map((st) => ({ lowerBound: bound(st.lower), upperBound: bound(st.upper) })), { lower: 'lower', upper: 'upper' });
  if (problem !== undefined) report([...path, 'steps'], problem);
}

function checkTracking(path: DocPath, p: Obj, report: Report): void {
  if (p.metric === 'requests_per_target') {
    if (p.resource_label === undefined) report(path, `metric requests_per_target needs resource_label (${RESOURCE_LABEL_FORM})`);
    else if (typeof p.resource_label === 'string' && !isResourceLabel(p.resource_label)) {
      report([...path, 'resource_label'], `resource_label must be ${RESOURCE_LABEL_FORM}, got ${JSON.stringify(p.resource_label)}`);
    }
  } else if (p.resource_label !== undefined && p.metric !== undefined) {
    report([...path, 'resource_label'], 'resource_label is allowed only with metric requests_per_target');
  }
}

function checkPolicy(path: DocPath, p: Obj, report: Report): void {
  const type = str(p.type);
  if (type === undefined || !(POLICY_TYPES as readonly string[]).includes(type)) return; // the schema reports it
  for (const key of Object.keys(p)) {
    if (!takes(type, key)) report([...path, key], `${key} is allowed only with type ${typesTaking(key)}, not ${type}`);
  }
  for (const field of POLICY_REQUIRED_BY_TYPE[policyTypeOf(type)]) {
    for (const key of KEYS_OF_REQUIRED[field] ?? []) {
      if (p[key] === undefined) report(path, `a ${type} policy needs ${key}`);
    }
  }
  if (p.min_adjustment_step !== undefined) {
    if (type === 'Step' && p.adjustment_type !== 'PercentChangeInCapacity') {
      report([...path, 'min_adjustment_step'], `min_adjustment_step is allowed only with adjustment_type PercentChangeInCapacity, not ${str(p.adjustment_type) ?? 'ChangeInCapacity (the default)'}`);
    } else if (type !== 'Step' && type !== 'PercentChangeInCapacity' && takes(type, 'min_adjustment_step')) {
      report([...path, 'min_adjustment_step'], `min_adjustment_step is allowed only with type PercentChangeInCapacity, not ${type}`);
    }
  }
  if (type === 'ExactCapacity' && typeof p.adjustment === 'number' && p.adjustment < 0) {
    report([...path, 'adjustment'], `adjustment must not be negative with type ExactCapacity, got ${p.adjustment}`);
  }
  if (type === 'Step') checkSteps(path, p, report);
  if (type === 'TargetTracking') checkTracking(path, p, report);
}

function checkPolicies(path: DocPath, policies: unknown, report: Report): void {
  for (const [name, p] of entries(policies)) {
    if (!isValidPolicyName(realKey(name))) report([...path, name], `policy name ${JSON.stringify(realKey(name))} must be 1 to 200 characters without "|" (the naming rule <group>|<policy> uses it)`);
    if (isObj(p)) checkPolicy([...path, name], p, report);
  }
}

function checkAlarms(group: string, path: DocPath, g: Obj, topPolicies: unknown, report: Report): void {
  // The original's map by alarm key, or a list.
  const alarms: Array<[string | number, unknown]> = Array.isArray(g.alarms) ? g.alarms.map((a: unknown, i: number) => [i, a]) : entries(g.alarms);
  const defined = [...new Set([...entries(topPolicies).map(([n]) => realKey(n)), ...entries(g.policies).map(([n]) => realKey(n))])];
  const typeOf = new Map([...entries(topPolicies), ...entries(g.policies)].map(([n, p]) => [realKey(n), isObj(p) ? p.type : undefined]));
  const seen = new Map<string, string>();
  for (const [key, a] of alarms) {
    if (!isObj(a)) continue;
    const at: DocPath = [...path, 'alarms', key];
    const label = typeof key === 'number' ? `alarms[${key}]` : `alarms.${realKey(key)}`;
    const policy = str(a.policy);
    if (policy !== undefined && !defined.includes(policy)) {
      const known = defined.length === 0 ? 'no policies are defined' : `defined: ${defined.join(', ')}`;
      report([...at, 'policy'], `alarm names policy ${JSON.stringify(policy)}, which is not defined (${known})${didYouMean(policy, defined)}`);
    }
    if (policy !== undefined && typeOf.get(policy) === 'TargetTracking') {
      report([...at, 'policy'], `policy ${JSON.stringify(policy)} is a TargetTracking policy: AWS creates and owns its alarms, so no alarm of the file may run it`);
    }
    const datapoints = int(a.datapoints_to_alarm);
    if (datapoints !== undefined && datapoints > (int(a.evaluation_periods) ?? 1)) {
      report([...at, 'datapoints_to_alarm'], `datapoints_to_alarm (${datapoints}) must not be greater than evaluation_periods (${int(a.evaluation_periods) ?? 1})`);
    }
    const metric = str(a.metric);
    if (policy !== undefined && metric !== undefined) {
      const name = alarmName(realKey(group), policy, metric);
      const first = seen.get(name);
      if (name.length > 255) report([...at, 'metric'], `alarm name ${JSON.stringify(name)} is longer than 255 characters`);
      if (first !== undefined) {
        report(at, `duplicate alarm ${JSON.stringify(name)}: ${first} has the same policy and metric (alarm names are <group>|<policy>|<metric>)`);
      } else {
        seen.set(name, label);
      }
    }
    const period = durationSeconds(a.period) ?? 300;
    const evaluations = int(a.evaluation_periods) ?? 1;
    const limit = evaluationSpanLimit(period);
    if (!isEvaluationSpanAllowed(period, evaluations)) {
      report([...at, 'evaluation_periods'], `period × evaluation_periods is ${period * evaluations} seconds; CloudWatch allows at most ${limit}`);
    }
  }
}

function checkTags(path: DocPath, tags: unknown, report: Report): void {
  for (const [rawKey, value] of entries(tags)) {
    const key = realKey(rawKey);
    if (key.length === 0 || key.length > 128) report([...path, rawKey], `tag key must be 1 to 128 characters`);
    const reserved = RESERVED_TAG_PREFIXES.find((p) => key.toLowerCase().startsWith(p));
    if (reserved !== undefined) report([...path, rawKey], `tag keys starting with "${reserved}" are reserved`);
    const text = isObj(value) ? value.value : value;
    if ((typeof text === 'string' || typeof text === 'number' || typeof text === 'boolean') && String(text).length > 256) {
      report([...path, rawKey], `tag value must be at most 256 characters`);
    }
  }
}

function checkTime(path: DocPath, value: unknown, report: Report, key: string): number | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) report([...path, key], `${key} must be a date and time such as 2024-05-01T08:00:00Z; got ${JSON.stringify(value)}`);
  return Number.isNaN(ms) ? undefined : ms;
}

function checkScheduled(path: DocPath, actions: unknown, report: Report): void {
  for (const [name, a] of entries(actions)) {
    const at: DocPath = [...path, name];
    if (realKey(name).length > 255 || name.length === 0) report(at, 'scheduled action names must be 1 to 255 characters');
    if (!isObj(a)) continue;
    if (a.min_size === undefined && a.max_size === undefined && a.capacity === undefined) {
      report(at, 'a scheduled action needs at least one of min_size, max_size, capacity');
    }
    if (a.recurrence === undefined && a.start_time === undefined) report(at, 'a scheduled action needs recurrence or start_time');
    checkSizes(at, a, report, ' in this scheduled action');
    const start = checkTime(at, a.start_time, report, 'start_time');
    const end = checkTime(at, a.end_time, report, 'end_time');
    if (start !== undefined && end !== undefined && end <= start) report([...at, 'end_time'], 'end_time must be after start_time');
  }
}

/** A group's `lifecycle_hooks`: one hook per name (AWS names a hook within its group). */
function checkHooks(path: DocPath, hooks: unknown, report: Report): void {
  if (!Array.isArray(hooks)) return;
  const seen = new Map<string, number>();
  hooks.forEach((h: unknown, i: number) => {
    const name = isObj(h) ? str(h.name) : undefined;
    if (name === undefined) return;
    const first = seen.get(name);
    if (first !== undefined) report([...path, i, 'name'], `duplicate lifecycle hook ${JSON.stringify(name)}: lifecycle_hooks[${first}] has the same name`);
    else seen.set(name, i);
  });
}

/** `spot`: a mixed instances policy, which needs the group's launch template and AWS's rules on its types. */
function checkSpot(name: string, path: DocPath, g: Obj, top: Obj, report: Report): void {
  if (!isObj(g.spot)) return;
  const at: DocPath = [...path, 'spot'];
  if ((g.launch ?? top.launch) === 'configuration') {
    report(at, 'spot needs a launch template (a mixed instances policy launches from one): leave out launch: configuration');
  } else if (!isValidTemplateName(realKey(name))) {
    report(at, `spot needs a launch template, and group name ${JSON.stringify(realKey(name))} cannot name one (3 to 128 of a-z A-Z 0-9 ( ) . - / _)`);
  }
  if (g.spot_price !== undefined) {
    report([...path, 'spot_price'], 'give spot_price or spot, not both: spot_price puts the whole group on spot; with spot, use spot.max_price');
  }
  if (!Array.isArray(g.spot.instance_types)) return;
  const types = g.spot.instance_types.map((t: unknown) => (isObj(t) ? str(t.type) : str(t)));
  const weighted = g.spot.instance_types.filter((t: unknown) => isObj(t) && t.weight !== undefined).length;
  if (weighted > 0 && weighted < types.length) {
    report([...at, 'instance_types'], `give a weight for every instance type or for none (${weighted} of ${types.length} have one)`);
  }
  types.forEach((t: string | undefined, i: number) => {
    if (t !== undefined && types.indexOf(t) !== i) report([...at, 'instance_types', i], `duplicate instance type ${JSON.stringify(t)}: each may be listed once`);
  });
}

function checkGroup(name: string, g: unknown, top: Obj, report: Report): void {
  const path: DocPath = ['groups', name];
  if (!isValidGroupName(realKey(name))) {
    report(path, `group name ${JSON.stringify(realKey(name))} must be 1 to 240 characters without "|" (the naming rules use it)`);
  }
  if (!isObj(g)) return;
  if ((g.launch ?? top.launch) === 'template' && !isValidTemplateName(realKey(name))) {
    report(path, `group name ${JSON.stringify(realKey(name))} cannot name its launch template (3 to 128 of a-z A-Z 0-9 ( ) . - / _): rename the group, or say launch: configuration`);
  }
  checkSizes(path, g, report, '');
  if (g.security_group !== undefined && g.security_groups !== undefined) {
    report([...path, 'security_groups'], 'give security_group or security_groups, not both');
  }
  if (g.zones === undefined && g.vpc_zone_identifier === undefined) {
    report(path, 'a group needs zones or vpc_zone_identifier');
  }
  if (Array.isArray(g.load_balancers)) {
    const seen = new Set<unknown>();
    g.load_balancers.forEach((lb: unknown, i: number) => {
      if (seen.has(lb)) report([...path, 'load_balancers', i], `duplicate load balancer ${JSON.stringify(lb)}`);
      seen.add(lb);
    });
  }
  checkSpot(name, path, g, top, report);
  checkPolicies([...path, 'policies'], g.policies, report);
  checkAlarms(name, path, g, top.policies, report);
  checkTags([...path, 'tags'], g.tags, report);
  checkScheduled([...path, 'scheduled_actions'], g.scheduled_actions, report);
  checkHooks([...path, 'lifecycle_hooks'], g.lifecycle_hooks, report);
}

function checkListeners(path: DocPath, lb: Obj, report: Report): string[] {
  const protocols: string[] = [];
  if (!Array.isArray(lb.listeners)) return protocols;
  const ports = new Map<number, number>();
  lb.listeners.forEach((l: unknown, i: number) => {
    const at: DocPath = [...path, 'listeners', i];
    let port: unknown;
    let protocol: unknown;
    let cert: unknown;
    let instanceProtocol: unknown;
    if (Array.isArray(l)) {
      [port, , protocol, cert] = l as unknown[];
      if (l.length > 4) report(at, 'a listener list has at most 4 items: load_balancer_port, instance_port, protocol, ssl_certificate_id');
    } else if (isObj(l)) {
      port = l.load_balancer_port;
      protocol = l.protocol;
      cert = l.ssl_certificate_id;
      instanceProtocol = l.instance_protocol;
    }
    for (const [key, p] of [['protocol', protocol], ['instance_protocol', instanceProtocol]] as const) {
      if (typeof p === 'string' && !(PROTOCOLS as readonly string[]).includes(p.toUpperCase())) {
        report(Array.isArray(l) ? at : [...at, key], `${key} must be one of ${PROTOCOLS.join(', ')} (any case); got ${JSON.stringify(p)}`);
      }
    }
    if (typeof protocol === 'string') {
      protocols.push(protocol.toUpperCase());
      if (['HTTPS', 'SSL'].includes(protocol.toUpperCase()) && cert === undefined) {
        report(at, `an ${protocol.toUpperCase()} listener needs an ssl_certificate_id`);
      }
    }
    if (typeof port === 'number') {
      const first = ports.get(port);
      if (first !== undefined) report(at, `duplicate listener on load balancer port ${port} (listeners[${first}] uses it)`);
      else ports.set(port, i);
    }
  });
  return protocols;
}

function checkLoadBalancer(name: string, lb: unknown, report: Report): void {
  const path: DocPath = ['load_balancers', name];
  if (!LB_NAME.test(realKey(name))) report(path, `load balancer name ${JSON.stringify(realKey(name))} must be 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen`);
  if (!isObj(lb)) return;
  const hasZones = lb.zones !== undefined;
  const hasSubnets = lb.subnets !== undefined;
  if (hasZones && hasSubnets) report([...path, 'subnets'], 'give zones or subnets, not both');
  if (!hasZones && !hasSubnets) report(path, 'a load balancer needs zones or subnets');
  const protocols = checkListeners(path, lb, report);
  if (lb.cookie_stickiness !== undefined && protocols.length > 0 && !protocols.some((p) => p === 'HTTP' || p === 'HTTPS')) {
    report([...path, 'cookie_stickiness'], 'cookie stickiness needs an HTTP or HTTPS listener');
  }
  if (isObj(lb.health_check)) {
    const hc = lb.health_check;
    if (typeof hc.target === 'string' && !HEALTH_CHECK_TARGET.test(hc.target)) {
      report([...path, 'health_check', 'target'], `target must be HTTP:port/path, HTTPS:port/path, TCP:port or SSL:port; got ${JSON.stringify(hc.target)}`);
    }
    const interval = durationSeconds(hc.interval) ?? 30;
    const timeout = durationSeconds(hc.timeout) ?? 5;
    if (!isHealthCheckTimeoutAllowed(timeout, interval)) report([...path, 'health_check', 'timeout'], `timeout (${timeout} s) must be less than interval (${interval} s)`);
  }
}

/** Runs every cross-field rule over the parsed document. */
export function checkSemantics(doc: unknown, report: Report): void {
  if (!isObj(doc)) return;
  for (const [name, g] of entries(doc.groups)) checkGroup(name, g, doc, report);
  checkPolicies(['policies'], doc.policies, report);
  for (const [name, lb] of entries(doc.load_balancers)) checkLoadBalancer(name, lb, report);
}
