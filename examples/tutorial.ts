/**
 * The main job: `npm run tutorial`. Starts botoscale local in this process, runs seed
 * 000's Auto Scaling tutorial with seed 001's policies and alarms, seed 003's ELB
 * tutorial, then the scaling demo, on the simulated clock (seconds of wall time), and
 * checks that nothing it created is left.
 *
 * `npm run tutorial -- --endpoint URL` runs the same against another endpoint, in real
 * time; `npm run tutorial -- --aws --image-id ami-...` against AWS itself, after a
 * confirmation. `npm run tutorial -- --help` lists the options.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createInterface } from 'node:readline/promises';
import { AutoScaleConnection } from '../src/autoscale';
import { CloudWatchConnection } from '../src/cloudwatch';
import { EC2Connection } from '../src/ec2';
import { ELBConnection } from '../src/elb';
// #region import-local
import { startLocal } from '../src/local';
// #endregion
import { AUTOSCALE_TUTORIAL_RESOURCES, autoscaleTutorial, otherWaysToConnect } from './autoscale-tutorial';
import { LAUNCH_TEMPLATE_TUTORIAL_RESOURCES, launchTemplateTutorial } from './launch-template-tutorial';
import { ELB_TUTORIAL_RESOURCES, elbTutorial, otherWaysToConnectElb } from './elb-tutorial';
import { SCALING_DEMO_RESOURCES, scalingDemo } from './scaling-demo';
import { SPOT_DEMO_RESOURCES, spotDemo } from './spot-demo';
import {
  controlApiLoad, controlApiMarket, deleteMadeGroups, endpointClockTime, heading, loadThrough, NO_LOAD, realTime, SEED_SETTINGS, simulatedTime, type LaunchSettings, type TutorialEnv,
} from './env';

/** The parts, in the order they run. */
export const PARTS = ['autoscale', 'elb', 'scaling', 'spot'] as const;
/** One of {@link PARTS}. */
export type Part = (typeof PARTS)[number];

/** What a part creates (and deletes again), by kind. */
export interface Resources {
  /** Classic load balancers. */
  loadBalancers: string[];
  /** Launch configurations. */
  launchConfigurations: string[];
  /** Launch templates. */
  launchTemplates: string[];
  /** Auto Scaling groups. */
  groups: string[];
  /** CloudWatch alarms. */
  alarms: string[];
}

/** What each part creates (and deletes again). */
export const RESOURCES: Record<Part, Resources> = {
  autoscale: AUTOSCALE_TUTORIAL_RESOURCES,
  elb: { ...ELB_TUTORIAL_RESOURCES, launchTemplates: [] },
  scaling: { ...SCALING_DEMO_RESOURCES, launchTemplates: [] },
  spot: SPOT_DEMO_RESOURCES,
};

/** Runs the chosen parts, in order. */
export async function runTutorials(env: TutorialEnv, parts: readonly Part[] = PARTS): Promise<void> {
  let seedParts = true;
  if (parts.includes('autoscale')) {
    heading('# Seed 000 + 001: the Auto Scaling tutorial with scaling policies and alarms');
    otherWaysToConnect();
    const { launchConfigurationsRefused } = await autoscaleTutorial(env);
    // The ELB tutorial and the scaling demo follow their seeds, which make launch configurations; the spot demo is on a launch template.
    const later = parts.filter((p) => p === 'elb' || p === 'scaling');
    if (launchConfigurationsRefused && later.length > 0) {
      console.log(`\nSkipped: ${later.join(', ')}, whose seeds make launch configurations, which this account refuses.`);
      seedParts = false;
    }
  }
  if (seedParts) await seedDemos(env, parts);
  if (parts.includes('spot')) {
    heading('# Seed 002\'s wish: on-demand base plus spot across types, target tracking at 50% CPU, capacity kept');
    if (env.market === undefined) console.log('Skipped: the spot demo needs botoscale local, which can be told the demand and to interrupt a spot instance; AWS cannot.');
    else await spotDemo(env, env.market);
  }
}

