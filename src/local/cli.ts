#!/usr/bin/env node
/**
 * The `botoscale` command: `botoscale local [--port 4599] [--host 127.0.0.1] [--state FILE]
 * [--speed N] [--region us-east-1] [--auth-file FILE | --auth KEY:SECRET]
 * [--limits groups=N,...] [--no-launch-configurations]` starts
 * botoscale local (one cloud per signing region, `--region` the default one), prints its endpoint, and serves until SIGINT or SIGTERM, then closes
 * cleanly (writing the state file; if that last write fails, it says so and exits 1). The key pair may also come from BOTOSCALE_LOCAL_AUTH.
 *
 * @module
 */
import type { EventEmitter } from 'node:events';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { packageVersion } from '../core/version';
import { AUTH_ENV, AuthSourceError, chooseAuth, isLoopback, type ChosenAuth } from './auth-source';
import type { LocalLimits } from './cloud';
import { REGION_NAME } from './ec2/regions';
import { parseLimits } from './limits-option';
import { startLocal, type LocalEndpoint, type LocalOptions } from './server';

/** Where the command writes and which signals stop it (the process's by default). */
export interface CliEnvironment {
  /** Writes to standard output. */
  stdout?: (text: string) => void;
  /** Writes to standard error. */
  stderr?: (text: string) => void;
  /** Emits `SIGINT`/`SIGTERM` to stop the server; default: the process. */
  signals?: EventEmitter;
  /** The environment variables (`BOTOSCALE_LOCAL_AUTH`); default: the process's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Called once the server listens (for tests and embedding). */
  onListening?: (local: LocalEndpoint) => void;
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one).');
  return Number(value);
}

function speed(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new InvalidArgumentError('the speed is a positive number (2 runs the clock twice as fast as real time).');
  return n;
}

function region(value: string): string {
  if (!REGION_NAME.test(value)) throw new InvalidArgumentError('a region looks like us-east-1.');
  return value;
}

interface LocalFlags {
  port: number;
  host: string;
  state?: string;
  speed: number;
  region: string;
  auth?: string;
  authFile?: string;
  launchConfigurations: boolean;
  limits?: LocalLimits;
}

function serve(flags: LocalFlags, env: Required<Pick<CliEnvironment, 'stdout' | 'stderr'>> & CliEnvironment): Promise<number> {
  const options: LocalOptions = { port: flags.port, host: flags.host, speed: flags.speed, region: flags.region, realTime: true, launchConfigurations: flags.launchConfigurations };
  if (flags.state !== undefined) options.state = flags.state;
  if (flags.limits !== undefined) options.limits = flags.limits;
  let chosen: ChosenAuth | undefined;
  try {
    chosen = chooseAuth({ flag: flags.auth, file: flags.authFile, env: (env.env ?? process.env)[AUTH_ENV] });
  } catch (err) {
    if (!(err instanceof AuthSourceError)) throw err;
    env.stderr(`botoscale local: ${err.message}\n`);
    return Promise.resolve(1);
  }
  if (chosen !== undefined) options.auth = chosen.credentials;
  if (chosen?.source === '--auth') env.stderr(`botoscale local: note: --auth shows the secret to every user of this machine (ps); --auth-file FILE or ${AUTH_ENV} keep it off the command line\n`);
  if (chosen === undefined && !isLoopback(flags.host)) {
    env.stderr(`botoscale local: warning: listening on ${flags.host} without auth: anyone who can reach it can change the simulated cloud and its clock; give --auth-file FILE or set ${AUTH_ENV}\n`);
  }
  const signals = env.signals ?? process;
  return startLocal(options).then(
    (local) =>
      new Promise<number>((resolve) => {
        env.stdout(`botoscale local listening on ${local.endpoint} (region ${flags.region})\n`);
        if (flags.state !== undefined) env.stdout(`state file: ${flags.state}\n`);
        if (flags.speed !== 1) env.stdout(`clock: ${flags.speed}x real time\n`);
        if (options.auth !== undefined) env.stdout('auth: every request must be signed (SigV4) with the configured key pair\n');
        if (!flags.launchConfigurations) env.stdout('launch configurations: refused as in a new AWS account (use launch templates)\n');
        env.onListening?.(local);
        const stop = (signal: string): void => {
          signals.off('SIGINT', onInt);
          signals.off('SIGTERM', onTerm);
          env.stdout(`botoscale local: ${signal}, shutting down\n`);
          local.close().then(
            () => resolve(0),
            (err: unknown) => {
              const message = err instanceof Error ? err.message : String(err);
              env.stderr(`${message.startsWith('botoscale local:') ? message : `botoscale local: error while closing: ${message}`}\n`);
              resolve(1);
            },
          );
        };
        const onInt = (): void => stop('SIGINT');
        const onTerm = (): void => stop('SIGTERM');
        signals.on('SIGINT', onInt);
        signals.on('SIGTERM', onTerm);
      }),
    (err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      const message = e.code === 'EADDRINUSE' ? `port ${flags.port} on ${flags.host} is already in use; choose another with --port (0 picks a free one)` : e.message;
      env.stderr(`${message.startsWith('botoscale local:') ? message : `botoscale local: ${message}`}\n`);
      return 1;
    },
  );
}

