# Seed 004 (notes on ELB and Auto Scaling from the console and the old command-line
# tools), its steps done with boto 2.49's calls against botoscale local: a TCP load
# balancer in a VPC with an HTTP health check; an HTTP + HTTPS load balancer terminating
# SSL with an uploaded server certificate; application- and load-balancer-generated
# cookie stickiness; as-create-launch-config, as-create-auto-scaling-group and
# as-describe-auto-scaling-groups; mon-get-stats; as-put-scaling-policy;
# mon-put-metric-alarm, mon-describe-alarms and the alarm history; and the clean-up
# (as-update-auto-scaling-group to 0, as-delete-auto-scaling-group, as-delete-launch-config).
# Lines marked "local:" are the connection lines and the waits and load a reader would see.
import datetime

import boto.ec2

from botolocal import ENDPOINT, advance, load, local, show

import boto.ec2.autoscale
import boto.ec2.cloudwatch
import boto.ec2.elb
from boto.exception import BotoServerError
from boto.ec2.autoscale import AutoScalingGroup, LaunchConfiguration, ScalingPolicy, Tag
from boto.ec2.cloudwatch import MetricAlarm
from boto.ec2.elb import HealthCheck

elb = local('elasticloadbalancing', boto.ec2.elb.ELBConnection(**ENDPOINT))
autoscale = local('autoscaling', boto.ec2.autoscale.AutoScaleConnection(**ENDPOINT))
cloudwatch = local('monitoring', boto.ec2.cloudwatch.CloudWatchConnection(**ENDPOINT))

# local: yourSubnet, a subnet of the account's default VPC in us-east-1b. botoscale
# local's EC2 has no DescribeSubnets, so it is read off an instance launched there.
ec2 = local('ec2', boto.ec2.connection.EC2Connection(**ENDPOINT))
probe = ec2.run_instances('ami-12345abc', placement='us-east-1b').instances[0]
subnet, vpc = probe.subnet_id, probe.vpc_id
ec2.terminate_instances([probe.id])
sg = ec2.get_all_security_groups()[0].id

# AWS > EC2 > Load Balancers > Create Load Balancer: LB inside yourVPC,
# TCP/80 -> TCP/80, TCP/443 -> TCP/443; ping HTTP:80/some/valid/path.
tcp_lb = elb.create_load_balancer('LB', None, [(80, 80, 'tcp'), (443, 443, 'tcp')],
                                  subnets=[subnet], security_groups=[sg])
tcp_lb.configure_health_check(HealthCheck(target='HTTP:80/some/valid/path'))
tcp_lb = elb.get_all_load_balancers(['LB'])[0]
show('LB', (tcp_lb.listeners, tcp_lb.subnets == [subnet], tcp_lb.vpc_id == vpc, tcp_lb.security_groups == [sg], tcp_lb.health_check))

# Stickiness goes with HTTP/HTTPS listeners only: a TCP listener refuses it.
elb.create_app_cookie_stickiness_policy('JSESSIONID', 'LB', 'JSESSIONID-sticky')
try:
    elb.set_lb_policies_of_listener('LB', 80, ['JSESSIONID-sticky'])
except BotoServerError as e:
    show('sticky TCP listener', (e.status, e.error_code))

# The same wizard with SSL terminated at the load balancer: HTTP/80 -> HTTP/80 and
# HTTPS/443 -> HTTPS/443 with the server certificate uploaded as yourCert.
cert = 'arn:aws:iam::123456789012:server-certificate/yourCert'
ssl_lb = elb.create_load_balancer('SSL-LB', ['us-east-1b'],
                                  complex_listeners=[(80, 80, 'HTTP', 'HTTP'), (443, 443, 'HTTPS', 'HTTPS', cert)])
ssl_lb.configure_health_check(HealthCheck(target='HTTP:80/some/valid/path'))
try:
    elb.create_load_balancer('Bad-LB', ['us-east-1b'], [(443, 443, 'https', 'yourCert')])
except BotoServerError as e:
    show('certificate by name', (e.status, e.error_code))

