# Steps of .ci/run, sourced by it: each step is named, bounded in time and timed. A step that fails or runs
# past its limit stops the run with a line saying which and why (never a silent hang on a dead mirror or
# registry); `check` steps record a failure and let the run go on (unit and e2e tests both report).
# On exit, whatever the outcome, a table of the steps with their seconds and results.
# Limits are in seconds; CI_TIME_SCALE=2 doubles all of them on a slow machine.

ci_rows=()
ci_failed=0
ci_current=''
ci_started=0

ci_now() { date +%s; }

# ci_run NAME LIMIT COMMAND...: runs COMMAND in its own process group under `timeout`; returns its exit code.
ci_run() {
  local name=$1 limit=$2
  shift 2
  limit=$((limit * ${CI_TIME_SCALE:-1}))
  ci_current=$name
  ci_started=$(ci_now)
  echo "::: ${name} (limit ${limit}s)"
  local rc=0
  # --kill-after: a command that ignores TERM (a stuck browser, dpkg) is killed a minute later.
  timeout --kill-after=60 "$limit" "$@" || rc=$?
  local took=$(($(ci_now) - ci_started))
  ci_current=''
  if [ "$rc" -eq 0 ]; then
    ci_rows+=("${name}|${took}|ok")
  elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "CI: step '${name}' stopped after its limit of ${limit}s (exit ${rc})." >&2
    ci_rows+=("${name}|${took}|TIMED OUT after ${limit}s")
  else
    echo "CI: step '${name}' failed (exit ${rc})." >&2
    ci_rows+=("${name}|${took}|FAILED (exit ${rc})")
  fi
  return "$rc"
}

# step NAME LIMIT COMMAND...: a failure ends the run.
step() {
  local rc=0
  ci_run "$@" || rc=$?
  if [ "$rc" -ne 0 ]; then exit "$rc"; fi
}

# check NAME LIMIT COMMAND...: a failure is reported and remembered; the run goes on and fails at the end.
check() {
  ci_run "$@" || ci_failed=1
}

ci_summary() {
  local rc=$?
  # Something outside a step failed (set -e) while a step was being timed: name it too.
  if [ -n "$ci_current" ]; then ci_rows+=("${ci_current}|$(($(ci_now) - ci_started))|FAILED (exit ${rc})"); fi
  echo
  echo "CI steps:"
  local row name took result total=0
  for row in "${ci_rows[@]}"; do
    IFS='|' read -r name took result <<<"$row"
    printf '  %-24s %6ss  %s\n' "$name" "$took" "$result"
    total=$((total + took))
  done
  printf '  %-24s %6ss  %s\n' 'total' "$total" "$([ "$rc" -eq 0 ] && echo passed || echo "FAILED (exit ${rc})")"
}
trap ci_summary EXIT
