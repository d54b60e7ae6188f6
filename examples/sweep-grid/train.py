"""A sweep trial that logs its metric through the MLflow REST API with plain HTTP.

The amlkit local service sets MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN and MLFLOW_RUN_ID for
every job, so this is what `mlflow.log_metric` / `mlflow.log_param` would send (the `mlflow`
package itself is not needed). Usage: python3 train.py --lr 0.1 --epochs 3 [--sleep 0.5]
"""

import argparse
import json
import os
import time
import urllib.request


def call(endpoint, body):
    uri = os.environ["MLFLOW_TRACKING_URI"].rstrip("/") + "/api/2.0/mlflow/" + endpoint
    request = urllib.request.Request(
        uri,
        data=json.dumps(body).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Authorization": "Bearer " + os.environ["MLFLOW_TRACKING_TOKEN"],
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--sleep", type=float, default=0.0, help="seconds per epoch")
    args = parser.parse_args()
    run_id = os.environ["MLFLOW_RUN_ID"]
    call("runs/log-parameter", {"run_id": run_id, "key": "lr", "value": str(args.lr)})
    for epoch in range(args.epochs):
        # The best learning rate is 0.1: accuracy falls with the distance from it.
        accuracy = round(1.0 - abs(args.lr - 0.1) * (1 + 1 / (epoch + 1)), 6)
        call(
            "runs/log-metric",
            {
                "run_id": run_id,
                "key": "accuracy",
                "value": accuracy,
                "timestamp": int(time.time() * 1000),
                "step": epoch,
            },
        )
        print(f"epoch {epoch}: accuracy {accuracy}", flush=True)
        time.sleep(args.sleep)
    call(
        "runs/log-batch",
        {
            "run_id": run_id,
            "metrics": [{"key": "epochs_done", "value": args.epochs, "timestamp": int(time.time() * 1000), "step": 0}],
            "params": [{"key": "epochs", "value": str(args.epochs)}],
        },
    )


if __name__ == "__main__":
    main()