/** The ELB tutorial and the scaling demo, which make launch configurations as their seeds do. */
async function seedDemos(env: TutorialEnv, parts: readonly Part[]): Promise<void> {
  if (parts.includes('elb')) {
    heading('# Seed 003: the Elastic Load Balancing tutorial');
    otherWaysToConnectElb();
    await elbTutorial(env);
  }
  if (parts.includes('scaling')) {
    heading('# The scaling demo: CPU above 70% scales up, below 40% scales down');
    await scalingDemo(env);
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Every name the chosen parts create, by kind. */
export function resourcesOf(parts: readonly Part[]): Resources {
  const all = parts.map((p) => RESOURCES[p]);
  return {
    loadBalancers: unique(all.flatMap((r) => r.loadBalancers)),
    launchConfigurations: unique(all.flatMap((r) => r.launchConfigurations)),
    launchTemplates: unique(all.flatMap((r) => r.launchTemplates)),
    groups: unique(all.flatMap((r) => r.groups)),
    alarms: unique(all.flatMap((r) => r.alarms)),
  };
}

/** Connections for checking and cleaning up around the tutorials. */
function connections(endpoint: string | undefined): { as: AutoScaleConnection; cw: CloudWatchConnection; elb: ELBConnection; ec2: EC2Connection } {
  return {
    as: new AutoScaleConnection({ endpoint }), cw: new CloudWatchConnection({ endpoint }), elb: new ELBConnection({ endpoint }), ec2: new EC2Connection({ endpoint }),
  };
}

/** Which of the named launch templates exist (a name filter: names that do not exist are no error). */
async function templatesNamed(ec2: EC2Connection, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const found: string[] = [];
  for await (const t of ec2.getAllLaunchTemplates({ filters: { 'launch-template-name': names } })) found.push(t.name as string);
  return found;
}

/** What of `names` exists now, by kind. */
export async function existing(endpoint: string | undefined, names: Resources): Promise<string[]> {
  const { as, cw, elb, ec2 } = connections(endpoint);
  const found: string[] = [];
  for await (const g of as.getAllGroups()) if (names.groups.includes(g.name as string)) found.push(`Auto Scaling group ${g.name}`);
  for await (const lc of as.getAllLaunchConfigurations()) if (names.launchConfigurations.includes(lc.name as string)) found.push(`launch configuration ${lc.name}`);
  for (const t of await templatesNamed(ec2, names.launchTemplates)) found.push(`launch template ${t}`);
  for await (const lb of elb.getAllLoadBalancers()) if (names.loadBalancers.includes(lb.name as string)) found.push(`load balancer ${lb.name}`);
  if (names.alarms.length > 0) {
    for await (const a of cw.describeAlarms({ alarmNames: names.alarms })) found.push(`alarm ${a.name}`);
  }
  for (const c of [as, cw, elb, ec2]) c.close();
  return found;
}

/**
 * Deletes whatever of `names` is left (after a failure): groups with their instances,
 * then launch configurations, alarms and load balancers. Best effort: reports what it
 * could not delete.
 */
export async function cleanUp(env: TutorialEnv, names: Resources): Promise<string[]> {
  const { as, cw, elb, ec2 } = connections(env.endpoint);
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
      console.log(`  deleted ${what}`);
    } catch (err) {
      problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const groups = (await as.getAllGroups({ names: names.groups })).map((g) => g.name as string);
  for (const g of groups) await attempt(`Auto Scaling group ${g} (with its instances)`, () => as.deleteAutoScalingGroup(g, { forceDelete: true }));
  if (groups.length > 0) {
    await env.time.until('the groups to be gone', async () => (await as.getAllGroups({ names: names.groups })).length === 0, '15m').catch((err: unknown) => {
      problems.push(err instanceof Error ? err.message : String(err));
    });
  }
  for (const lc of await as.getAllLaunchConfigurations({ names: names.launchConfigurations })) {
    await attempt(`launch configuration ${lc.name}`, () => as.deleteLaunchConfiguration(lc.name as string));
  }
  for (const t of await templatesNamed(ec2, names.launchTemplates)) await attempt(`launch template ${t}`, () => ec2.deleteLaunchTemplate(t));
  const alarms = (await cw.describeAlarms({ alarmNames: names.alarms })).map((a) => a.name as string);
  if (alarms.length > 0) await attempt(`alarms ${alarms.join(', ')}`, () => cw.deleteAlarms(alarms));
  for await (const lb of elb.getAllLoadBalancers()) {
    if (names.loadBalancers.includes(lb.name as string)) await attempt(`load balancer ${lb.name}`, () => elb.deleteLoadBalancer(lb.name as string));
  }
  for (const c of [as, cw, elb, ec2]) c.close();
  return problems;
}

/** Options of the command. */
interface CliOptions {
  endpoint?: string;
  aws?: boolean;
  yes?: boolean;
  region?: string;
  imageId?: string;
  keyName?: string;
  securityGroup?: string[];
  instanceType?: string;
  only?: Part[];
}

function url(value: string): string {
  try {
    return new URL(value).toString().replace(/\/$/, '');
  } catch {
    throw new InvalidArgumentError(`expected a URL such as http://127.0.0.1:4599, got ${JSON.stringify(value)}`);
  }
}

/** The confirmation text for `--aws`. */
export function awsWarning(region: string, settings: LaunchSettings, parts: readonly Part[]): string {
  // The spot demo is skipped on AWS (it cannot be told the demand or to interrupt).
  const names = resourcesOf(parts.filter((p) => p !== 'spot'));
  const type = settings.instanceType ?? 'm1.small';
  const sizes: Record<string, string> = { my_group: '4 instances', elb_tutorial_instances: '2 instances', as_group_0: '2 to 4 instances' };
  return [
    `This runs the tutorials against AWS itself, in ${region}, with your credentials. It creates:`,
    ...names.groups.map((g) => `  - Auto Scaling group ${g}: ${sizes[g] ?? 'instances'} of ${type} from ${settings.imageId}, in ${settings.zones.join(', ')}`),
    ...(names.launchConfigurations.length > 0 ? [`  - launch configurations ${names.launchConfigurations.join(', ')}`] : []),
    ...(names.loadBalancers.length > 0 ? [`  - Classic Load Balancers ${names.loadBalancers.join(', ')}`] : []),
    ...(names.alarms.length > 0 ? [`  - CloudWatch alarms ${names.alarms.join(', ')}`] : []),
    'and deletes them again at the end (also after a failure). It waits in real time, about 30 to 60 minutes.',
    'THIS COSTS MONEY: the EC2 instances and the load balancers are billed while they exist.',
    'AWS no longer lets accounts created since 1 October 2024 create launch configurations: there seed 000 says so and goes on with a',
    'launch template of the same settings (also named my-launch_config, also deleted at the end), and the parts after it are skipped.',
  ].join('\n');
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question}\nType "yes" to go ahead: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

/** The first zones of the region, for `--aws`. */
async function zonesOf(endpoint: string | undefined): Promise<string[]> {
  const ec2 = new EC2Connection({ endpoint });
  const zones = (await ec2.getAllZones()).filter((z) => z.state === 'available').map((z) => z.name as string).sort();
  ec2.close();
  return zones;
}

/** The command: parses `argv` (without `node` and the script), runs, and resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('npm run tutorial --')
    .description('Runs boto2\'s Auto Scaling (seeds 000 + 001) and ELB (seed 003) tutorials, the scaling demo and the spot demo in botoscale: against botoscale local by default.')
    .addOption(new Option('--endpoint <url>', 'run against this endpoint instead, in real time').argParser(url).conflicts('aws'))
    .option('--aws', 'run against AWS itself, with your credentials (costs money; asks first)')
    .option('--yes', 'do not ask for confirmation (needed for --aws without a terminal)')
    .option('--region <name>', 'the region for --aws (default: AWS_REGION, else us-east-1)')
    .option('--image-id <ami>', 'the image instances launch from (required with --aws; ami-12345678 otherwise)')
    .option('--key-name <name>', 'the key pair instances launch with (the seed\'s my_key_name locally; none on AWS)')
    .option('--security-group <name...>', 'security groups of the instances (the seed\'s my_security_groups locally; the default group on AWS)')
    .option('--instance-type <type>', 'instance type (boto2\'s default m1.small locally; t3.micro on AWS)')
    .addOption(new Option('--only <part...>', 'run only these parts').choices([...PARTS]))
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  const opts = program.opts<CliOptions>();
  const parts = PARTS.filter((p) => opts.only === undefined || opts.only.includes(p));
  const started = Date.now();

  if (opts.aws) {
    if (opts.imageId === undefined) {
      console.error('--aws needs --image-id: an AMI of the region that the instances can launch from (any small Linux image will do).');
      return 2;
    }
    const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    const settings: LaunchSettings = {
      zones: [`the first two zones of ${region}`],
      otherZone: `a third zone of ${region}`,
      imageId: opts.imageId,
      ...(opts.keyName === undefined ? {} : { keyName: opts.keyName }),
      ...(opts.securityGroup === undefined ? {} : { securityGroups: opts.securityGroup }),
      instanceType: opts.instanceType ?? 't3.micro',
    };
    if (!opts.yes && !process.stdin.isTTY) {
      console.error(`${awsWarning(region, settings, parts)}\n\nIt asks for confirmation first, but stdin is not a terminal: refusing to go ahead. Add --yes to confirm. Nothing was created.`);
      return 2;
    }
    process.env.AWS_REGION = region;
    const zones = await zonesOf(undefined);
    if (zones.length < 2) {
      console.error(`${region} has fewer than two available zones for this account: ${zones.join(', ') || 'none'}`);
      return 1;
    }
    settings.zones = zones.slice(0, 2);
    settings.otherZone = zones[2] ?? (zones[1] as string);
    const warning = awsWarning(region, settings, parts);
    if (opts.yes) {
      console.log(`${warning}\n(--yes given: going ahead)`);
    } else if (!(await confirm(warning))) {
      console.error('Nothing was created.');
      return 1;
    }
    return runAgainst({ endpoint: undefined, region, ...settings, time: realTime(15_000), load: NO_LOAD }, parts, started);
  }

  if (opts.endpoint !== undefined) {
    ensureSomeCredentials();
    const settings: LaunchSettings = {
      ...SEED_SETTINGS,
      ...(opts.imageId === undefined ? {} : { imageId: opts.imageId }),
      ...(opts.keyName === undefined ? {} : { keyName: opts.keyName }),
      ...(opts.securityGroup === undefined ? {} : { securityGroups: opts.securityGroup }),
      ...(opts.instanceType === undefined ? {} : { instanceType: opts.instanceType }),
    };
    // A botoscale local (it has the control API) lends its clock and its load driver.
    const load = await controlApiLoad(opts.endpoint);
    const market = await controlApiMarket(opts.endpoint);
    const time = (await endpointClockTime(opts.endpoint)) ?? realTime(2_000);
    return runAgainst({ endpoint: opts.endpoint, region: 'us-east-1', ...settings, time, load: load ?? NO_LOAD, ...(market === undefined ? {} : { market }) }, parts, started);
  }

  ensureSomeCredentials();
  // #region start-local
  const local = await startLocal({ port: 0, realTime: false });
  const endpoint = local.endpoint;
  // #endregion
  let ok: boolean;
  try {
    console.log(`botoscale local is serving ${endpoint} (simulated clock, advanced by the tutorial)`);
    const env: TutorialEnv = {
      endpoint,
      region: 'us-east-1',
      ...SEED_SETTINGS,
      time: simulatedTime(local.clock),
      load: loadThrough((group, cpu) => local.setLoad(group, cpu), 'botoscale local\'s setLoad(group, cpu)'),
      market: {
        description: 'botoscale local\'s setDemand(group, demand) and spot.interrupt(group, count)',
        setDemand: async (group, demand) => {
          local.setDemand(group, demand);
        },
        interrupt: async (group, count) => {
          local.spot.interrupt(group, count);
        },
      },
    };
    ok = await runChecked(env, resourcesOf(parts), () => runTutorials(env, parts));
  } finally {
    await local.close();
  }
  if (parts.includes('autoscale')) ok = (await newAccountVariant()) && ok;
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s of wall time.`);
  return ok ? 0 : 1;
}

/**
 * Seed 000's launch-template variant, against a second botoscale local in new-account
 * mode (launch configurations refused, as AWS refuses them in accounts created since
 * 2024-10-01), so the path today's accounts take is run every time too.
 */
async function newAccountVariant(): Promise<boolean> {
  heading('# Seed 000 on a new account: launch templates instead of launch configurations');
  // #region start-local-new-account
  const local = await startLocal({ port: 0, realTime: false, launchConfigurations: false });
  const endpoint = local.endpoint;
  // #endregion
  try {
    console.log(`botoscale local in new-account mode is serving ${endpoint}`);
    const env: TutorialEnv = {
      endpoint,
      region: 'us-east-1',
      ...SEED_SETTINGS,
      time: simulatedTime(local.clock),
      load: NO_LOAD,
    };
    return await runChecked(env, LAUNCH_TEMPLATE_TUTORIAL_RESOURCES, () => launchTemplateTutorial(env));
  } finally {
    await local.close();
  }
}

/**
 * botoscale local accepts any key, but the SDK needs one to sign with: when none is
 * configured, use a placeholder (local only; `--aws` uses yours).
 */
function ensureSomeCredentials(): void {
  if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDBOTOSCALELOCAL';
    process.env.AWS_SECRET_ACCESS_KEY = 'botoscale-local-secret';
  }
}

async function runAgainst(env: TutorialEnv, parts: readonly Part[], started: number): Promise<number> {
  const ok = await runChecked(env, resourcesOf(parts), () => runTutorials(env, parts));
  const simulated = env.time.kind === 'simulated' ? ` (${env.time.elapsed()} of simulated time)` : '';
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s of wall time${simulated}.`);
  return ok ? 0 : 1;
}

/**
 * Runs tutorials that create `names`: refuses if any exists already, and afterwards
 * (also after a failure) checks that none is left, deleting what is. True when all went well.
 */
async function runChecked(env: TutorialEnv, names: Resources, run: () => Promise<unknown>): Promise<boolean> {
  const before = await existing(env.endpoint, names);
  if (before.length > 0) {
    console.error(`These already exist, and the tutorials would change or delete them:\n  ${before.join('\n  ')}\nDelete or rename them first.`);
    return false;
  }
  let failure: unknown;
  try {
    await run();
  } catch (err) {
    failure = err;
    console.error(`\nThe tutorial failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
  heading('Clean-up check');
  const left = await existing(env.endpoint, names);
  let problems: string[] = [];
  if (left.length > 0) {
    console.log(`Left over: ${left.join(', ')}; deleting.`);
    problems = await cleanUp(env, names);
  }
  // The seed's security groups a failed tutorial left (once their instances are gone).
  const groupsLeft = await deleteMadeGroups(env);
  const still = [...(await existing(env.endpoint, names)), ...groupsLeft];
  if (still.length === 0) console.log('Nothing the tutorials created is left.');
  else console.error(`Still there (delete by hand): ${still.join(', ')}\n${problems.join('\n')}`);
  if (env.time.kind === 'simulated') console.log(`(${env.time.elapsed()} of simulated time)`);
  return failure === undefined && still.length === 0;
}

if (require.main === module) {
  // The SDK's notice about the Node versions its future releases need says nothing
  // about the tutorial; keep the output to what the seeds show.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack ?? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
