# Seed 003 (boto2's Elastic Load Balancing tutorial), run by boto 2.49 against botoscale
# local. The tutorial's statements are kept in order; its cut-off health check is the
# one its text describes (every 20 seconds, HTTP on port 80 at /health). Lines marked
# "local:" are the connection lines and what the tutorial assumes already exists (the
# two load balancers it lists, the instances it registers).
from botolocal import ENDPOINT, local, show

import boto.ec2
import boto.ec2.elb

# Like EC2, the ELB service has a different endpoint for each region.
regions = boto.ec2.elb.regions()
show('regions include us-west-2', 'us-west-2' in [r.name for r in regions])
# local: the tutorial's connect_to_region('us-west-2'), pointed at botoscale local.
elb = local('elasticloadbalancing', boto.ec2.elb.ELBConnection(**ENDPOINT))
conn = elb

# local: the two load balancers the tutorial lists as existing.
conn.create_load_balancer('load-balancer-prod', ['us-east-1a'], [(80, 8080, 'http')])
conn.create_load_balancer('load-balancer-staging', ['us-east-1a'], [(80, 8080, 'http')])

# Getting Existing Load Balancers
show('all', conn.get_all_load_balancers())
show('filtered', conn.get_all_load_balancers(load_balancer_names=['load-balancer-prod']))
balancers = conn.get_all_load_balancers()
show('balancers[0]', balancers[0])

# Configuring a Health Check
from boto.ec2.elb import HealthCheck
hc = HealthCheck(
    interval=20,
    healthy_threshold=3,
    unhealthy_threshold=5,
    target='HTTP:80/health'
)

# Putting It All Together
zones = ['us-east-1a', 'us-east-1b']
ports = [(80, 8080, 'http'), (443, 8443, 'tcp')]
lb = conn.create_load_balancer('my-lb', zones, ports)
# This is from the previous section.
show('health check', lb.configure_health_check(hc))
print(lb.dns_name)
show('listeners', conn.get_all_load_balancers(['my-lb'])[0].listeners)

# local: the instances the tutorial assumes you have.
ec2 = local('ec2', boto.ec2.connection.EC2Connection(**ENDPOINT))
reservation = ec2.run_instances('ami-12345abc', min_count=2, max_count=2, placement='us-east-1a')
instance_ids = [i.id for i in reservation.instances]

# Manually Adding and Removing Instances
lb.register_instances(instance_ids)
show('registered', sorted(i.id for i in lb.instances) == sorted(instance_ids))
show('instance health', sorted(set(s.state for s in lb.get_instance_health())))

# To remove instances:
lb.deregister_instances(instance_ids)
show('instances after deregister', lb.instances)

# Modifying Availability Zones for a Load Balancer
lb.disable_zones(['us-east-1a'])
show('zones after disable', lb.availability_zones)
lb.enable_zones(['us-east-1c'])
show('zones after enable', lb.availability_zones)

# Deleting a Load Balancer
show('deleted', lb.delete())
show('left', conn.get_all_load_balancers())
print('seed 003 done')
