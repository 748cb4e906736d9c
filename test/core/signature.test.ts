/**
 * The run-time argument checks (src/core/signature.ts), on a small class of their own:
 * each rule with its bad input and the exact error, and boto2's positional form.
 */
import { AutoScaleConnection } from '../../src/autoscale';
import { BotoClientError } from '../../src/core/errors';
import { PagedRequest, ResultSet } from '../../src/core/resultset';
import { checkNew, declareSignatures, parseSignature, suggestKey } from '../../src/core/signature';

interface ToyOptions { signal?: AbortSignal; maxRecords?: number; honorCooldown?: boolean; dimensions?: Record<string, string>; nextToken?: string }

class Toy {
  readonly init: unknown;
  constructor(options: { keyName?: string; imageId?: string } = {}) {
    checkNew(Toy, arguments);
    this.init = options;
  }
  async send(name: string, options: ToyOptions = {}): Promise<unknown[]> {
    return [name, options];
  }
  async find(name?: string, options: ToyOptions = {}): Promise<unknown[]> {
    return [name, options];
  }
  async put(name: string, data: Record<string, string>, options: ToyOptions = {}): Promise<unknown[]> {
    return [name, data, options];
  }
  list(options: ToyOptions = {}): PagedRequest<unknown> {
    return new PagedRequest(async () => ResultSet.fromPage([options]));
  }
  tuple(): number[] {
    return [1];
  }
}
declareSignatures(Toy, {
  new: '{keyName, imageId}',
  send: 'name, [maxRecords, honorCooldown, dimensions:object], {nextToken, signal}',
  find: 'name?, {maxRecords, signal}',
  put: 'name, data:object, {signal}',
  list: 'paged: [maxRecords, nextToken], {signal}',
  tuple: '',
});

const toy = new Toy();
// boto2's positional form, which the TypeScript signatures do not show.
const loose = toy as unknown as { send(...args: unknown[]): Promise<unknown>; list(...args: unknown[]): PagedRequest<unknown> };

async function rejects(p: Promise<unknown> | PromiseLike<unknown>, message: string): Promise<void> {
  let err: unknown;
  await Promise.resolve(p).then(() => undefined, (e: unknown) => { err = e; });
  expect(err).toBeInstanceOf(BotoClientError);
  expect((err as Error).message).toBe(message);
}

describe('boto2\'s positional form, bound as Python binds it', () => {
  test('the options object, as usual', async () => {
    expect(await toy.send('a', { maxRecords: 5 })).toEqual(['a', { maxRecords: 5 }]);
    expect(await toy.send('a')).toEqual(['a', {}]);
  });

  test('boto2\'s parameters after the positional ones go into the options object', async () => {
    expect(await loose.send('a', 5, true)).toEqual(['a', { maxRecords: 5, honorCooldown: true }]);
    expect(await loose.send('a', 5, { nextToken: 't' })).toEqual(['a', { nextToken: 't', maxRecords: 5 }]);
    // None (null or undefined) is boto2's default: left out.
    expect(await loose.send('a', null, true)).toEqual(['a', { honorCooldown: true }]);
  });

  test('further on, a parameter that takes an object takes the plain object', async () => {
    expect(await loose.send('a', 5, true, { Name: 'x' })).toEqual(['a', { maxRecords: 5, honorCooldown: true, dimensions: { Name: 'x' } }]);
  });

  test('right after the positional parameters a plain object is the options object', async () => {
    expect(await Promise.resolve(toy.list({ maxRecords: 2 }))).toEqual([{ maxRecords: 2 }]);
    expect(await Promise.resolve(loose.list(2, 't'))).toEqual([{ maxRecords: 2, nextToken: 't' }]);
  });

  test('an optional positional parameter left out before the options object', async () => {
    expect(await toy.find({ maxRecords: 1 } as unknown as string)).toEqual([undefined, { maxRecords: 1 }]);
  });

  test('a positional parameter that takes an object keeps it', async () => {
    expect(await toy.put('a', { k: 'v' })).toEqual(['a', { k: 'v' }, {}]);
  });
});

