#!/usr/bin/env bash
# The fault drills of issue 12 in one command, longer than in the test suite, against the packaged services, a real
# PostgreSQL and a real Kafka broker started for each drill (system-tests' StackFixture):
#   ConsumerCrashDrillTest   response- and survival-service killed with SIGKILL during sustained writes, restarted;
#                            every write reconciled in every consumer's read model and inbox (nothing lost or doubled)
#   DatabaseOutageDrillTest  PostgreSQL stopped under load, started again: clean 503 problems with Retry-After, readiness
#                            down and up, no restart, nothing half-written (row, audit entry, event, consumers)
#   CrossSiteDrillTest       a site user of A against every operation of every service's OpenAPI document for site B's
#                            data: nothing of B comes back, B is unchanged, every refusal is an audited access denial
# and after each, no clinical value it posted in any log line of the stack (services, Kafka, PostgreSQL).
# Settings (environment): VENTRACK_DRILL_WRITE_SECONDS (default 60) of writes per drill, VENTRACK_DRILL_OUTAGE_SECONDS
# (default 20) of database outage, VENTRACK_DRILL_ROUNDS (default 1) repetitions, VENTRACK_SKIP_BUILD=1 to skip the
# build. Logs and a summary go to the directory given as $1 (default system-tests/drills/reports/<UTC date-time>).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-system-tests/drills/reports/$(date -u +%Y-%m-%dT%H%M%SZ)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
writes=${VENTRACK_DRILL_WRITE_SECONDS:-60}
outage=${VENTRACK_DRILL_OUTAGE_SECONDS:-20}
rounds=${VENTRACK_DRILL_ROUNDS:-1}
[[ ${VENTRACK_SKIP_BUILD:-} == 1 ]] || ./mvnw -q -B -ntp install -DskipTests
summary="$out/summary.txt"
{
  echo "fault drills, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); writes ${writes} s, outage ${outage} s, ${rounds} round(s)"
} > "$summary"
failed=0
for round in $(seq 1 "$rounds"); do
  for drill in ConsumerCrashDrillTest DatabaseOutageDrillTest CrossSiteDrillTest; do
    log="$out/$drill-$round.log"
    echo "== $drill, round $round (log: $log)"
    begin=$(date +%s)
    if ./mvnw -B -ntp -pl deploy/local,system-tests verify -Dtest=$drill -Dsurefire.failIfNoSpecifiedTests=false \
         -Dventrack.drill.write-seconds="$writes" -Dventrack.drill.outage-seconds="$outage" \
         -Dventrack.readiness-seconds=300 > "$log" 2>&1; then
      result=passed
    else
      result=FAILED
      failed=1
    fi
    line="$drill round $round: $result in $(( $(date +%s) - begin )) s"
    echo "$line" | tee -a "$summary"
    grep -E '^(consumer crash drill|database outage drill|cross-site sweep|log scan|database down|[a-z-]+-service killed)' "$log" \
      | sed 's/^/    /' | tee -a "$summary" || true
  done
done
echo "summary: $summary"
exit $failed
