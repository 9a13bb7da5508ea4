#!/bin/sh
# A trainer under the trial contract that only sleeps: --sleep S (default 0.1; a parameter may not be named seconds, a results column).
s=0.1
while [ $# -gt 0 ]; do
  case "$1" in
    --sleep) s=$2; shift 2 ;;
    *) shift ;;
  esac
done
sleep "$s"
printf '{"timestamp": %s, "trial": "%s", "val_accuracy": "0.5", "global_step": "1"}\n' \
  "$(date +%s)" "$CLOUD_ML_TRIAL_ID" > "$CLOUD_ML_HP_METRIC_FILE"
