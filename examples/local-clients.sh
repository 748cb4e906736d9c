#!/usr/bin/env bash
# The AWS CLI pointed at botoscale local: docs/local.md shows the region. Run with
# BOTOSCALE_ENDPOINT set (http://127.0.0.1:4599 by default).
set -euo pipefail
ENDPOINT="${BOTOSCALE_ENDPOINT:-http://127.0.0.1:4599}"

# #region aws-cli
export AWS_ACCESS_KEY_ID=AKIDLOCAL AWS_SECRET_ACCESS_KEY=local-secret AWS_DEFAULT_REGION=us-east-1
aws --endpoint-url "$ENDPOINT" autoscaling create-launch-configuration \
  --launch-configuration-name cli-config --image-id ami-12345678 --instance-type t3.micro
aws --endpoint-url "$ENDPOINT" autoscaling create-auto-scaling-group \
  --auto-scaling-group-name from_aws_cli --launch-configuration-name cli-config \
  --availability-zones us-east-1a --min-size 1 --max-size 2
aws --endpoint-url "$ENDPOINT" autoscaling describe-auto-scaling-groups \
  --query 'AutoScalingGroups[].AutoScalingGroupName' --output text
# #endregion
