/**
 * Runs autoscalectl in-process against botoscale local, counting every request at the
 * wire, and gives the tests botoscale connections to look at (or change) the result.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { AutoScaleConnection } from '../../src/autoscale';
import { CloudWatchConnection } from '../../src/cloudwatch';
import { main, type CliIo } from '../../src/ctl/cli';
import { EC2Connection } from '../../src/ec2';
import { ELBConnection } from '../../src/elb';
import { startLocal, type LocalEndpoint, type LocalOptions } from '../../src/local';
import { CallCounter } from './counter';
import { desired, fixtureText } from './state';

/** Credentials botoscale local accepts (it does not check them unless asked to). */
export const ENV: NodeJS.ProcessEnv = { AWS_ACCESS_KEY_ID: 'AKIDLOCALEXAMPLE', AWS_SECRET_ACCESS_KEY: 'localSECRETexample' };

/** The security groups the sample file (fixtures/autoscale.yaml) names: the user's, made before autoscalectl runs. */
export const SAMPLE_SECURITY_GROUPS: readonly string[] = [...new Set(desired(fixtureText()).groups.flatMap((g) => g.launchConfig.securityGroups))];

/** What one run printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One botoscale local with a counter in front of it. */
export class Harness {
  readonly counter = new CallCounter();
  readonly dir = mkdtempSync(join(tmpdir(), 'autoscalectl-'));

  private constructor(readonly local: LocalEndpoint) {}

  /** Starts botoscale local; `options` adds to (or overrides) the harness's own, e.g. `{ launchConfigurations: false }`. */
  static async start(options: Partial<LocalOptions> = {}): Promise<Harness> {
    // A Monday at midnight (UTC), so that schedules play out the same way every run.
    return new Harness(await startLocal({ port: 0, realTime: false, region: 'us-west-1', clock: { start: Date.parse('2030-01-07T00:00:00Z') }, ...options }));
  }

  async close(): Promise<void> {
    await this.local.close();
  }

  /** Writes a configuration file into the test's directory; returns its path. */
  file(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  /** Runs `autoscalectl ARGS --endpoint <local>`, counting calls from zero. */
  async run(args: readonly string[], io: Partial<CliIo> = {}): Promise<RunResult> {
    this.counter.reset();
    let stdout = '';
    let stderr = '';
    const code = await main([...args, '--endpoint', this.local.endpoint], {
      stdout: { write: (t: string) => { stdout += t; } },
      stderr: { write: (t: string) => { stderr += t; } },
      env: ENV,
      connection: { requestHandler: this.counter.handler, maxAttempts: 1 },
      apply: {
        // A deleted group's instances take simulated time to terminate.
        sleep: async (ms) => {
          this.local.clock.advance(ms);
        },
        pollInterval: 10_000,
      },
      ...io,
    });
    return { code, stdout, stderr };
  }

  private options(): { region: string; endpoint: string; env: NodeJS.ProcessEnv } {
    return { region: 'us-west-1', endpoint: this.local.endpoint, env: ENV };
  }

  /** A botoscale Auto Scaling connection to the same local (not counted). */
  autoscale(): AutoScaleConnection {
    return new AutoScaleConnection(this.options());
  }

  /** A botoscale CloudWatch connection (not counted). */
  cloudwatch(): CloudWatchConnection {
    return new CloudWatchConnection(this.options());
  }

  /** A botoscale EC2 connection (not counted). */
  ec2(): EC2Connection {
    return new EC2Connection(this.options());
  }

  /**
   * Creates security groups in the region's default VPC (not counted), as a user must
   * before autoscalectl's groups launch instances naming them: AWS, and botoscale local,
   * fail a launch naming a group that does not exist.
   */
  async createSecurityGroups(names: readonly string[]): Promise<void> {
    const ec2 = this.ec2();
    try {
      const sdk = await ec2.client();
      for (const GroupName of names) await sdk.createSecurityGroup({ GroupName, Description: `the ${GroupName} instances` });
    } finally {
      ec2.close();
    }
  }

  /** A botoscale ELB connection (not counted). */
  elb(): ELBConnection {
    return new ELBConnection(this.options());
  }

  /** The notification configurations of groups, read with the SDK (botoscale has no call for them). */
  async notifications(groups: string[]): Promise<string[]> {
    const sdk = new AutoScaling({ region: 'us-west-1', endpoint: this.local.endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const out = await sdk.describeNotificationConfigurations({ AutoScalingGroupNames: groups });
    sdk.destroy();
    return (out.NotificationConfigurations ?? []).map((n) => `${n.AutoScalingGroupName} ${n.TopicARN} ${n.NotificationType}`).sort();
  }
}

/** `{ Action: count }` of a list of actions. */
export function tally(actions: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of actions) out[a] = (out[a] ?? 0) + 1;
  return out;
}