# 443 > Stickiness > Enable Application Generated Cookie Stickiness > JSESSIONID, and 80
# the same; a load-balancer-generated cookie is the other mechanism the notes describe.
elb.create_app_cookie_stickiness_policy('JSESSIONID', 'SSL-LB', 'JSESSIONID-sticky')
elb.create_lb_cookie_stickiness_policy(600, 'SSL-LB', 'lb-cookie-600s')
elb.set_lb_policies_of_listener('SSL-LB', 443, ['JSESSIONID-sticky'])
elb.set_lb_policies_of_listener('SSL-LB', 80, ['JSESSIONID-sticky'])
ssl_lb = elb.get_all_load_balancers(['SSL-LB'])[0]
show('SSL-LB listeners', ssl_lb.listeners)
show('SSL-LB app cookie policies', [(p.policy_name, p.cookie_name) for p in ssl_lb.policies.app_cookie_stickiness_policies])
show('SSL-LB lb cookie policies', [(p.policy_name, p.cookie_expiration_period) for p in ssl_lb.policies.lb_cookie_stickiness_policies])
elb.set_lb_policies_of_listener('SSL-LB', 80, ['lb-cookie-600s'])
show('SSL-LB policies by port', sorted((l[0], l.policy_names) for l in elb.get_all_load_balancers(['SSL-LB'])[0].listeners))

# local: the instances' security group (the notes' sameAsBefore), created in yourVPC as a
# user must before launching: --group sg-12345abc stands for its id, which EC2 chooses,
# so the launch configuration names this group's id where the notes write sg-12345abc.
your_group = ec2.create_security_group('sameAsBefore', 'whatever', vpc_id=vpc).id

# as-create-launch-config yourConfig --image-id ami-12345abc --instance-type t1.micro
#   --key existingSSHKeyName --group sg-12345abc --monitoring-disabled true
lc = LaunchConfiguration(name='yourConfig', image_id='ami-12345abc', instance_type='t1.micro',
                         key_name='existingSSHKeyName', security_groups=[your_group],
                         instance_monitoring=False)
autoscale.create_launch_configuration(lc)

# as-create-auto-scaling-group yourScaler --default-cooldown 120 --min-size 1 --max-size 3
#   --tag "k=Name,v=autoScaledInstance,p=true" --availability-zones us-east-1b
#   --vpc-zone-identifier yourSubnet --launch-configuration yourConfig --load-balancers LB
#   --termination-policies OldestLaunchConfiguration,ClosestToNextInstanceHour
group = AutoScalingGroup(group_name='yourScaler', default_cooldown=120, min_size=1, max_size=3,
                         tags=[Tag(key='Name', value='autoScaledInstance', propagate_at_launch=True,
                                   resource_id='yourScaler')],
                         availability_zones=['us-east-1b'], vpc_zone_identifier=subnet,
                         launch_config='yourConfig', load_balancers=['LB'],
                         termination_policies=['OldestLaunchConfiguration', 'ClosestToNextInstanceHour'],
                         connection=autoscale)
autoscale.create_auto_scaling_group(group)
advance('2m')

# as-describe-auto-scaling-groups --headers
group = autoscale.get_all_groups(['yourScaler'])[0]
show('AUTO-SCALING-GROUP', (group.name, group.launch_config_name, group.availability_zones, group.load_balancers,
                            group.min_size, group.max_size, group.desired_capacity, group.default_cooldown,
                            group.termination_policies))
show('INSTANCE', [(i.availability_zone, i.lifecycle_state, i.health_status, i.launch_config_name) for i in group.instances])
show('TAG', [(t.resource_id, t.resource_type, t.key, t.value, t.propagate_at_launch) for t in group.tags])
show('launch config', [(c.name, c.image_id, c.instance_type, c.key_name, c.security_groups == [your_group], c.instance_monitoring.enabled)
                       for c in autoscale.get_all_launch_configurations(names=['yourConfig'])])

