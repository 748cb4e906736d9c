/**
 * The package as users get it: after `npm run build`, `require('botoscale')`, its subpaths
 * and ESM imports work from a project that depends on botoscale (a temp dir whose
 * node_modules/botoscale links to this checkout), importing loads no AWS SDK client, and
 * the type declarations resolve under moduleResolution node16 and bundler.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const SUBPATHS = ['autoscale', 'cloudwatch', 'elb', 'ec2'] as const;
const ENTRIES = ['index', ...SUBPATHS.map((s) => `${s}/index`)];

let project = '';

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'botoscale-package-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'botoscale'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-botoscale', private: true }));
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

/** Fails with what to do when the build output is missing. */
function requireBuild(): void {
  const unwritten = ENTRIES.filter((e) => !existsSync(join(ROOT, 'src', `${e}.ts`)));
  if (unwritten.length > 0) {
    throw new Error(`there is nothing to build for ${unwritten.map((e) => `src/${e}.ts`).join(', ')}: the entry point does not exist`);
  }
  const missing = ENTRIES.flatMap((e) => [`${e}.js`, `${e}.d.ts`]).filter((f) => !existsSync(join(DIST, f)));
  if (missing.length > 0) {
    throw new Error(`dist/ is missing ${missing.join(', ')}: run \`npm run build\` first (\`npm test\` does)`);
  }
}

/** Runs a script file in the temp project with Node and returns what it printed as JSON. */
function runNode(name: string, source: string): unknown {
  writeFileSync(join(project, name), source);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: project, BOTO_CONFIG: join(project, 'no-boto.cfg') };
  const out = execFileSync(process.execPath, [join(project, name)], { cwd: project, env, encoding: 'utf8' });
  return JSON.parse(out) as unknown;
}

