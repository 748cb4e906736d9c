/**
 * Auto Scaling's actions typed by the AWS SDK's own shapes: {@link In} is an action's
 * input as the protocol layer hands it on (checked against the model, its required
 * members present), {@link Out} its output. Type-only: nothing of the SDK is loaded at
 * run time.
 *
 * @module
 */
import type * as AS from '@aws-sdk/client-auto-scaling';
import type { ActionInput, ActionOutput, TypedHandlers } from '../typed';

/** The input of one Auto Scaling action (`In<'CreateAutoScalingGroup'>`). */
export type In<A extends keyof Handlers> = ActionInput<typeof AS, A>;

/** The output of one Auto Scaling action, without the SDK's `$metadata`. */
export type Out<A extends keyof Handlers> = ActionOutput<typeof AS, A>;

/** A table of Auto Scaling handlers, each taking its action's {@link In} and returning its {@link Out}. */
export type Handlers = TypedHandlers<typeof AS>;