# mon-get-stats CPUUtilization --statistics "Average" --namespace "AWS/EC2"
#   --dimensions "AutoScalingGroupName=yourScaler" (five-minute periods)
load('yourScaler', 41)  # local: the instance gets some work.
advance('10m')
end = datetime.datetime.utcnow() + datetime.timedelta(hours=1)
start = end - datetime.timedelta(hours=2)
stats = cloudwatch.get_metric_statistics(300, start, end, 'CPUUtilization', 'AWS/EC2', ['Average'],
                                         dimensions={'AutoScalingGroupName': 'yourScaler'})
show('mon-get-stats CPUUtilization', sorted(set((p['Average'], p['Unit']) for p in stats)))
show('mon-get-stats times in whole minutes', len(stats) > 0 and all(p['Timestamp'].second == 0 for p in stats))
# mon-get-stats Latency --namespace "AWS/ELB" --dimensions "LoadBalancerName=LB": no
# traffic, no entry ("in an interval with no traffic, there is no entry for Latency").
show('mon-get-stats Latency', cloudwatch.get_metric_statistics(
    60, start, end, 'Latency', 'AWS/ELB', ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'],
    dimensions={'LoadBalancerName': 'LB'}))

# as-put-scaling-policy scaleUp --type ChangeInCapacity --auto-scaling-group yourScaler --adjustment 1 --cooldown 300
# as-put-scaling-policy scaleDown --type ChangeInCapacity --auto-scaling-group yourScaler "--adjustment=-1" --cooldown 300
for name, adjustment in (('scaleUp', 1), ('scaleDown', -1)):
    autoscale.create_scaling_policy(ScalingPolicy(name=name, adjustment_type='ChangeInCapacity',
                                                  as_name='yourScaler', scaling_adjustment=adjustment, cooldown=300))
policies = dict((p.name, p) for p in autoscale.get_all_policies(as_group='yourScaler'))
show('as-describe-policies', sorted((p.name, p.adjustment_type, p.scaling_adjustment, p.cooldown) for p in policies.values()))

# mon-put-metric-alarm alarmUp --namespace "AWS/ELB" --metric-name Latency
#   --dimensions "LoadBalancerName=LB" --period 60 --statistic Average
#   --comparison-operator GreaterThanThreshold --threshold 2 --unit Seconds
#   --evaluation-periods 2 --alarm-actions <scaleUp's ARN>; alarmDown likewise.
for name, comparison, periods, policy in (('alarmUp', '>', 2, 'scaleUp'), ('alarmDown', '<', 20, 'scaleDown')):
    cloudwatch.put_metric_alarm(MetricAlarm(
        name=name, namespace='AWS/ELB', metric='Latency', dimensions={'LoadBalancerName': 'LB'},
        period=60, statistic='Average', comparison=comparison, threshold=2, unit='Seconds',
        evaluation_periods=periods, alarm_actions=[policies[policy].policy_arn]))
advance('3m')

# mon-describe-alarms --headers
for a in cloudwatch.describe_alarms():
    show('mon-describe-alarms', (a.name, a.state_value, a.alarm_actions[0].split(':policyName/')[-1], a.namespace, a.metric,
                                 a.period, a.statistic, a.evaluation_periods, a.comparison, a.threshold, a.unit))
# mon-describe-alarm-history
show('mon-describe-alarm-history', sorted((h.name, h.tem_type, h.summary) for h in cloudwatch.describe_alarm_history()))

# as-update-auto-scaling-group yourScaler --min-size 0 --max-size 0; as-delete-auto-scaling-group;
# as-delete-launch-config
group.min_size = 0
group.max_size = 0
group.desired_capacity = 0
group.update()
advance('2m')
show('instances after update', autoscale.get_all_groups(['yourScaler'])[0].instances)
autoscale.delete_auto_scaling_group('yourScaler')
autoscale.delete_launch_configuration('yourConfig')
cloudwatch.delete_alarms(['alarmUp', 'alarmDown'])
elb.delete_load_balancer('LB')
elb.delete_load_balancer('SSL-LB')
show('left', (autoscale.get_all_groups(), autoscale.get_all_launch_configurations(), cloudwatch.describe_alarms(),
              elb.get_all_load_balancers()))
print('seed 004 done')
