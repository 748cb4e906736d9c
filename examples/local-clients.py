# boto 2 and boto3 pointed at botoscale local: docs/local.md shows the regions.
# Run: python3 examples/local-clients.py boto2|boto3, with BOTOSCALE_ENDPOINT set
# (http://127.0.0.1:4599 by default). botoscale local accepts any key unless it was
# started with --auth.
import os
import sys
from urllib.parse import urlparse

ENDPOINT = os.environ.get('BOTOSCALE_ENDPOINT', 'http://127.0.0.1:4599')


def with_boto2():
    # #region boto2
    from boto.regioninfo import RegionInfo
    from boto.ec2.autoscale import AutoScaleConnection, AutoScalingGroup, LaunchConfiguration
    from boto.ec2.elb import ELBConnection

    url = urlparse(ENDPOINT)
    local = RegionInfo(name='us-east-1', endpoint=url.hostname)
    keys = dict(aws_access_key_id='AKIDLOCAL', aws_secret_access_key='local-secret')

    def connect(cls, service):
        conn = cls(is_secure=False, port=url.port, region=local, **keys)
        # boto 2 takes the signing scope from the host name; name the service instead.
        conn.auth_service_name = service
        conn.auth_region_name = 'us-east-1'
        return conn

    autoscale = connect(AutoScaleConnection, 'autoscaling')
    elb = connect(ELBConnection, 'elasticloadbalancing')
    autoscale.create_launch_configuration(LaunchConfiguration(name='boto2-config', image_id='ami-12345678'))
    autoscale.create_auto_scaling_group(AutoScalingGroup(
        group_name='from_boto2', launch_config='boto2-config', availability_zones=['us-east-1a'],
        min_size=1, max_size=2, connection=autoscale))
    elb.create_load_balancer('boto2-lb', ['us-east-1a'], [(80, 8080, 'http')])
    print('boto2:', autoscale.get_all_groups(), elb.get_all_load_balancers())
    # #endregion


def with_boto3():
    # #region boto3
    import boto3

    session = boto3.session.Session(
        aws_access_key_id='AKIDLOCAL', aws_secret_access_key='local-secret', region_name='us-east-1')
    autoscaling = session.client('autoscaling', endpoint_url=ENDPOINT)
    elb = session.client('elb', endpoint_url=ENDPOINT)
    autoscaling.create_launch_configuration(
        LaunchConfigurationName='boto3-config', ImageId='ami-12345678', InstanceType='t3.micro')
    autoscaling.create_auto_scaling_group(
        AutoScalingGroupName='from_boto3', LaunchConfigurationName='boto3-config',
        AvailabilityZones=['us-east-1a'], MinSize=1, MaxSize=2)
    elb.create_load_balancer(
        LoadBalancerName='boto3-lb', AvailabilityZones=['us-east-1a'],
        Listeners=[{'Protocol': 'HTTP', 'LoadBalancerPort': 80, 'InstancePort': 8080}])
    groups = autoscaling.describe_auto_scaling_groups()['AutoScalingGroups']
    balancers = elb.describe_load_balancers()['LoadBalancerDescriptions']
    print('boto3:', [g['AutoScalingGroupName'] for g in groups], [b['LoadBalancerName'] for b in balancers])
    # #endregion


if __name__ == '__main__':
    {'boto2': with_boto2, 'boto3': with_boto3}[sys.argv[1]]()
