# Seed 000 (boto2's Auto Scaling tutorial) with seed 001's alarms, run by boto 2.49
# against botoscale local. Only the connection lines differ from the tutorial; the
# lines marked "local:" are set-up the tutorial assumes (a load balancer and a security
# group that already exist) or waits the tutorial leaves to the reader (advancing the
# simulated clock).
from botolocal import KEYS, LOCAL, PORT, advance, local, show


# local: the load balancer the tutorial assumes already exists.
import boto.ec2.elb
elb = local('elasticloadbalancing', boto.ec2.elb.ELBConnection(is_secure=False, port=PORT, region=LOCAL, **KEYS))
elb.create_load_balancer('my-lb', ['us-east-1a', 'us-east-1b'], [(80, 8080, 'http')])

# local: the security group the tutorial assumes is "defined elsewhere" (boto2's EC2
# tutorial creates it), in the default VPC the group launches into; without it the
# group's launches fail, as on AWS.
import boto.ec2
ec2 = local('ec2', boto.ec2.connection.EC2Connection(is_secure=False, port=PORT, region=LOCAL, **KEYS))
ec2.create_security_group('my_security_groups', 'the instances of my_group')

from boto.ec2.autoscale import AutoScaleConnection
conn = local('autoscaling', AutoScaleConnection(is_secure=False, port=PORT, region=LOCAL, **KEYS))

show('groups before', conn.get_all_groups())

from boto.ec2.autoscale import LaunchConfiguration
from boto.ec2.autoscale import AutoScalingGroup
lc = LaunchConfiguration(name='my-launch_config', image_id='my-ami',
                         key_name='my_key_name',
                         security_groups=['my_security_groups'])
conn.create_launch_configuration(lc)

ag = AutoScalingGroup(group_name='my_group', load_balancers=['my-lb'],
                      availability_zones=['us-east-1a', 'us-east-1b'],
                      launch_config=lc, min_size=4, max_size=8,
                      connection=conn)
conn.create_auto_scaling_group(ag)

advance('1m')
show('activities', ag.get_activities())
show('all activities', conn.get_all_activities(ag))

from boto.ec2.autoscale import ScalingPolicy
scale_up_policy = ScalingPolicy(
    name='scale_up', adjustment_type='ChangeInCapacity',
    as_name='my_group', scaling_adjustment=1, cooldown=180)
scale_down_policy = ScalingPolicy(
    name='scale_down', adjustment_type='ChangeInCapacity',
    as_name='my_group', scaling_adjustment=-1, cooldown=180)

conn.create_scaling_policy(scale_up_policy)
conn.create_scaling_policy(scale_down_policy)

scale_up_policy = conn.get_all_policies(
    as_group='my_group', policy_names=['scale_up'])[0]
scale_down_policy = conn.get_all_policies(
    as_group='my_group', policy_names=['scale_down'])[0]
show('scale_up_policy', scale_up_policy)
show('scale_up_policy.policy_arn', scale_up_policy.policy_arn)

import boto.ec2.cloudwatch
cloudwatch = local('monitoring', boto.ec2.cloudwatch.CloudWatchConnection(is_secure=False, port=PORT, region=LOCAL, **KEYS))

alarm_dimensions = {"AutoScalingGroupName": 'my_group'}

from boto.ec2.cloudwatch import MetricAlarm
scale_up_alarm = MetricAlarm(
    name='scale_up_on_cpu', namespace='AWS/EC2',
    metric='CPUUtilization', statistic='Average',
    comparison='>', threshold='70',
    period='60', evaluation_periods=2,
    alarm_actions=[scale_up_policy.policy_arn],
    dimensions=alarm_dimensions)
cloudwatch.create_alarm(scale_up_alarm)
scale_down_alarm = MetricAlarm(
    name='scale_down_on_cpu', namespace='AWS/EC2',
    metric='CPUUtilization', statistic='Average',
    comparison='<', threshold='40',
    period='60', evaluation_periods=2,
    alarm_actions=[scale_down_policy.policy_arn],
    dimensions=alarm_dimensions)
cloudwatch.create_alarm(scale_down_alarm)
show('alarms', cloudwatch.describe_alarms())

import boto.ec2
ec2 = local('ec2', boto.ec2.connection.EC2Connection(is_secure=False, port=PORT, region=LOCAL, **KEYS))
group = conn.get_all_groups(names=['my_group'])[0]
instance_ids = [i.instance_id for i in group.instances]
instances = ec2.get_only_instances(instance_ids)
show('group', group)
show('instance count', len(instances))
show('instance states', sorted(set(i.state for i in instances)))

ag.shutdown_instances()
advance('2m')
ag.delete()
# local: a connection line boto2 itself lacks: create_launch_configuration never binds
# the object, so the tutorial's lc.delete() fails on AWS too without it.
lc.connection = conn
lc.delete()
show('groups after', conn.get_all_groups())
show('launch configurations after', conn.get_all_launch_configurations())
print('seed 000 done')
