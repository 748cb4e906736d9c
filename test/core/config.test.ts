import { inspect } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { BotoClientError, BotoConfig, botoConfigLocations } from '../../src/core';
import { parseConfig } from '../../src/core/configparser';
import { tempDir, tempFile } from './tmp';

const SECRET = 'zzSECRET/configTest+Key0123456789abcdef';

describe('botoConfigLocations: the files boto2 reads', () => {
  test('BOTO_CONFIG alone when set (it wins over BOTO_PATH)', () => {
    expect(botoConfigLocations({ BOTO_CONFIG: '/srv/boto.cfg', BOTO_PATH: '/a:/b' })).toEqual(['/srv/boto.cfg']);
  });
  test('else every file of BOTO_PATH, split on the path delimiter', () => {
    expect(botoConfigLocations({ BOTO_PATH: ['/a/boto.cfg', '', '/b/boto.cfg'].join(delimiter) })).toEqual(['/a/boto.cfg', '/b/boto.cfg']);
  });
  test('else /etc/boto.cfg then ~/.boto, ~ being the HOME of the environment read', () => {
    expect(botoConfigLocations({ HOME: '/home/alice' })).toEqual(['/etc/boto.cfg', '/home/alice/.boto']);
    expect(botoConfigLocations({})).toEqual(['/etc/boto.cfg', join(homedir(), '.boto')]);
  });
  test('~ in BOTO_CONFIG and BOTO_PATH expands to HOME', () => {
    expect(botoConfigLocations({ HOME: '/home/bob', BOTO_CONFIG: '~/cfg/boto' })).toEqual(['/home/bob/cfg/boto']);
    expect(botoConfigLocations({ HOME: '/home/bob', BOTO_PATH: `~/one${delimiter}/two` })).toEqual(['/home/bob/one', '/two']);
  });
});

describe('BotoConfig.load', () => {
  test('reads BOTO_CONFIG', () => {
    const file = tempFile('boto.cfg', `[Credentials]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = ${SECRET}\n\n[Boto]\nautoscale_region_name = eu-west-1\n`);
    const config = BotoConfig.load({ BOTO_CONFIG: file });
    expect(config.get('Credentials', 'aws_access_key_id')).toBe('AKIDCONFIG');
    expect(config.get('Credentials', 'aws_secret_access_key')).toBe(SECRET);
    expect(config.get('Boto', 'autoscale_region_name')).toBe('eu-west-1');
    expect(config.get('Boto', 'elb_region_name')).toBeUndefined();
    expect(config.get('Nope', 'x')).toBeUndefined();
  });

  test('later BOTO_PATH files override earlier ones; missing files are skipped', () => {
    const first = tempFile('a.cfg', '[Boto]\nautoscale_region_name = eu-west-1\nelb_region_name = eu-west-1\n');
    const second = tempFile('b.cfg', '[Boto]\nelb_region_name = ap-south-1\n');
    const config = BotoConfig.load({ BOTO_PATH: [first, '/nonexistent/x.cfg', second].join(delimiter) });
    expect([config.get('Boto', 'autoscale_region_name'), config.get('Boto', 'elb_region_name')]).toEqual(['eu-west-1', 'ap-south-1']);
  });

  test('~/.boto under the HOME of the environment read', () => {
    const home = tempDir();
    writeFileSync(join(home, '.boto'), '[Boto]\ncloudwatch_region_name = sa-east-1\n');
    expect(BotoConfig.load({ HOME: home }).get('Boto', 'cloudwatch_region_name')).toBe('sa-east-1');
  });

  test('a directory or unreadable path is skipped like a missing file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'boto.cfg'));
    expect(BotoConfig.load({ BOTO_CONFIG: join(dir, 'boto.cfg') }).hasSection('Boto')).toBe(false);
  });

  test('a malformed file is a BotoClientError naming the file and line, never a value', () => {
    const file = tempFile('bad.cfg', `[Credentials]\naws_secret_access_key = ${SECRET}\njust some words\n`);
    expect(() => BotoConfig.load({ BOTO_CONFIG: file })).toThrow(new BotoClientError(`${file}, line 3: expected [section], "name = value" or "name: value"`));
    const early = tempFile('early.cfg', 'aws_access_key_id = AKID\n[Credentials]\n');
    expect(() => BotoConfig.load({ BOTO_CONFIG: early })).toThrow(new BotoClientError(`${early}, line 1: an option before any [section] header`));
  });

  test('never prints a value: String, util.inspect and JSON show section and option names only', () => {
    const file = tempFile('boto.cfg', `[Credentials]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = ${SECRET}\n[Boto]\nec2_region_name = us-west-2\n`);
    const config = BotoConfig.load({ BOTO_CONFIG: file });
    expect(String(config)).toBe('BotoConfig(Credentials, Boto)');
    expect(inspect(config, { showHidden: true, depth: 10 })).toBe('BotoConfig(Credentials, Boto)');
    expect(JSON.stringify(config)).toBe('{"Credentials":["aws_access_key_id","aws_secret_access_key"],"Boto":["ec2_region_name"]}');
  });
});

