# Seed 001 (the minimal boto2 recipe for scaling policies driven by CloudWatch alarms),
# run by boto 2.49 against botoscale local. The recipe's code is kept as written, with
# its cut-off alarm constructors closed as its text says (dimensions and alarm actions)
# and the step it describes but leaves out (submitting the policies). Lines marked
# "local:" are the connection lines, the group the recipe assumes exists, and the waits
# and load the reader would see in a real account; after the recipe, boto2 reads back
# what the alarms did: their state and history, the group's new capacity, and the
# metric's datapoints (get_metric_statistics and Metric.query).
import datetime

from botolocal import ENDPOINT, advance, load, local, show

import boto
from boto.ec2.autoscale import ScalingPolicy
from boto.ec2.cloudwatch import MetricAlarm

autoscale = local('autoscaling', boto.connect_autoscale(**ENDPOINT))
cloudwatch = local('monitoring', boto.connect_cloudwatch(**ENDPOINT))

# Let's assume you already have an Auto Scaling group.
# Setting one up is well documented elsewhere.
autoscaling_group = 'as_group_0'

# local: the group the recipe assumes, set up as seed 000 does.
from boto.ec2.autoscale import AutoScalingGroup, LaunchConfiguration
lc = LaunchConfiguration(name='as_config_0', image_id='ami-12345abc', instance_type='t1.micro')
autoscale.create_launch_configuration(lc)
autoscale.create_auto_scaling_group(AutoScalingGroup(
    group_name=autoscaling_group, availability_zones=['us-east-1a'], launch_config=lc,
    min_size=1, max_size=4, desired_capacity=1, connection=autoscale))
advance('1m')

# Define some Scaling Policies. These tell Auto Scaling _how_ to scale
# group, but not when to do it. (We'll define that later).

# We need one policy for scaling up...
scale_up_policy = ScalingPolicy(
    name='scale_up', adjustment_type='ChangeInCapacity',
    as_name=autoscaling_group, scaling_adjustment=1, cooldown=180)

#...and one for scaling down again.
scale_down_policy = ScalingPolicy(
    name='scale_down', adjustment_type='ChangeInCapacity',
    as_name=autoscaling_group, scaling_adjustment=-1, cooldown=180)

# The policy objects are now defined locally.
# Let's submit them to AWS.
autoscale.create_scaling_policy(scale_up_policy)
autoscale.create_scaling_policy(scale_down_policy)

# Now that the polices have been digested by AWS, they have extra properties
# that we aren't aware of locally. We need to refresh them by requesting them
# back again.
# Specifically we'll need the Amazon Resource Name (ARN) of each policy.
scale_up_policy = autoscale.get_all_policies(
    as_group=autoscaling_group, policy_names=['scale_up'])[0]

scale_down_policy = autoscale.get_all_policies(
    as_group=autoscaling_group, policy_names=['scale_down'])[0]
show('scale_up_policy', scale_up_policy)
show('scale_down_policy', scale_down_policy)
show('scale_up_policy.policy_arn', scale_up_policy.policy_arn)

# Now we'll create CloudWatch alarms that will define _when_ to run the
# Auto Scaling policies.

# We want to measure the average CPU usage across the whole Auto Scaling
# group, rather than individual instances. We can define that as a CloudWatch
# "Dimension".
alarm_dimensions = {"AutoScalingGroupName": autoscaling_group}

# One alarm for when to scale up...
scale_up_alarm = MetricAlarm(
        name='scale_up_on_cpu', namespace='AWS/EC2',
        metric='CPUUtilization', statistic='Average',
        comparison='>', threshold='70',
        period='60', evaluation_periods=2,
        alarm_actions=[scale_up_policy.policy_arn],
        dimensions=alarm_dimensions)
cloudwatch.create_alarm(scale_up_alarm)

# ...and one for when to scale down.
scale_down_alarm = MetricAlarm(
        name='scale_down_on_cpu', namespace='AWS/EC2',
        metric='CPUUtilization', statistic='Average',
        comparison='<', threshold='40',
        period='60', evaluation_periods=2,
        alarm_actions=[scale_down_policy.policy_arn],
        dimensions=alarm_dimensions)
cloudwatch.create_alarm(scale_down_alarm)

show('alarms', cloudwatch.describe_alarms())

# local: the group gets busy for a few minutes, as traffic would make it.
load(autoscaling_group, 85)
advance('4m')

alarm = cloudwatch.describe_alarms(alarm_names=['scale_up_on_cpu'])[0]
show('scale_up_on_cpu state', alarm.state_value)
show('scale_up_on_cpu actions', [t for t in (h.tem_type for h in alarm.describe_history()) if t == 'Action'][:1])
group = autoscale.get_all_groups(names=[autoscaling_group])[0]
show('desired capacity', group.desired_capacity)
show('activity causes', sorted(set(a.cause.split(' changing the desired capacity')[0].split(': ')[-1] for a in group.get_activities() if 'policy' in a.cause)))

end = datetime.datetime.utcnow() + datetime.timedelta(hours=1)
start = end - datetime.timedelta(hours=2)
points = cloudwatch.get_metric_statistics(
    60, start, end, 'CPUUtilization', 'AWS/EC2', ['Average'], dimensions=alarm_dimensions)
show('datapoints have whole-minute datetimes', all(isinstance(p['Timestamp'], datetime.datetime) and p['Timestamp'].second == 0 for p in points))
show('datapoint averages', sorted(set(p['Average'] for p in points)))
metric = cloudwatch.list_metrics(dimensions=alarm_dimensions, metric_name='CPUUtilization')[0]
show('metric', metric)
show('Metric.query averages', sorted(set(p['Average'] for p in metric.query(start, end, 'Average', period=60))))

# local: tidy up, as seed 000 ends.
cloudwatch.delete_alarms(['scale_up_on_cpu', 'scale_down_on_cpu'])
autoscale.delete_auto_scaling_group(autoscaling_group, force_delete=True)
advance('2m')
autoscale.delete_launch_configuration('as_config_0')
show('alarms after', cloudwatch.describe_alarms())
print('seed 001 done')
