/**
 * The models' `pattern` constraints: Java syntax translated for JavaScript, every pattern
 * the shipped models hold compiling, and names with control characters refused with
 * AWS's wording (issue 13, failure 7).
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import type { LocalEndpoint } from '../../../src/local';
import { decodeQuery, operationOf } from '../../../src/local/protocol/codec';
import { javaPattern, translateJavaPattern, UnsupportedPatternError } from '../../../src/local/protocol/patterns';
import { PROFILES } from '../../../src/local/protocol/services';
import { clientConfig, query, serviceError, startTest, xmlText } from '../helpers';

const XML_STRING = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*';

describe('Java patterns in JavaScript', () => {
  test("the XML-character pattern: surrogate pairs are one range, control characters and lone surrogates are outside", () => {
    const re = javaPattern(XML_STRING);
    for (const ok of ['', 'my-group', 'tab\tand\nnewline\r', 'é ü 中文', '😀 U+1F600', '\u{10FFFF}', '\uFFFD']) expect([ok, re.test(ok)]).toEqual([ok, true]);
    for (const bad of ['ctl\u0001x', '\u0000', '\u001f', '\uD800', 'x\uDC00', '\uFFFE', '\uFFFF']) expect([bad, re.test(bad)]).toEqual([bad, false]);
  });

  test('the whole value must match, as Matcher.matches() requires', () => {
    expect(javaPattern('[a-z]+').test('abc')).toBe(true);
    expect(javaPattern('[a-z]+').test('abc1')).toBe(false);
    expect(javaPattern('a|b').test('ab')).toBe(false);
  });

  test("Java-only syntax is translated", () => {
    expect(translateJavaPattern('[\\-\\.\\_0-9]')).toBe('[\\-\\._0-9]');
    expect(translateJavaPattern('\\@x')).toBe('@x');
    expect(javaPattern('[^:].*').test(':x')).toBe(false);
    expect(javaPattern('[^:].*').test('a\u0085b')).toBe(false);
    expect(javaPattern('[^:].*').test('a\u00a0b')).toBe(true);
    expect(javaPattern('\\s+').test('\u00a0')).toBe(false);
    expect(javaPattern('\\s+').test(' \t')).toBe(true);
    expect(javaPattern('\\p{Alpha}+').test('abcXYZ')).toBe(true);
    expect(javaPattern('\\p{Alpha}+').test('é')).toBe(false);
    expect(javaPattern('\\Qa.b\\E').test('a.b')).toBe(true);
    expect(javaPattern('\\Qa.b\\E').test('axb')).toBe(false);
    expect(javaPattern('a++b').test('aab')).toBe(true);
    expect(javaPattern('\\Aab\\z').test('ab')).toBe(true);
    expect(javaPattern('^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$').test('Name: ü-1')).toBe(true);
    expect(javaPattern('^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$').test('a#b')).toBe(false);
  });

  test('syntax JavaScript cannot express is an error naming the pattern', () => {
    expect(() => javaPattern('[a-z&&[^e]]')).toThrow(UnsupportedPatternError);
    expect(() => javaPattern('(?i)abc')).toThrow('cannot translate the model pattern "(?i)abc" for JavaScript');
  });

  test('every pattern of the shipped models compiles', () => {
    let n = 0;
    for (const profile of Object.values(PROFILES)) {
      for (const shape of Object.values(profile.model.shapes)) {
        if (shape.pattern === undefined) continue;
        expect(javaPattern(shape.pattern)).toBeInstanceOf(RegExp);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(20);
  });
});

describe('pattern constraints on input', () => {
  test("Auto Scaling: a control character in a name is a ValidationError quoting the model's pattern", () => {
    const op = operationOf(PROFILES.autoscaling, 'CreateLaunchConfiguration');
    expect(serviceError(() => decodeQuery(PROFILES.autoscaling, op, new Map([['LaunchConfigurationName', 'ctl\u0001x'], ['ImageId', 'ami-12345678']])))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: `1 validation error detected: Value 'ctl\u0001x' at 'launchConfigurationName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${XML_STRING}`,
    });
  });

  test('a value breaking both its length and its pattern gets both lines', () => {
    const op = operationOf(PROFILES.autoscaling, 'DeleteLaunchConfiguration');
    const name = `\u0002${'x'.repeat(255)}`;
    expect(serviceError(() => decodeQuery(PROFILES.autoscaling, op, new Map([['LaunchConfigurationName', name]]))).message).toBe(
      `2 validation errors detected: Value '${name}' at 'launchConfigurationName' failed to satisfy constraint: Member must have length less than or equal to 255; ` +
        `Value '${name}' at 'launchConfigurationName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${XML_STRING}`,
    );
  });

  test('ELB: tag keys outside the pattern', () => {
    const op = operationOf(PROFILES.elasticloadbalancing, 'AddTags');
    expect(serviceError(() => decodeQuery(PROFILES.elasticloadbalancing, op, new Map([['LoadBalancerNames.member.1', 'lb'], ['Tags.member.1.Key', 'a#b']])))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value 'a#b' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
    });
  });

  test('CloudWatch: a namespace starting with a colon', () => {
    const op = operationOf(PROFILES.monitoring, 'ListMetrics');
    expect(serviceError(() => decodeQuery(PROFILES.monitoring, op, new Map([['Namespace', ':x']])))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value ':x' at 'namespace' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:].*",
    });
  });

  describe('against a server', () => {
    let local: LocalEndpoint;
    beforeAll(async () => {
      local = await startTest();
    });
    afterAll(() => local.close());

    test('LaunchConfigurationName=ctl%01x is refused and nothing is created', async () => {
      const res = await query(local.endpoint, { Action: 'CreateLaunchConfiguration', Version: '2011-01-01', LaunchConfigurationName: 'ctl\u0001x', ImageId: 'ami-12345678', InstanceType: 'm1.small' });
      expect(res.status).toBe(400);
      expect(xmlText(res.text, 'Code')).toBe('ValidationError');
      // XML 1.0 cannot carry U+0001: the answer shows it as U+FFFD and stays well-formed.
      expect(xmlText(res.text, 'Message')).toBe(`1 validation error detected: Value 'ctl\uFFFDx' at 'launchConfigurationName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${XML_STRING}`);
      const described = await new AutoScaling(clientConfig(local.endpoint)).describeLaunchConfigurations({});
      expect(described.LaunchConfigurations).toEqual([]);
    });
  });
});
