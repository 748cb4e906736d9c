#!/usr/bin/env node
/**
 * `autoscalectl`: Auto Scaling groups, their launch configurations, policies, alarms and
 * load balancers, managed from one YAML file (the original AutoScaleCTL's format).
 *
 * ```
 * autoscalectl [CONFIG]                 apply the file, as the original did (default autoscale.yaml)
 * autoscalectl plan CONFIG              show what would change (exit 0: nothing, 2: changes, 3: only kept, 1: errors)
 * autoscalectl apply CONFIG [--prune] [--yes] [--reset-capacity] [--migrate]
 * autoscalectl validate CONFIG          check the file without calling AWS
 * autoscalectl help [COMMAND]           usage, of one command or of all
 * autoscalectl --version
 * ```
 *
 * @module
 */
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, Option } from 'commander';
import { packageVersion, type ConnectionOptions } from '../index';
import { applyPlan, type ApplyOptions, type ApplyResult, type ProgressEvent } from './aws/apply';
import { connectAll } from './aws/clients';
import { readState } from './aws/read';
import { formatConfigError, type ConfigError } from './config/errors';
import { loadConfigFile, type LoadedConfig } from './config/load';
import { plan as makePlan } from './plan/plan';
import { actionTitle, paint, planJson, renderPlan } from './plan/render';
import type { Plan, PlannedAction } from './plan/types';

/** An output stream: what `process.stdout` offers that autoscalectl uses. */
export interface CliOutput {
  /** Writes text. */
  write(text: string): unknown;
  /** Whether it is a terminal (colours, prompts). */
  isTTY?: boolean;
}

/** Where the command reads and writes, so it can run in-process (tests, other tools). */
export interface CliIo {
  /** Plans and results. */
  stdout: CliOutput;
  /** Errors and progress. */
  stderr: CliOutput;
  /** Answers to prompts (a terminal); without one, destructive changes need `--yes`. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Environment (credentials, `NO_COLOR`, `AWS_*`); default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Asks a yes/no question; default: a prompt on `stdin` when it is a terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** More connection options for every service (e.g. a `requestHandler` of an embedding tool). */
  connection?: Partial<ConnectionOptions>;
  /** More apply options (e.g. how to wait while a group is deleted). */
  apply?: Partial<ApplyOptions>;
}

/**
 * Exit codes. `plan` exits with `kept` when apply would change nothing but AWS still has
 * what autoscalectl created and the file no longer has (kept without `--prune`).
 */
export const EXIT = { ok: 0, error: 1, changes: 2, kept: 3 } as const;

interface GlobalOptions {
  region?: string;
  endpoint?: string;
  profile?: string;
  json?: boolean;
  color?: boolean;
}

interface RunOptions extends GlobalOptions {
  prune?: boolean;
  yes?: boolean;
  resetCapacity?: boolean;
  migrate?: boolean;
}

/** An error's message (not `instanceof Error`: errors may come from another realm). */
function errorText(err: unknown): string {
  const message = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(err);
}

function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

class Cli {
  exitCode: number = EXIT.ok;

  constructor(readonly io: CliIo) {}

  get env(): NodeJS.ProcessEnv {
    return this.io.env ?? process.env;
  }

  color(opts: GlobalOptions, stream: CliOutput): boolean {
    return opts.color !== false && !this.env.NO_COLOR && stream.isTTY === true;
  }

  reportConfigErrors(errors: readonly ConfigError[], opts: GlobalOptions): void {
    if (opts.json === true) writeJson(this.io, { valid: false, errors });
    const color = this.color(opts, this.io.stderr);
    for (const e of errors) this.io.stderr.write(`${paint('error', 31, color)}: ${formatConfigError(e)}\n`);
    this.io.stderr.write(`${errors.length} error${errors.length === 1 ? '' : 's'} in ${errors[0]?.file ?? 'the file'}; nothing was sent to AWS.\n`);
    this.exitCode = EXIT.error;
  }

  async load(file: string, opts: GlobalOptions): Promise<LoadedConfig | undefined> {
    let loaded;
    try {
      loaded = await loadConfigFile(file);
    } catch (err) {
      this.io.stderr.write(`error: cannot read ${file}: ${errorText(err)}\n`);
      this.exitCode = EXIT.error;
      return undefined;
    }
    if (!loaded.ok) {
      this.reportConfigErrors(loaded.errors, opts);
      return undefined;
    }
    return loaded.config;
  }

