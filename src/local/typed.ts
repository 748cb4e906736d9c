/**
 * Handlers typed by the AWS SDK's own input and output shapes. The protocol layer has
 * already checked a request against the service model (members, types, required,
 * lengths, ranges, patterns, enums), so a handler takes its input as the SDK's
 * `…CommandInput` (with the members the model requires known to be present) and returns
 * the SDK's `…CommandOutput` (without `$metadata`): the compiler then catches a misspelt
 * member on either side. The imports are type-only and cost nothing at run time.
 *
 * @module
 */
import type { RequestContext, ServiceHandlers } from './types';

/** The command classes of an SDK client module, by action name (`DescribeAlarms`). */
type CommandsOf<M> = { [K in keyof M as K extends `${infer Action}Command` ? Action : never]: M[K] };

/** The input of one SDK command class. */
type InputOf<C> = C extends abstract new (...args: never[]) => infer X ? (X extends { readonly input: infer I } ? Checked<I> : never) : never;

/** The members of `T` the model requires (the SDK types them `Name: T | undefined`, not `Name?: T`). */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * An input as the protocol layer passes it on: every member the model requires is
 * present, at every depth, so a handler need not test what the model already guarantees;
 * a blob is the base64 text the wire carried.
 */
export type Checked<T> = T extends Uint8Array
  ? string // a blob arrives as its base64 text (see WireValue in ./types)
  : T extends string | number | boolean | Date
    ? T
    : T extends ReadonlyArray<infer E>
      ? Array<Checked<E>>
      : T extends object
        ? { [K in RequiredKeys<T>]: Checked<Exclude<T[K], undefined>> } & { [K in Exclude<keyof T, RequiredKeys<T>>]?: Checked<Exclude<T[K], undefined>> }
        : T;

/** The output of one SDK command class, without the SDK's `$metadata`. */
type OutputOf<C> = C extends abstract new (...args: never[]) => infer X
  ? X extends { resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }> }
    ? Omit<O, '$metadata'>
    : never
  : never;

/** The input of one action of an SDK client module (`ActionInput<typeof AS, 'DescribeTags'>`). */
export type ActionInput<M, A extends keyof CommandsOf<M>> = InputOf<CommandsOf<M>[A]>;

/**
 * The output of one action of an SDK client module. TypeScript checks an object literal
 * for misspelt members only against a type written on the function that returns it, not
 * against the table's contextual type, so a handler that returns a literal writes its
 * output type: `DescribeTags: (input): Out<'DescribeTags'> => ({ Tags: ... })`; shape
 * builders write theirs (`function groupShape(g): AutoScalingGroup`).
 */
export type ActionOutput<M, A extends keyof CommandsOf<M>> = OutputOf<CommandsOf<M>[A]>;

/**
 * The handlers of one service, typed by its SDK client module (`typeof import('@aws-sdk/client-auto-scaling')`):
 * each action's handler takes the SDK's input and returns the SDK's output, or nothing for an empty result.
 */
export type TypedHandlers<M> = {
  [A in keyof CommandsOf<M>]?: (input: InputOf<CommandsOf<M>[A]>, ctx: RequestContext) => OutputOf<CommandsOf<M>[A]> | void;
};

/**
 * The handlers as the pipeline calls them. The one cast in botoscale local between the
 * wire and the SDK's types: the pipeline only ever passes an input the protocol layer has
 * checked against the service's model, the source the SDK's types are generated from.
 * The SDK and src/local/models come from different releases of that source, so they can
 * differ by a member: where the SDK requires one the models do not, the handler checks
 * it itself.
 */
export function wireHandlers<M>(handlers: TypedHandlers<M>): ServiceHandlers {
  return handlers as unknown as ServiceHandlers;
}