describe('parseConfig follows Python ConfigParser, as boto2 reads the files', () => {
  const parse = (text: string): Record<string, Record<string, string>> => JSON.parse(JSON.stringify(parseConfig(text, 'test.cfg'))) as Record<string, Record<string, string>>;

  test('both separators, spaces around them, option names lowercased', () => {
    expect(parse('[Credentials]\nAWS_Access_Key_Id: AKID\naws_secret_access_key=abc/def+ghi\n[Boto]\nautoscale_endpoint :  autoscaling.eu-west-1.amazonaws.com  \n')).toEqual({
      Credentials: { aws_access_key_id: 'AKID', aws_secret_access_key: 'abc/def+ghi' },
      Boto: { autoscale_endpoint: 'autoscaling.eu-west-1.amazonaws.com' },
    });
  });

  test('the first = or : separates; the rest belongs to the value', () => {
    expect(parse('[s]\na = b=c\nurl = http://localhost:4566\nk: v = w\n')).toEqual({ s: { a: 'b=c', url: 'http://localhost:4566', k: 'v = w' } });
  });

  test('section names are taken whole and keep their case (dots, spaces)', () => {
    expect(parse('[profile prod.eu]\nk = v\n[Boto]\nx = 1\n[boto]\nx = 2\n')).toEqual({ 'profile prod.eu': { k: 'v' }, Boto: { x: '1' }, boto: { x: '2' } });
  });

  test('# and ; start comment lines only; inside a value they are text; values stay text (no booleans)', () => {
    expect(parse('# top\n; also\n[s]\n  # indented comment\nsecret = ab;cd #ef\nflag = false\nnum = 10\n')).toEqual({ s: { secret: 'ab;cd #ef', flag: 'false', num: '10' } });
  });

  test('indented lines continue a value; blank lines inside are kept, trailing ones dropped', () => {
    expect(parse('[s]\nmulti = first\n  second\n\n  third\n\nnext = x\n')).toEqual({ s: { multi: 'first\nsecond\n\nthird', next: 'x' } });
    // As in Python, even an indented [header] continues the value above it.
    expect(parse('[s]\na = 1\n  [t]\nb = 2\n')).toEqual({ s: { a: '1\n[t]', b: '2' } });
  });

  test('an empty value is empty; a repeated section merges, later options win; CRLF and a BOM are fine', () => {
    expect(parse('\uFEFF[s]\r\na =\r\nb = 1\r\n[s]\r\nb = 2\r\n')).toEqual({ s: { a: '', b: '2' } });
  });

  test('__proto__ and constructor are plain names, and Object.prototype stays untouched', () => {
    const parsed = parseConfig('[__proto__]\npolluted = yes\n[constructor]\n__proto__ = x\n', 'evil.cfg');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    const config = new BotoConfig(parsed);
    expect(config.get('__proto__', 'polluted')).toBe('yes');
    expect(config.get('toString', 'x')).toBeUndefined();
    expect(config.get('Boto', 'constructor')).toBeUndefined();
    expect(config.hasSection('constructor')).toBe(true);
    expect(config.hasSection('hasOwnProperty')).toBe(false);
  });
});

describe('BotoConfig.get', () => {
  test('option names match in any case; empty values count as absent', () => {
    const config = new BotoConfig({ Boto: { AutoScale_Region_Name: 'eu-west-1', elb_region_name: '' } });
    expect(config.get('Boto', 'autoscale_region_name')).toBe('eu-west-1');
    expect(config.get('Boto', 'AUTOSCALE_REGION_NAME')).toBe('eu-west-1');
    expect(config.get('Boto', 'elb_region_name')).toBeUndefined();
  });

  test('[DEFAULT] values apply to every existing section, as in Python', () => {
    const config = new BotoConfig({ DEFAULT: { aws_security_token: 'tok' }, Credentials: { aws_access_key_id: 'AKID' } });
    expect(config.get('Credentials', 'aws_security_token')).toBe('tok');
    expect(config.get('DEFAULT', 'aws_security_token')).toBe('tok');
    expect(config.get('Missing', 'aws_security_token')).toBeUndefined();
  });

  test('hasSection is for [profile NAME]', () => {
    const config = new BotoConfig({ 'profile dev': { aws_access_key_id: 'A' } });
    expect([config.hasSection('profile dev'), config.hasSection('profile prod')]).toEqual([true, false]);
  });
});
