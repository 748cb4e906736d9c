/**
 * The EC2 handlers' types, taken from the AWS SDK's EC2 client (type-only: nothing of the
 * SDK is loaded at run time): a handler table keyed by action, each action's checked
 * input and its output.
 *
 * @module
 */
import type * as EC2 from '@aws-sdk/client-ec2';
import type { ActionInput, ActionOutput, TypedHandlers } from '../typed';

/** The EC2 handler table: each action's handler takes the SDK's input and returns its output. */
export type Ec2Handlers = TypedHandlers<typeof EC2>;

/** An EC2 action name the SDK knows (`DescribeInstances`). */
export type Ec2Action = keyof Ec2Handlers;

/** The checked input of one EC2 action. */
export type In<A extends Ec2Action> = ActionInput<typeof EC2, A>;

/**
 * The output of one EC2 action, for handlers that return a literal (the compiler checks a
 * literal's members only against a type written on the function that returns it).
 */
export type Out<A extends Ec2Action> = ActionOutput<typeof EC2, A>;
