#!/usr/bin/env bash
# All the benchmarks in one command; they report, they do not pass or fail. Sections (all by default):
#   rest       PatientApiBenchmark (patient-service: GET /whoami, GET patient, POST patient), WriteApiBenchmark
#              (response-service: POST assessment; pk-service: POST pk sample) and SurvivalApiBenchmark
#              (survival-service: GET kaplan-meier on the paper's cohort), each beside its service's GET /whoami: the
#              maximum throughput of 16 closed-loop clients, then p50/p99/p99.9 at 50 % and 80 % of it (open model)
#   events     EventLatencyBenchmark: POST patients at 100 and 1,000/s; per consumer, p50/p99 from the 2xx (and from
#              the outbox write) to the event's inbox row; whether the rate was sustained
#   bulk       BulkLoadBenchmark: 100,000 patients with a treatment course by 16 concurrent clients; time to all 2xx
#              and until every consumer has applied every event
#   footprint  ServiceFootprintBenchmark: each service's start-to-ready time and RSS idle and after a REST load
#   stats      StatsBenchmark: Kaplan-Meier and log-rank on 1e4..1e7 subjects in Java, and R's survival on the same
#              data when Rscript (with the survival and jsonlite packages) is on the PATH
#   import     ImportBenchmark: one NDJSON import job of 100,000 patients with a course each (200,000 records);
#              time to the job's SUCCEEDED and until every consumer has applied the 200,000 events
# Usage: run-all.sh [--only rest,events,bulk,import,footprint,stats] [--quick] [OUTPUT_DIR]
#   (or BENCH_ONLY=..., BENCH_QUICK=1). --quick: shorter phases and smaller sizes (bulk 5,000 patients, events 5 s per
#   rate, stats up to 1e6; the REST section keeps its fixed phases), for trying it out. A full run takes about an
#   hour on a quiet 2-core machine (rest ~12 min, events ~5, bulk ~20-30, footprint ~3, stats ~5, build ~3); quick ~20 min.
# Other settings: BENCH_BULK_PATIENTS, BENCH_EVENT_RATES (e.g. 100,1000), BENCH_STATS_SIZES (e.g. 1e4,1e5,1e6,1e7),
# BENCH_STATS_HEAP (the Java statistics' -Xmx, default 3g; a fit of 1e7 subjects allocates about 1 GB),
# BENCH_READINESS_TIMEOUT (seconds a service may take to become ready, default 300), BENCH_SERVICE_JVM_OPTIONS (added
# to the services' JVM options, e.g. -Dquarkus.datasource.jdbc.acquisition-timeout=60s on a machine too busy to start
# them otherwise).
# Writes into OUTPUT_DIR (default system-tests/bench/reports/<UTC date-time>): report.md, report.json, raw.jsonl (REST
# rows), results.jsonl (the other sections), machine.json (cores, memory, CPU, Java, load average, commit) and the logs.
# The services, PostgreSQL, Kafka and the load generator share the machine's cores. The system-test benchmarks run in
# one Maven reactor build (-am: the modules are built in place, nothing is installed into ~/.m2).
set -uo pipefail
cd "$(dirname "$0")/../.."
only=${BENCH_ONLY:-rest,events,bulk,import,footprint,stats}
quick=${BENCH_QUICK:-0}
out=
while [[ $# -gt 0 ]]; do
  case $1 in
    --only) only=$2; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    --quick) quick=1; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
