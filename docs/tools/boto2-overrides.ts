/**
 * What docs/tools/boto2-mapping.ts cannot derive mechanically: boto2 names botoscale
 * deliberately has no counterpart for (`none`, with the reason), names botoscale spells
 * differently from the mechanical camelCase (`name`), and notes on differences (`note`).
 * Keys are boto2's dotted paths.
 */

/** An entry: at most one of `none` and `name`, and an optional note. */
export interface Override {
  /** Why there is no counterpart. */
  none?: string;
  /** botoscale's name when it differs from the mechanical camelCase. */
  name?: string;
  /** A difference worth knowing. */
  note?: string;
  /** boto2 parameters botoscale names differently: boto2 name → botoscale name. */
  renamed?: Record<string, string>;
}

/** boto2's SAX parser hooks, on every resource class; not listed. */
export const SAX_METHODS = ['startElement', 'endElement'];

const QUERY_BUILDER = 'boto2 builds query strings by hand; the AWS SDK serialises requests';
const PARSER_ONLY = 'a helper of boto2\'s response parser; botoscale answers with plain arrays';

export const OVERRIDES: Record<string, Override> = {
  // Query-string builders.
  'boto.ec2.autoscale.AutoScaleConnection.build_list_params': { none: QUERY_BUILDER },
  'boto.ec2.autoscale.tag.Tag.build_params': { none: QUERY_BUILDER },
  'boto.ec2.cloudwatch.CloudWatchConnection.build_dimension_param': { none: QUERY_BUILDER },
  'boto.ec2.cloudwatch.CloudWatchConnection.build_list_params': { none: QUERY_BUILDER },
  'boto.ec2.cloudwatch.CloudWatchConnection.build_put_params': { none: QUERY_BUILDER },
  'boto.ec2.elb.ELBConnection.build_list_params': { none: QUERY_BUILDER },
  // Parser-only list classes.
  'boto.ec2.cloudwatch.listelement.ListElement': { none: PARSER_ONLY },
  'boto.ec2.elb.listelement.ListElement': { none: PARSER_ONLY },
  'boto.ec2.cloudwatch.alarm.MetricAlarms': { none: PARSER_ONLY },
};
