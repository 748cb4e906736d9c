"""boto3 (Debian python3-boto3) against botoscale local: PutMetricData, then GetMetricData
with a metric math expression, a metric math alarm and its tags. Prints one JSON line."""
import json
import os
from datetime import datetime, timedelta, timezone

import boto3

endpoint = os.environ["BOTOSCALE_ENDPOINT"]
t0 = datetime.fromtimestamp(int(os.environ["BOTOSCALE_T0"]) / 1000, tz=timezone.utc)
cw = boto3.client("cloudwatch", endpoint_url=endpoint, region_name="us-east-1")

cw.put_metric_data(
    Namespace="App",
    MetricData=[{"MetricName": "Requests", "Timestamp": t0 + timedelta(minutes=i), "Value": v} for i, v in enumerate([10, 20, 30])]
    + [{"MetricName": "Errors", "Timestamp": t0 + timedelta(minutes=i), "Value": v} for i, v in enumerate([1, 4, 3])],
)


def stat(qid, name):
    return {"Id": qid, "MetricStat": {"Metric": {"Namespace": "App", "MetricName": name}, "Period": 60, "Stat": "Sum"}, "ReturnData": False}


out = cw.get_metric_data(
    MetricDataQueries=[stat("req", "Requests"), stat("err", "Errors"), {"Id": "rate", "Expression": "100 * err / req", "Label": "Error rate"}],
    StartTime=t0,
    EndTime=t0 + timedelta(minutes=5),
    ScanBy="TimestampAscending",
)
result = out["MetricDataResults"][0]

cw.put_metric_alarm(
    AlarmName="error-rate",
    Metrics=[stat("req", "Requests"), stat("err", "Errors"), {"Id": "rate", "Expression": "100 * err / req", "ReturnData": True}],
    EvaluationPeriods=1,
    Threshold=5,
    ComparisonOperator="GreaterThanThreshold",
    Tags=[{"Key": "team", "Value": "web"}],
)
alarm = cw.describe_alarms(AlarmNames=["error-rate"])["MetricAlarms"][0]
cw.tag_resource(ResourceARN=alarm["AlarmArn"], Tags=[{"Key": "tier", "Value": "1"}])
tags = cw.list_tags_for_resource(ResourceARN=alarm["AlarmArn"])["Tags"]

try:
    cw.get_metric_data(MetricDataQueries=[stat("Bad", "Requests")], StartTime=t0, EndTime=t0 + timedelta(minutes=5))
    error = None
except cw.exceptions.ClientError as e:
    error = [e.response["Error"]["Code"], e.response["Error"]["Message"]]

print(json.dumps({
    "id": result["Id"],
    "label": result["Label"],
    "minutes": [int((t - t0).total_seconds() // 60) for t in result["Timestamps"]],
    "values": result["Values"],
    "status": result["StatusCode"],
    "alarmMetrics": [m["Id"] for m in alarm["Metrics"]],
    "tags": sorted([t["Key"], t["Value"]] for t in tags),
    "error": error,
}))
