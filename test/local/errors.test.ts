/**
 * botoscale local's error answers take their status and fault from the service models'
 * error shapes, or from the one table beside the rules for the codes no model states.
 */
import { AUTOSCALING_ERRORS, COMMON_ERRORS, EC2_ERRORS, type ErrorInfo } from '../../src/core/rules/aws-errors';
import { MODEL_ERRORS } from '../../src/core/rules/generated';
import { awsError, commonError } from '../../src/local/errors';

describe('error answers', () => {
  test("a modelled code answers with the model's status and fault", () => {
    const e = awsError('elasticloadbalancing', 'InvalidConfigurationRequest', 'no');
    expect([e.code, e.status, e.fault, e.message]).toEqual(['InvalidConfigurationRequest', 409, 'Sender', 'no']);
    const nf = awsError('monitoring', 'ResourceNotFound', 'gone');
    expect([nf.status, nf.fault]).toEqual([404, 'Sender']);
  });

  test("a code no model states answers with the table's status", () => {
    expect(awsError('ec2', 'DryRunOperation', 'x').status).toBe(412);
    expect(awsError('ec2', 'InsufficientInstanceCapacity', 'x').fault).toBe('Receiver');
    expect(awsError('autoscaling', 'UnsupportedOperation', 'x').status).toBe(400);
    expect(awsError('autoscaling', 'ValidationError', 'x').status).toBe(400);
    expect(commonError('MalformedQueryString', 'x').status).toBe(404);
    expect(commonError('InternalFailure', 'x').fault).toBe('Receiver');
  });

  test('a code unknown to the service is a programming error, not an answer', () => {
    // Cast: the type already refuses it; a plain .js caller or a stale cast would not be refused.
    expect(() => awsError('monitoring', 'InvalidInstanceID.NotFound' as 'ValidationError', 'x')).toThrow('no status known for error code InvalidInstanceID.NotFound of monitoring');
  });

  test('the hand-written tables never contradict a model, nor each other', () => {
    const hand: Array<Record<string, ErrorInfo>> = [COMMON_ERRORS, EC2_ERRORS, AUTOSCALING_ERRORS];
    for (const model of Object.values(MODEL_ERRORS) as Array<Record<string, ErrorInfo>>) {
      for (const [code, info] of Object.entries(model)) {
        for (const table of hand) {
          const other = table[code];
          if (other !== undefined) expect([code, other.status]).toEqual([code, info.status]);
        }
      }
    }
    for (const code of Object.keys(EC2_ERRORS)) expect(Object.keys(COMMON_ERRORS)).not.toContain(code);
  });
});
