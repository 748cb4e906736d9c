/**
 * boto 2.49 runs seed 003's Elastic Load Balancing tutorial against botoscale local and
 * prints what the tutorial shows.
 */
import { runBoto2Script } from './harness';

test('boto 2.49 runs the Elastic Load Balancing tutorial', async () => {
  const { stdout, stderr } = await runBoto2Script('seed003.py');
  expect(stderr).toBe('');
  expect(stdout.trim().split('\n')).toEqual([
    'regions include us-west-2: True',
    // The tutorial's own output for get_all_load_balancers().
    'all: [LoadBalancer:load-balancer-prod, LoadBalancer:load-balancer-staging]',
    'filtered: [LoadBalancer:load-balancer-prod]',
    'balancers[0]: LoadBalancer:load-balancer-prod',
    'health check: HealthCheck:HTTP:80/health',
    expect.stringMatching(/^my-lb-\d+\.us-east-1\.elb\.amazonaws\.com$/),
    "listeners: [(80, 8080, 'HTTP', 'HTTP'), (443, 8443, 'TCP', 'TCP')]",
    'registered: True',
    // Just launched, the instances have not passed a health check yet.
    "instance health: ['OutOfService']",
    'instances after deregister: []',
    "zones after disable: ['us-east-1b']",
    "zones after enable: ['us-east-1b', 'us-east-1c']",
    'deleted: True',
    'left: [LoadBalancer:load-balancer-prod, LoadBalancer:load-balancer-staging]',
    'seed 003 done',
  ]);
}, 90_000);
