"""A stand-in for Google's cloudml-hypertune: the same file, written the same way.

Vertex AI reads the file named by CLOUD_ML_HP_METRIC_FILE (default /tmp/hypertune/output.metrics);
each report appends a JSON object and the whole file (the last 100 reports) is rewritten.
"""
import collections
import json
import os
import time

try:  # the real package, where it is installed (pip install cloudml-hypertune)
    from hypertune import HyperTune  # noqa: F401
except ImportError:
    class HyperTune:
        def __init__(self):
            self.metric_path = os.environ.get("CLOUD_ML_HP_METRIC_FILE", "/tmp/hypertune/output.metrics")
            self.trial_id = os.environ.get("CLOUD_ML_TRIAL_ID", 0)
            self.metrics_queue = collections.deque(maxlen=100)
            os.makedirs(os.path.dirname(os.path.abspath(self.metric_path)), exist_ok=True)

        def report_hyperparameter_tuning_metric(self, hyperparameter_metric_tag, metric_value, global_step=None,
                                                checkpoint_path=""):
            self.metrics_queue.append({
                "timestamp": time.time(),
                "trial": str(self.trial_id),
                hyperparameter_metric_tag: str(float(metric_value)),
                "global_step": str(int(global_step) if global_step else 0),
                "checkpoint_path": checkpoint_path,
            })
            with open(self.metric_path, "w") as f:
                for m in self.metrics_queue:
                    f.write(json.dumps(m, sort_keys=True) + "\n")
