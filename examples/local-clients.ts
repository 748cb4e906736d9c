/**
 * botoscale local from code: starting it with options, driving its clock and load in
 * process or through its control API, requiring signed requests, and the raw AWS SDK
 * v3 clients pointed at it. docs/local.md shows the regions; the other clients (AWS
 * CLI, boto 2, boto3) are in local-clients.sh and local-clients.py.
 *
 * In your own code, import from `botoscale/...` where this file imports from `../src/...`.
 */
// #region imports
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { AutoScaleConnection } from '../src/autoscale';
import { startLocal } from '../src/local';
// #endregion
import { AutoScalingGroup, LaunchConfiguration } from '../src/autoscale';

/** What {@link localClients} saw, for its test. */
export interface LocalClientsResult {
  groups: string[];
  wrongKeyError: string;
}

/**
 * Starts botoscale local with a state file, drives it, reads it through the SDK, and
 * restarts it from the file; then starts one that checks signatures.
 */
export async function localClients(stateFile: string): Promise<LocalClientsResult> {
  // #region start-options
  const local = await startLocal({
    port: 0, // 0: any free port; the default is 4599
    host: '127.0.0.1', // loopback only, the default
    state: stateFile, // every acknowledged change is on disk before the answer
    region: 'us-east-1',
    realTime: false, // the clock moves only when told
  });
  const endpoint = local.endpoint;
  // #endregion

  const conn = new AutoScaleConnection('AKIDLOCAL', 'local-secret', { endpoint });
  await conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'web', imageId: 'ami-12345678' }));
  await conn.createAutoScalingGroup(new AutoScalingGroup({ name: 'web', launchConfig: 'web', minSize: 2, maxSize: 4, availabilityZones: ['us-east-1a'] }));

  // #region in-process
  local.clock.advance('5m'); // five minutes of simulated time pass, step by step
  local.setLoad('web', 85); // the group's instances report 85% CPU from now on
  // #endregion

  // #region control-api
  await fetch(`${endpoint}/_botoscale/clock/advance`, { method: 'POST', body: JSON.stringify({ by: '2m' }) });
  await fetch(`${endpoint}/_botoscale/load`, { method: 'POST', body: JSON.stringify({ group: 'web', cpu: 20 }) });
  console.log(await (await fetch(`${endpoint}/_botoscale/health`)).json());
  // #endregion

  // #region sdk-v3
  const client = new AutoScalingClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  });
  const out = await client.send(new DescribeAutoScalingGroupsCommand({}));
  console.log(out.AutoScalingGroups?.map((g) => `${g.AutoScalingGroupName}: ${g.Instances?.length} instances`));
  // #endregion
  client.destroy();
  conn.close();
  await local.close();

  // #region restart
  const again = await startLocal({ port: 0, state: stateFile, realTime: false });
  const groups = await new AutoScaleConnection('AKIDLOCAL', 'local-secret', { endpoint: again.endpoint }).getAllGroups();
  console.log(groups, groups[0].instances);
  // #endregion
  const names = groups.map((g) => g.name as string);
  await again.close();

  // #region auth
  const checked = await startLocal({ port: 0, realTime: false, auth: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
  const right = new AutoScaleConnection('AKIDLOCAL', 'local-secret', { endpoint: checked.endpoint });
  console.log(await right.getAllGroups());
  const wrong = new AutoScaleConnection('AKIDLOCAL', 'not-the-secret', { endpoint: checked.endpoint, maxAttempts: 1 });
  const error = await wrong.getAllGroups().then(() => 'no error', (err: unknown) => String(err));
  console.log(error);
  // #endregion
  right.close();
  wrong.close();
  await checked.close();
  return { groups: names, wrongKeyError: error };
}