/** Runs the repo's tsc on a tsconfig in the temp project; returns its output (empty when clean). */
function runTsc(config: string): string {
  try {
    return execFileSync(process.execPath, [TSC, '-p', config], { cwd: project, encoding: 'utf8' });
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}` || String(e);
  }
}

describe('the built package', () => {
  test('require() of every entry point, by package name', () => {
    requireBuild();
    const result = runNode('cjs.cjs', `
      const loadedSdk = () => Object.keys(require.cache).filter((p) => /@aws-sdk[\\\\/](client-|credential-providers)/.test(p));
      const top = require('botoscale');
      const as = require('botoscale/autoscale');
      const cw = require('botoscale/cloudwatch');
      const elb = require('botoscale/elb');
      const ec2 = require('botoscale/ec2');
      const afterImport = loadedSdk();
      const conn = top.connectAutoscale('AKID', 'secret', { env: {} });
      conn.client().then(() => {
        console.log(JSON.stringify({
          afterImport,
          afterCall: loadedSdk().map((p) => p.split(/node_modules[\\\\/]/).pop().split(/[\\\\/]/).slice(0, 2).join('/')).filter((v, i, a) => a.indexOf(v) === i),
          top: [typeof top.connectAutoscale, typeof top.connectCloudwatch, typeof top.connectElb, typeof top.connectEc2],
          namespaces: [top.autoscale === as || top.autoscale.AutoScaleConnection === as.AutoScaleConnection, top.cloudwatch.CloudWatchConnection === cw.CloudWatchConnection, top.elb.ELBConnection === elb.ELBConnection, top.ec2.EC2Connection === ec2.EC2Connection],
          core: [typeof top.BotoServerError, typeof top.BotoClientError, typeof top.ResultSet, typeof top.PagedRequest, typeof top.RegionInfo],
          reprs: [String(conn), String(new cw.CloudWatchConnection({ env: {} })), String(new elb.ELBConnection({ env: {} })), String(ec2.connectToRegion('us-west-2', { env: {} }))],
          regions: [String(as.regions()[0]), String(cw.regions()[0]), String(elb.regions()[0]), String(ec2.regions()[0])],
          sameErrorClass: new as.AutoScaleConnection({ env: {} }) instanceof top.AWSConnection,
        }));
      });
    `);
    expect(result).toEqual({
      afterImport: [],
      afterCall: ['@aws-sdk/client-auto-scaling'],
      top: ['function', 'function', 'function', 'function'],
      namespaces: [true, true, true, true],
      core: ['function', 'function', 'function', 'function', 'function'],
      reprs: [
        'AutoScaleConnection:autoscaling.us-east-1.amazonaws.com',
        'CloudWatchConnection:monitoring.us-east-1.amazonaws.com',
        'ELBConnection:elasticloadbalancing.us-east-1.amazonaws.com',
        'EC2Connection:ec2.us-west-2.amazonaws.com',
      ],
      regions: ['RegionInfo:af-south-1', 'RegionInfo:af-south-1', 'RegionInfo:af-south-1', 'RegionInfo:af-south-1'],
      sameErrorClass: true,
    });
  });

  test('ESM import of the top level and named imports from every subpath', () => {
    requireBuild();
    const result = runNode('esm.mjs', `
      import { connectAutoscale, connectCloudwatch, connectElb, connectEc2, autoscale, cloudwatch, elb, ec2, BotoServerError, BotoClientError, ResultSet } from 'botoscale';
      import { AutoScaleConnection, LaunchConfiguration, AutoScalingGroup, connectToRegion as asConnect, regions as asRegions } from 'botoscale/autoscale';
      import { CloudWatchConnection, connectToRegion as cwConnect } from 'botoscale/cloudwatch';
      import { ELBConnection, connectToRegion as elbConnect } from 'botoscale/elb';
      import { EC2Connection, Instance, Reservation, Zone, connectToRegion as ec2Connect } from 'botoscale/ec2';
      import * as whole from 'botoscale';
      console.log(JSON.stringify({
        top: [String(connectAutoscale({ env: {} })), String(connectCloudwatch({ env: {} })), String(connectElb({ env: {} })), String(connectEc2({ env: {} }))],
        namespaces: [autoscale.AutoScaleConnection === AutoScaleConnection, cloudwatch.CloudWatchConnection === CloudWatchConnection, elb.ELBConnection === ELBConnection, ec2.EC2Connection === EC2Connection],
        subpaths: [String(asConnect('eu-west-1', { env: {} })), String(cwConnect('eu-west-1', { env: {} })), String(elbConnect('eu-west-1', { env: {} })), String(ec2Connect('eu-west-1', { env: {} }))],
        classes: [String(new LaunchConfiguration({ name: 'my-launch_config' })), String(new AutoScalingGroup({ name: 'my_group' })), String(new Instance({ id: 'i-1' })), String(new Reservation({ id: 'r-1' })), String(new Zone({ name: 'us-east-1a' }))],
        regions: asRegions().length > 20,
        errors: [typeof BotoServerError, new BotoClientError('x') instanceof Error, ResultSet.fromPage([1], 't').isTruncated],
        defaultExport: typeof whole.default,
      }));
    `);
    expect(result).toEqual({
      top: [
        'AutoScaleConnection:autoscaling.us-east-1.amazonaws.com',
        'CloudWatchConnection:monitoring.us-east-1.amazonaws.com',
        'ELBConnection:elasticloadbalancing.us-east-1.amazonaws.com',
        'EC2Connection:ec2.us-east-1.amazonaws.com',
      ],
      namespaces: [true, true, true, true],
      subpaths: [
        'AutoScaleConnection:autoscaling.eu-west-1.amazonaws.com',
        'CloudWatchConnection:monitoring.eu-west-1.amazonaws.com',
        'ELBConnection:elasticloadbalancing.eu-west-1.amazonaws.com',
        'EC2Connection:ec2.eu-west-1.amazonaws.com',
      ],
      classes: ['LaunchConfiguration:my-launch_config', 'AutoScaleGroup<my_group>', 'Instance:i-1', 'Reservation:r-1', 'Zone:us-east-1a'],
      regions: true,
      errors: ['function', true, true],
      defaultExport: 'object',
    });
  });

  describe('type declarations', () => {
    const USES = `
      const as = connectAutoscale('AKID', 'secret', { region: 'eu-west-1' });
      const host: string = as.host;
      const cw = connectCloudwatch({ region: 'eu-west-1' });
      const lb = connectElb();
      const e = connectEc2();
      const page: Promise<ResultSet<ec2.Instance>> = e.getOnlyInstances(['i-1']).then((p) => p);
      const groups: autoscale.AutoScalingGroup[] = [];
      const lc = new LaunchConfiguration({ name: 'lc', imageId: 'ami-1' });
      const c1: CloudWatchConnection = cw;
      const c2: ELBConnection = lb;
      const c3: EC2Connection = e;
      const r: string = String(cloudwatch.regions()[0]) + String(elb.regions()[0]) + String(asRegions()[0]) + String(ec2Regions()[0]);
      // The declarations are real types, not any: each of these must be an error.
      // @ts-expect-error host is a string
      const wrong: number = as.host;
      // @ts-expect-error getOnlyInstances takes ids, not a number
      e.getOnlyInstances(5);
      // @ts-expect-error no such class
      new autoscale.NoSuchThing();
      export { host, page, groups, lc, c1, c2, c3, r, wrong, BotoServerError };
    `;
    const IMPORTS = `
      import { connectAutoscale, connectCloudwatch, connectElb, connectEc2, autoscale, cloudwatch, elb, ec2, BotoServerError, ResultSet } from 'botoscale';
      import { LaunchConfiguration, regions as asRegions } from 'botoscale/autoscale';
      import { CloudWatchConnection } from 'botoscale/cloudwatch';
      import { ELBConnection } from 'botoscale/elb';
      import { EC2Connection, regions as ec2Regions } from 'botoscale/ec2';
    `;

    function tsconfig(name: string, compilerOptions: Record<string, unknown>, files: string[]): string {
      writeFileSync(join(project, name), JSON.stringify({
        compilerOptions: {
          // skipLibCheck off: botoscale's own .d.ts files are checked too, not only their use.
          strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022'],
          typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'], ...compilerOptions,
        },
        files,
      }));
      return name;
    }

    test('moduleResolution node16: ESM (.mts) and CommonJS (.cts) importers', () => {
      requireBuild();
      writeFileSync(join(project, 'uses.mts'), `${IMPORTS}\n${USES}`);
      writeFileSync(join(project, 'uses.cts'), `${IMPORTS}\n${USES}`);
      expect(runTsc(tsconfig('tsconfig.node16.json', { module: 'node16', moduleResolution: 'node16' }, ['uses.mts', 'uses.cts']))).toBe('');
    }, 180_000);

    test('moduleResolution bundler', () => {
      requireBuild();
      writeFileSync(join(project, 'uses-bundler.ts'), `${IMPORTS}\n${USES}`);
      expect(runTsc(tsconfig('tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler' }, ['uses-bundler.ts']))).toBe('');
    }, 180_000);

    test('the check can fail: a missing export is reported', () => {
      requireBuild();
      writeFileSync(join(project, 'broken.ts'), `import { connectNothing } from 'botoscale';\nexport const x = connectNothing;\n`);
      const out = runTsc(tsconfig('tsconfig.broken.json', { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true }, ['broken.ts']));
      expect(out).toContain("has no exported member 'connectNothing'");
    }, 180_000);
  });
});
