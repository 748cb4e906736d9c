# What boto 2.49's seed scripts share against botoscale local: the connection lines (a
# loopback endpoint, signed for the right service), the simulated clock and load the
# reader would wait for, and printing a value as the seeds show it.
import json
import os
import sys
import urllib.request

from boto.regioninfo import RegionInfo

PORT = int(os.environ['BOTOSCALE_PORT'])
LOCAL = RegionInfo(name='us-east-1', endpoint='127.0.0.1')
KEYS = dict(aws_access_key_id='AKIDBOTO2TUTORIAL', aws_secret_access_key='boto2-tutorial-secret')
# The keyword arguments every connection takes to reach botoscale local.
ENDPOINT = dict(is_secure=False, port=PORT, region=LOCAL, **KEYS)


def local(service, conn):
    # local: connection lines: sign for the right service on a loopback endpoint.
    conn.auth_service_name = service
    conn.auth_region_name = 'us-east-1'
    return conn


def control(path, body):
    req = urllib.request.Request(
        'http://127.0.0.1:%d/_botoscale/%s' % (PORT, path),
        data=json.dumps(body).encode(), headers={'Content-Type': 'application/json'}, method='POST')
    return json.loads(urllib.request.urlopen(req).read() or b'null')


def advance(by):
    # local: let simulated time pass, as the reader would wait.
    control('clock/advance', {'by': by})


def load(group, cpu):
    # local: the CPU the group's instances report, as real traffic would make them.
    control('load', {'group': group, 'cpu': cpu})


def show(label, value):
    print('%s: %r' % (label, value))
    sys.stdout.flush()