  connect(config: LoadedConfig, opts: GlobalOptions): ReturnType<typeof connectAll> {
    const options: ConnectionOptions = { env: this.env, ...this.io.connection };
    const region = opts.region ?? config.desired.region;
    if (region !== undefined) options.region = region;
    if (opts.endpoint !== undefined) options.endpoint = opts.endpoint;
    if (opts.profile !== undefined) options.profile = opts.profile;
    return connectAll(options);
  }

  async validate(file: string, opts: GlobalOptions): Promise<void> {
    const config = await this.load(file, opts);
    if (config === undefined) return;
    const d = config.desired;
    if (opts.json === true) {
      writeJson(this.io, { valid: true, errors: [], groups: d.groups.map((g) => g.name), loadBalancers: d.loadBalancers.map((l) => l.name) });
    } else {
      this.io.stdout.write(`${file} is valid: ${d.groups.length} group${d.groups.length === 1 ? '' : 's'}, ${d.loadBalancers.length} load balancer${d.loadBalancers.length === 1 ? '' : 's'}.\n`);
    }
  }

  /** Reads what exists and plans; `listAll` lists the whole account (pruning does too) to say what is kept. */
  async plan(file: string, opts: RunOptions, listAll = false): Promise<{ plan: Plan; config: LoadedConfig; clients: ReturnType<typeof connectAll>; state: Awaited<ReturnType<typeof readState>> } | undefined> {
    const config = await this.load(file, opts);
    if (config === undefined) return undefined;
    const clients = this.connect(config, opts);
    const state = await readState(clients, config.desired, { prune: opts.prune === true || listAll, migrate: opts.migrate === true });
    const p = makePlan(state, config.desired, { prune: opts.prune === true, resetCapacity: opts.resetCapacity === true, migrate: opts.migrate === true });
    return { plan: p, config, clients, state };
  }

  async showPlan(file: string, opts: RunOptions): Promise<void> {
    // plan lists the account, so that it can say what is gone from the file and kept.
    const planned = await this.plan(file, opts, true);
    if (planned === undefined) return;
    const p = planned.plan;
    if (opts.json === true) writeJson(this.io, planJson(p));
    else this.io.stdout.write(renderPlan(p, file, { color: this.color(opts, this.io.stdout) }));
    this.exitCode = p.actions.length > 0 ? EXIT.changes : p.kept.length > 0 ? EXIT.kept : EXIT.ok;
  }

  async confirm(question: string): Promise<boolean | undefined> {
    if (this.io.confirm !== undefined) return this.io.confirm(question);
    const stdin = this.io.stdin;
    if (stdin === undefined || stdin.isTTY !== true) return undefined;
    this.io.stderr.write(`${question} Type "yes" to go on: `);
    const rl = createInterface({ input: stdin });
    try {
      const answer = await rl.question('');
      return answer.trim().toLowerCase() === 'yes';
    } finally {
      rl.close();
    }
  }

  progress(opts: GlobalOptions): (e: ProgressEvent) => void {
    const color = this.color(opts, this.io.stderr);
    return (e) => {
      const at = `[${e.index}/${e.total}]`;
      if (e.phase === 'start') return;
      if (e.phase === 'done') this.io.stderr.write(`${at} ${actionTitle(e.action)} ${paint('done', 32, color)} (${e.ms ?? 0} ms)\n`);
      else this.io.stderr.write(`${at} ${actionTitle(e.action)} ${paint('FAILED', 31, color)}: ${errorText(e.error)}\n`);
    };
  }

  reportResult(result: ApplyResult, p: Plan, opts: GlobalOptions): void {
    const titles = (list: readonly PlannedAction[]): string[] => list.map(actionTitle);
    if (opts.json === true) {
      writeJson(this.io, {
        plan: planJson(p),
        result: {
          ok: result.failed === undefined,
          applied: titles(result.applied),
          notApplied: titles(result.notApplied),
          ...(result.failed === undefined ? {} : { failed: { action: actionTitle(result.failed.action), error: errorText(result.failed.error) } }),
        },
      });
    }
    if (result.failed === undefined) {
      if (opts.json !== true) this.io.stdout.write(`Applied ${result.applied.length} change${result.applied.length === 1 ? '' : 's'}.\n`);
      return;
    }
    const err = this.io.stderr;
    err.write(`\nerror: ${actionTitle(result.failed.action)} failed: ${errorText(result.failed.error)}\n`);
    err.write(`Applied (${result.applied.length}):\n`);
    for (const t of titles(result.applied)) err.write(`  ${t}\n`);
    err.write(`Not applied (${result.notApplied.length}):\n`);
    for (const t of titles(result.notApplied)) err.write(`  ${t}\n`);
    err.write('Run the same command again to finish: it starts from what now exists.\n');
    this.exitCode = EXIT.error;
  }