describe('each rule, with its bad input and its exact error', () => {
  const SEND = 'Toy.send(name, { maxRecords, honorCooldown, dimensions, nextToken, signal, requestTimeout })';

  test('a missing required argument', async () => {
    await rejects((toy.send as (...a: unknown[]) => Promise<unknown>)(), `${SEND}: \`name\` is required`);
    await rejects(toy.send(null as unknown as string), `${SEND}: \`name\` is required`);
    await rejects(toy.send({ maxRecords: 1 } as unknown as string), `${SEND}: \`name\` is required (the first argument is the options object)`);
    await rejects(toy.put('a', undefined as unknown as Record<string, string>), 'Toy.put(name, data, { signal, requestTimeout }): `data` is required');
  });

  test('an unknown option, with a did-you-mean for snake_case, other cases, near misses and endings', async () => {
    await rejects(toy.send('a', { max_records: 1 } as ToyOptions), `${SEND}: unknown option \`max_records\`; did you mean \`maxRecords\`?`);
    await rejects(toy.send('a', { MaxRecords: 1 } as ToyOptions), `${SEND}: unknown option \`MaxRecords\`; did you mean \`maxRecords\`?`);
    await rejects(toy.send('a', { maxRecord: 1 } as ToyOptions), `${SEND}: unknown option \`maxRecord\`; did you mean \`maxRecords\`?`);
    await rejects(toy.send('a', { page_max_records: 1 } as ToyOptions), `${SEND}: unknown option \`page_max_records\`; did you mean \`maxRecords\`?`);
    await rejects(toy.send('a', { color: 'red' } as ToyOptions), `${SEND}: unknown option \`color\``);
  });

  test('a value of the wrong kind where the options object goes', async () => {
    await rejects(toy.put('a', { k: 'v' }, 'oops' as unknown as ToyOptions), 'Toy.put(name, data, { signal, requestTimeout }): the third argument must be the options object, got "oops"');
    await rejects(toy.put('a', { k: 'v' }, ['x'] as unknown as ToyOptions), 'Toy.put(name, data, { signal, requestTimeout }): the third argument must be the options object, got a list');
  });

  test('an extra positional argument', async () => {
    await rejects((toy.send as (...a: unknown[]) => Promise<unknown>)('a', 1, true, { N: 'x' }, 'more'),
      `${SEND}: the fifth argument must be the options object, got "more"`);
    await rejects((toy.find as (...a: unknown[]) => Promise<unknown>)('a', {}, 3), 'Toy.find(name?, { maxRecords, signal, requestTimeout }): nothing may follow the options object, got 3 after it');
    expect(() => (toy.tuple as (...a: unknown[]) => unknown)(1)).toThrow(new BotoClientError('Toy.tuple(): takes at most 0 arguments, got 1 (the first is 1)'));
  });

  test('an option given twice', async () => {
    await rejects((toy.send as (...a: unknown[]) => Promise<unknown>)('a', 5, undefined, undefined, { maxRecords: 6 }),
      `${SEND}: \`maxRecords\` is given twice: as an argument and in the options object`);
  });

  test('a constructor\'s unknown option', () => {
    expect(() => new Toy({ key_name: 'ops' } as never)).toThrow(new BotoClientError('new Toy({ keyName, imageId }): unknown option `key_name`; did you mean `keyName`?'));
    expect(() => new Toy('ops' as never)).toThrow(new BotoClientError('new Toy({ keyName, imageId }): the first argument must be the options object, got "ops"'));
    expect(new Toy({ keyName: 'ops' }).init).toEqual({ keyName: 'ops' });
  });

  test('async calls reject, list calls give a PagedRequest that rejects, others throw', async () => {
    const paged = toy.list({ max: 1 } as ToyOptions);
    expect(paged).toBeInstanceOf(PagedRequest);
    await rejects(paged, 'Toy.list({ maxRecords, nextToken, signal, requestTimeout }): unknown option `max`; did you mean `maxRecords`?');
    const sent = toy.send('a', { bad: 1 } as ToyOptions);
    expect(sent).toBeInstanceOf(Promise);
    await sent.catch(() => undefined);
  });
});

describe('the notation', () => {
  test('a malformed signature is an error when the class loads', () => {
    expect(() => parseSignature('X.y', 'a b')).toThrow('X.y: cannot read parameter "a b"');
    expect(() => declareSignatures(Toy, { nothing: '' } as never)).toThrow('Toy.nothing: no such method to declare a signature for');
  });

  test('suggestions', () => {
    expect(suggestKey('alarm_actions', ['alarmActions', 'okActions'])).toBe('alarmActions');
    expect(suggestKey('healthy_threshold', ['healthyThreshold', 'unhealthyThreshold'])).toBe('healthyThreshold');
    expect(suggestKey('group_names', ['names', 'maxRecords'])).toBe('names');
    expect(suggestKey('name', ['names', 'maxRecords'])).toBe('names');
    expect(suggestKey('zzz', ['names'])).toBeUndefined();
  });
});

describe('secrets', () => {
  test('a misplaced string given to a connection constructor is not repeated: it may be the secret key', () => {
    const make = AutoScaleConnection as unknown as new (...args: unknown[]) => unknown;
    expect(() => new make({ region: 'us-east-1' }, 'wJalrXUtnFEMI/K7MDENG')).toThrow(new BotoClientError(
      'new AutoScaleConnection(awsAccessKeyId?, awsSecretAccessKey?, { region, endpoint, useFipsEndpoint, useDualstackEndpoint, credentials, profile, securityToken, maxAttempts, requestHandler, requestTimeout, logger, botoConfig, env }): nothing may follow the options object, got a string after it',
    ));
    expect(() => new make('AKID', 'wJalrXUtnFEMI/K7MDENG', { regoin: 'us-east-1' })).toThrow(new BotoClientError(
      'new AutoScaleConnection(awsAccessKeyId?, awsSecretAccessKey?, { region, endpoint, useFipsEndpoint, useDualstackEndpoint, credentials, profile, securityToken, maxAttempts, requestHandler, requestTimeout, logger, botoConfig, env }): unknown option `regoin`; did you mean `region`?',
    ));
  });
});
