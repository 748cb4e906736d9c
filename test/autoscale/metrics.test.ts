import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import {
  AutoScalingGroup, AutoScalingGroupMetric, EnabledMetric, MetricCollectionGranularity, MetricCollectionMetric, MetricCollectionTypes,
} from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

describe('getAllMetricCollectionTypes', () => {
  test('parses metrics and granularities; prints as boto2', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeMetricCollectionTypes', `
      <Granularities><member><Granularity>1Minute</Granularity></member></Granularities>
      <Metrics>
        <member><Metric>GroupMinSize</Metric></member>
        <member><Metric>GroupMaxSize</Metric></member>
        <member><Metric>GroupInServiceInstances</Metric></member>
      </Metrics>`);
    const types = await conn.getAllMetricCollectionTypes();
    expect(wire.last.params).toEqual(sent('DescribeMetricCollectionTypes'));
    expect(types).toBeInstanceOf(MetricCollectionTypes);
    expect(types.connection).toBe(conn);
    expect(types.metrics.map((m) => m.val)).toEqual(['GroupMinSize', 'GroupMaxSize', 'GroupInServiceInstances']);
    expect(types.granularities.map((g) => g.val)).toEqual(['1Minute']);
    expect(types.metrics[0]).toBeInstanceOf(MetricCollectionTypes.Metric);
    expect(types.metrics[0]).toBeInstanceOf(MetricCollectionTypes.BaseType);
    expect(types.granularities[0]).toBeInstanceOf(MetricCollectionTypes.Granularity);
    expect(types.metrics[0]?.arg).toBe('Metric');
    expect(types.granularities[0]?.arg).toBe('Granularity');
    expect(String(types.metrics[0])).toBe('Metric:GroupMinSize');
    expect(String(types)).toBe('MetricCollectionTypes:<[Metric:GroupMinSize, Metric:GroupMaxSize, Metric:GroupInServiceInstances], [Granularity:1Minute]>');
    expect(inspect(types)).toBe(String(types));
    expect(JSON.parse(JSON.stringify(types))).toEqual({
      metrics: [{ val: 'GroupMinSize' }, { val: 'GroupMaxSize' }, { val: 'GroupInServiceInstances' }],
      granularities: [{ val: '1Minute' }],
    });
  });

  test('reprs of empty and bare entries', () => {
    expect(String(new MetricCollectionTypes())).toBe('MetricCollectionTypes:<[], []>');
    expect(String(new MetricCollectionMetric())).toBe('Metric:None');
    expect(String(new MetricCollectionGranularity({ val: '1Minute' }))).toBe('Granularity:1Minute');
    expect(String(new EnabledMetric())).toBe('EnabledMetric(None, None)');
    expect(String(new AutoScalingGroupMetric({ metric: 'GroupMaxSize', granularity: '1Minute' }))).toBe('AutoScalingGroupMetric:GroupMaxSize');
    expect(inspect(new AutoScalingGroupMetric())).toBe('AutoScalingGroupMetric:None');
  });
});

describe('enableMetricsCollection and disableMetricsCollection', () => {
  test('enable some or all metrics at a granularity', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'EnableMetricsCollection');
    const req = await conn.enableMetricsCollection('my_group', '1Minute', { metrics: ['GroupMinSize', 'GroupMaxSize'] });
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('EnableMetricsCollection', {
      AutoScalingGroupName: 'my_group', Granularity: '1Minute', 'Metrics.member.1': 'GroupMinSize', 'Metrics.member.2': 'GroupMaxSize',
    }));
    reply(wire, 'EnableMetricsCollection');
    await conn.enableMetricsCollection(new AutoScalingGroup({ name: 'g' }), '1Minute');
    expect(wire.last.params).toEqual(sent('EnableMetricsCollection', { AutoScalingGroupName: 'g', Granularity: '1Minute' }));
  });

  test('disable some or all metrics', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DisableMetricsCollection');
    await conn.disableMetricsCollection('my_group', { metrics: ['GroupMinSize'] });
    expect(wire.last.params).toEqual(sent('DisableMetricsCollection', { AutoScalingGroupName: 'my_group', 'Metrics.member.1': 'GroupMinSize' }));
    reply(wire, 'DisableMetricsCollection');
    const req = await conn.disableMetricsCollection('my_group');
    expect(String(req)).toBe('Request:req-0001');
    expect(wire.last.params).toEqual(sent('DisableMetricsCollection', { AutoScalingGroupName: 'my_group' }));
  });

  test('validation: group and granularity required, metric list non-empty when given', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.enableMetricsCollection('g', '')).rejects.toThrow(new BotoClientError('granularity is required'));
    await expect(conn.enableMetricsCollection('', '1Minute')).rejects.toThrow(new BotoClientError('asGroup is required'));
    await expect(conn.enableMetricsCollection('g', '1Minute', { metrics: [] })).rejects.toThrow(new BotoClientError('metrics must list at least one item'));
    await expect(conn.disableMetricsCollection('g', { metrics: [] })).rejects.toThrow(new BotoClientError('metrics must list at least one item'));
    await expect(conn.disableMetricsCollection('')).rejects.toThrow(new BotoClientError('asGroup is required'));
    expect(wire.requests).toHaveLength(0);
  });
});