  async apply(file: string, opts: RunOptions): Promise<void> {
    const planned = await this.plan(file, opts);
    if (planned === undefined) return;
    const { plan: p, clients, state } = planned;
    if (opts.json !== true) this.io.stdout.write(renderPlan(p, file, { color: this.color(opts, this.io.stdout) }));
    if (p.actions.length === 0) {
      if (opts.json === true) this.reportResult({ applied: [], notApplied: [] }, p, opts);
      return;
    }
    const destructive = p.actions.filter((a) => a.destructive === true);
    if (destructive.length > 0 && opts.yes !== true) {
      const names = destructive.map((a) => `${a.action} ${a.resource} ${a.name}`).join(', ');
      const ok = await this.confirm(`This terminates instances (${names}).`);
      if (ok === undefined) {
        this.io.stderr.write(`error: the plan terminates instances (${names}); give --yes to apply it without a terminal to confirm on\n`);
        this.exitCode = EXIT.error;
        return;
      }
      if (!ok) {
        this.io.stderr.write('Nothing applied.\n');
        this.exitCode = EXIT.error;
        return;
      }
    }
    const result = await applyPlan(clients, p, state, { ...this.io.apply, progress: this.progress(opts) });
    this.reportResult(result, p, opts);
  }
}

function globalOptions(cmd: Command): RunOptions {
  return cmd.optsWithGlobals<RunOptions>();
}

/** The commander program, writing through the run's `io`. */
function program(cli: Cli): Command {
  const io = cli.io;
  const prog = new Command('autoscalectl')
    .description('Auto Scaling groups, launch configurations, policies, alarms and load balancers from one YAML file')
    .version(packageVersion(), '-V, --version')
    .helpCommand('help [command]', 'show usage, of one command or of all')
    .addOption(new Option('--region <region>', 'AWS region (default: the file\'s region, then the usual AWS settings)'))
    .addOption(new Option('--endpoint <url>', 'endpoint to talk to instead of AWS, e.g. botoscale local\'s http://127.0.0.1:4599'))
    .addOption(new Option('--profile <name>', 'credentials profile (boto config or AWS shared files)'))
    .option('--json', 'machine-readable plan and result on stdout')
    .option('--no-color', 'no colours, even on a terminal')
    .argument('[config]', 'configuration file', 'autoscale.yaml')
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) })
    .exitOverride()
    .showHelpAfterError()
    .action(async (config: string, _opts: unknown, cmd: Command) => {
      await cli.apply(config, globalOptions(cmd));
    });
  const runOptions = (cmd: Command): Command => cmd
    .option('--prune', 'delete groups, launch templates, launch configurations, policies, alarms and load balancers autoscalectl created that the file no longer has')
    .option('--reset-capacity', 'set every group\'s desired capacity to the file\'s capacity, even if the file did not change it')
    .option('--migrate', 'move groups on launch configurations to launch templates (made from their launch configurations; instances are kept)');
  runOptions(prog.command('plan')
    .description('show what apply would change (exit 0: no changes, 2: changes, 3: no changes but some kept that the file no longer has, 1: errors)')
    .argument('<config>', 'configuration file'))
    .action(async (config: string, _opts: unknown, cmd: Command) => {
      await cli.showPlan(config, globalOptions(cmd));
    });
  runOptions(prog.command('apply')
    .description('apply the file: create, update and (with --prune) delete what differs')
    .argument('<config>', 'configuration file'))
    .option('--yes', 'do not ask before terminating instances (pruned or replaced groups)')
    .action(async (config: string, _opts: unknown, cmd: Command) => {
      await cli.apply(config, globalOptions(cmd));
    });
  prog.command('validate')
    .description('check the file (every error with its line and column) without calling AWS')
    .argument('<config>', 'configuration file')
    .action(async (config: string, _opts: unknown, cmd: Command) => {
      await cli.validate(config, globalOptions(cmd));
    });
  for (const cmd of prog.commands) {
    cmd.configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) }).exitOverride().showHelpAfterError();
  }
  return prog;
}

/** Runs autoscalectl with `argv` (the arguments after the command's name); resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  const cli = new Cli(io);
  try {
    await program(cli).parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    io.stderr.write(`error: ${errorText(err)}\n`);
    return EXIT.error;
  }
}

if (require.main === module) {
  // This process is autoscalectl's own: the AWS SDK's notice that its releases after the
  // first week of January 2027 need Node 22 (nine lines on every run on Node 20) is for
  // whoever runs the SDK in their own program, and the README says it. Set only when unset.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (err: unknown) => {
    process.stderr.write(`${errorText(err)}\n`);
    process.exitCode = EXIT.error;
  });
}