selected() { [[ ",$only," == *",$1,"* ]]; }
for section in ${only//,/ }; do
  [[ $section =~ ^(rest|events|bulk|import|footprint|stats)$ ]] || { echo "unknown section $section" >&2; exit 2; }
done
out=${out:-system-tests/bench/reports/$(date -u +%Y-%m-%dT%H%M%SZ)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
command -v python3 >/dev/null || { echo "python3 is needed to write the report" >&2; exit 1; }
: > "$out/raw.jsonl"
: > "$out/results.jsonl"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo true || echo false)
cat > "$out/machine.json" <<JSON
{"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","commit":"$commit","uncommittedChanges":$dirty,"cores":$(nproc),
 "memoryMiB":$(awk '/MemTotal/{printf "%d", $2/1024}' /proc/meminfo),"cpu":"$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)",
 "loadAverageAtStart":"$(cut -d' ' -f1-3 /proc/loadavg)","java":"$(java -version 2>&1 | head -1 | tr -d '"')",
 "sections":"$only","quick":$([[ $quick == 1 ]] && echo true || echo false)}
JSON
started=$(date +%s)
failed=0
quickFlag=$([[ $quick == 1 ]] && echo true || echo false)

classes=()
selected rest && classes+=(PatientApiBenchmark WriteApiBenchmark SurvivalApiBenchmark)
selected events && classes+=(EventLatencyBenchmark)
selected bulk && classes+=(BulkLoadBenchmark)
selected footprint && classes+=(ServiceFootprintBenchmark)
selected import && classes+=(ImportBenchmark)
if [[ ${#classes[@]} -gt 0 ]]; then
  list=$(IFS=,; echo "${classes[*]}")
  echo "== $list (log: $out/system-tests.log)"
  props=(-Dbenchmark.report="$out/raw.jsonl" -Dbenchmark.results="$out/results.jsonl" -Dbenchmark.quick=$quickFlag
         -Dventrack.readiness-seconds="${BENCH_READINESS_TIMEOUT:-300}")
  [[ -n ${BENCH_BULK_PATIENTS:-} ]] && props+=(-Dbenchmark.bulk.patients="$BENCH_BULK_PATIENTS")
  [[ -n ${BENCH_IMPORT_PATIENTS:-} ]] && props+=(-Dventrack.import-benchmark.patients="$BENCH_IMPORT_PATIENTS")
  [[ -n ${BENCH_EVENT_RATES:-} ]] && props+=(-Dbenchmark.event-rates="$BENCH_EVENT_RATES")
  [[ -n ${BENCH_SERVICE_JVM_OPTIONS:-} ]] && props+=(-Dventrack.service-jvm-options="$BENCH_SERVICE_JVM_OPTIONS")
  # surefire hands Maven's -D user properties to the test JVM as system properties
  ./mvnw -B -ntp -pl system-tests -am verify -Dtest="$list" -Dsurefire.failIfNoSpecifiedTests=false \
         -Dsurefire.runOrder=filesystem "${props[@]}" > "$out/system-tests.log" 2>&1 || { echo "a system-test benchmark failed (see the log)" >&2; failed=1; }
  grep -E 'req/s|^RESULT|^events at|^bulk:|ready in .* RSS|^upload|applied all' "$out/system-tests.log" || true
fi

if selected stats; then
  echo "== statistics (log: $out/stats.log)"
  sizes=${BENCH_STATS_SIZES:-$([[ $quick == 1 ]] && echo 1e4,1e5,1e6 || echo 1e4,1e5,1e6,1e7)}
  data=$(mktemp -d)
  {
    if [[ ${#classes[@]} -eq 0 && ${VENTRACK_SKIP_BUILD:-} != 1 ]]; then
      ./mvnw -q -B -ntp -pl survival-service -am test-compile
    fi
    java -Xmx${BENCH_STATS_HEAP:-3g} -Dstats.sizes="$sizes" -Dstats.data-dir="$data" -Dbenchmark.results="$out/results.jsonl" \
         -cp survival-service/target/test-classes:survival-service/target/classes org.ventrack.survival.domain.stats.StatsBenchmark
    if command -v Rscript >/dev/null && Rscript -e 'library(survival); library(jsonlite)' >/dev/null 2>&1; then
      # shellcheck disable=SC2046
      Rscript survival-service/src/test/r/bench.R "$data" $(echo "${BENCH_R_SIZES:-$sizes}" | tr , ' ') --results "$out/results.jsonl"
    else
      echo "Rscript with the survival and jsonlite packages not found: R not timed"
    fi
  } > "$out/stats.log" 2>&1 || { echo "the statistics benchmark failed (see the log)" >&2; failed=1; }
  rm -rf "$data"
  grep -E 'median|^n =' "$out/stats.log" || true
fi

python3 system-tests/bench/report.py "$out" "$(( $(date +%s) - started ))"
echo "report: $out/report.md"
exit $failed