/**
 * Runs the `botoscale` command with `argv` (the arguments after the program name) and
 * resolves with its exit code once it is done: at once for `--help` or a bad option,
 * after SIGINT or SIGTERM for `local`.
 */
export async function main(argv: readonly string[], environment: CliEnvironment = {}): Promise<number> {
  const env = {
    ...environment,
    stdout: environment.stdout ?? ((t: string) => void process.stdout.write(t)),
    stderr: environment.stderr ?? ((t: string) => void process.stderr.write(t)),
  };
  let run: Promise<number> | undefined;
  const program = new Command('botoscale')
    .description('botoscale: boto2-style Auto Scaling, CloudWatch and ELB for Node, and a local AWS endpoint to try them on')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: env.stdout, writeErr: env.stderr });
  program
    .command('local')
    .description('serve a simulated Auto Scaling, CloudWatch, ELB and EC2 endpoint whose cloud really runs')
    .addOption(new Option('--port <port>', 'port to listen on (0: any free port)').default(4599).argParser(port))
    .addOption(new Option('--host <host>', 'address to listen on; loopback only unless you say otherwise').default('127.0.0.1'))
    .addOption(new Option('--state <file>', 'keep the simulated cloud in this file (and FILE.journal): loaded at start, every change on disk before its answer'))
    .addOption(new Option('--speed <n>', 'run the simulated clock n times faster than real time').default(1).argParser(speed))
    .addOption(new Option('--region <region>', 'default region: unsigned requests and control inputs naming no region go to its cloud; a request signed (SigV4) for another region gets that region\'s own cloud, made on first use').default('us-east-1').argParser(region))
    .addOption(new Option('--auth <KEY:SECRET>', 'accept only requests signed (SigV4) with this key pair (visible in ps: prefer --auth-file)'))
    .addOption(new Option('--auth-file <file>', `the same, the key pair read from FILE (one line, KEY:SECRET); or set ${AUTH_ENV}=KEY:SECRET`))
    .addOption(new Option('--no-launch-configurations', 'answer CreateLaunchConfiguration with UnsupportedOperation, as AWS accounts created since 2024-10-01 do'))
    .addOption(new Option('--limits <list>', 'account quotas: groups, launch-configurations, load-balancers, vcpus (groups=500,vcpus=4096)').argParser(parseLimits))
    .exitOverride()
    .configureOutput({ writeOut: env.stdout, writeErr: env.stderr })
    .action((flags: LocalFlags) => {
      run = serve(flags, env);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  if (run === undefined) {
    env.stdout(program.helpInformation());
    return 1;
  }
  return run;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`botoscale: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
