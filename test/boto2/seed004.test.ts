/**
 * boto 2.49 does what seed 004 did with the console and the old command-line tools (SSL
 * termination, cookie stickiness, health checks, launch configurations and groups,
 * statistics, scaling policies, alarms) against botoscale local.
 */
import { runBoto2Script } from './harness';

test("boto 2.49 runs seed 004's load balancer, stickiness, Auto Scaling and alarm steps", async () => {
  const { stdout, stderr } = await runBoto2Script('seed004.py');
  expect(stderr).toBe('');
  expect(stdout.trim().split('\n')).toEqual([
    "LB: ([(80, 80, 'TCP', 'TCP'), (443, 443, 'TCP', 'TCP')], True, True, True, HealthCheck:HTTP:80/some/valid/path)",
    // "You can associate stickiness duration for only HTTP/HTTPS load balancer listeners."
    "sticky TCP listener: (409, 'InvalidConfigurationRequest')",
    // The certificate is named by its ARN, not by the name it was uploaded under.
    "certificate by name: (400, 'CertificateNotFound')",
    "SSL-LB listeners: [(80, 80, 'HTTP', 'HTTP'), (443, 443, 'HTTPS', 'HTTPS', arn:aws:iam::123456789012:server-certificate/yourCert)]",
    "SSL-LB app cookie policies: [('JSESSIONID-sticky', 'JSESSIONID')]",
    "SSL-LB lb cookie policies: [('lb-cookie-600s', '600')]",
    "SSL-LB policies by port: [(80, ['lb-cookie-600s']), (443, ['JSESSIONID-sticky'])]",
    // as-describe-auto-scaling-groups: the group, its instance and its tag, as the notes show them.
    "AUTO-SCALING-GROUP: ('yourScaler', 'yourConfig', ['us-east-1b'], ['LB'], 1, 3, 1, 120, ['OldestLaunchConfiguration', 'ClosestToNextInstanceHour'])",
    "INSTANCE: [('us-east-1b', 'InService', 'Healthy', 'yourConfig')]",
    "TAG: [('yourScaler', 'auto-scaling-group', 'Name', 'autoScaledInstance', True)]",
    // The group's id stands where the notes write sg-12345abc: EC2 chooses ids.
    "launch config: [('yourConfig', 'ami-12345abc', 't1.micro', 'existingSSHKeyName', True, 'false')]",
    "mon-get-stats CPUUtilization: [(41.0, 'Percent')]",
    'mon-get-stats times in whole minutes: True',
    'mon-get-stats Latency: []',
    "as-describe-policies: [('scaleDown', 'ChangeInCapacity', -1, 300), ('scaleUp', 'ChangeInCapacity', 1, 300)]",
    // mon-describe-alarms: both alarms without latency data, as in the notes' listing.
    "mon-describe-alarms: ('alarmDown', 'INSUFFICIENT_DATA', 'scaleDown', 'AWS/ELB', 'Latency', 60, 'Average', 20, '<', 2.0, 'Seconds')",
    "mon-describe-alarms: ('alarmUp', 'INSUFFICIENT_DATA', 'scaleUp', 'AWS/ELB', 'Latency', 60, 'Average', 2, '>', 2.0, 'Seconds')",
    `mon-describe-alarm-history: [('alarmDown', 'ConfigurationUpdate', 'Alarm "alarmDown" created'), ('alarmUp', 'ConfigurationUpdate', 'Alarm "alarmUp" created')]`,
    'instances after update: []',
    'left: ([], [], [], [])',
    'seed 004 done',
  ]);
}, 90_000);
