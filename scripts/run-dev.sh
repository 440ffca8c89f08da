#!/usr/bin/env bash
# make run: the web server and one background worker together; Ctrl-C (or TERM) stops both.
# Usage: scripts/run-dev.sh PYTHON HOST   (e.g. .venv/bin/python 127.0.0.1:8000)
set -uo pipefail
PY="${1:-.venv/bin/python}"
HOST="${2:-127.0.0.1:8000}"
pids=()
stop() {
  trap - INT TERM EXIT
  # Ctrl-C in a terminal already reached both; give them a moment before a TERM of our own
  # (a second signal makes the worker abandon its current task).
  for _ in $(seq 20); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  wait
}
trap 'stop; exit 0' INT TERM
trap stop EXIT
"$PY" manage.py db_worker --no-startup-delay &
pids+=($!)
"$PY" manage.py runserver --noreload "$HOST" &
pids+=($!)
echo "ThiĐua: http://$HOST (máy chủ web) và một tiến trình xử lý nền đang chạy; Ctrl-C để dừng cả hai."
# Stop everything as soon as either one exits.
wait -n
exit_code=$?
stop
exit "$exit_code"
