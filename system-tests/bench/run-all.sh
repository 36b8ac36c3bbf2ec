#!/usr/bin/env bash
# The REST benchmarks in one command: PatientApiBenchmark (patient-service: GET /whoami, GET patient, POST patient)
# and WriteApiBenchmark (response-service: GET /whoami, POST assessment; pk-service: GET /whoami, POST pk sample),
# each against the packaged services, a real PostgreSQL and a real Kafka broker started for the run. For every
# endpoint: the maximum throughput of 16 closed-loop clients, then p50/p99/p99.9 at 50 % and 80 % of it with an
# open-model (constant arrival rate) load, beside the service's trivial endpoint. Writes report.md (a Markdown
# table), raw.jsonl (one JSON line per endpoint) and machine.json (cores, memory, load, commit) into the directory
# given as $1 (default system-tests/bench/reports/<UTC date-time>). The load generator shares the machine's cores.
# VENTRACK_SKIP_BUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-system-tests/bench/reports/$(date -u +%Y-%m-%dT%H%M%SZ)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
command -v python3 >/dev/null || { echo "python3 is needed to write the report" >&2; exit 1; }
[[ ${VENTRACK_SKIP_BUILD:-} == 1 ]] || ./mvnw -q -B -ntp install -DskipTests
: > "$out/raw.jsonl"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo true || echo false)
cat > "$out/machine.json" <<JSON
{"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","commit":"$commit","uncommittedChanges":$dirty,"cores":$(nproc),
 "memoryMiB":$(awk '/MemTotal/{printf "%d", $2/1024}' /proc/meminfo),"cpu":"$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)",
 "loadAverageAtStart":"$(cut -d' ' -f1-3 /proc/loadavg)","java":"$(java -version 2>&1 | head -1 | tr -d '"')"}
JSON
for benchmark in PatientApiBenchmark WriteApiBenchmark; do
  echo "== $benchmark (log: $out/$benchmark.log)"
  ./mvnw -B -ntp -pl system-tests verify -Dtest=$benchmark -Dsurefire.failIfNoSpecifiedTests=false \
         -Dbenchmark.report="$out/raw.jsonl" > "$out/$benchmark.log" 2>&1 || { echo "$benchmark failed" >&2; exit 1; }
  grep -E 'req/s' "$out/$benchmark.log" || true
done
python3 - "$out" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
machine = json.loads((out / "machine.json").read_text())
machine["loadAverageAtEnd"] = " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])
(out / "machine.json").write_text(json.dumps(machine, indent=2) + "\n")
rows = [json.loads(l) for l in (out / "raw.jsonl").read_text().splitlines() if l.strip()]
def f(v): return "-" if v is None else f"{v:.1f}"
lines = [f"# REST benchmarks, {machine['date']}", "",
         f"Commit `{machine['commit']}`{' (with uncommitted changes)' if machine['uncommittedChanges'] else ''}; "
         f"{machine['cores']} cores ({machine['cpu']}), {machine['memoryMiB']} MiB; {machine['java']}; "
         f"load average {machine['loadAverageAtStart']} at start, {machine['loadAverageAtEnd']} at the end. "
         "Client and services share the cores.", "",
         "| Endpoint | max req/s | 50 %: req/s | p50 ms | p99 ms | p99.9 ms | errors | 80 %: req/s | p50 ms | p99 ms | p99.9 ms | errors |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for r in rows:
    a, b = r["at50"], r["at80"]
    lines.append(f"| {r['endpoint']} | {r['maxPerSecond']:.0f} | {a['perSecond']:.0f} | {f(a['p50Ms'])} | {f(a['p99Ms'])} | "
                 f"{f(a['p999Ms'])} | {a['errors']} | {b['perSecond']:.0f} | {f(b['p50Ms'])} | {f(b['p99Ms'])} | {f(b['p999Ms'])} | {b['errors']} |")
(out / "report.md").write_text("\n".join(lines) + "\n")
(out / "report.json").write_text(json.dumps({"machine": machine, "endpoints": rows}, indent=2) + "\n")
print("\n".join(lines))
PY
echo "report: $out/report.md"
