#!/usr/bin/env bash
# Benchmark of patient-service with wrk (apt-get install wrk): a light C client, so the server, not the load
# generator, is what saturates. Starts the packaged stack on spare ports, stops the three consuming services (they
# would share the 2 cores), then measures GET /api/v1/whoami (trivial), GET /api/v1/patients/{id} and
# POST /api/v1/patients: the maximum rate of 16 connections, and latency at half that rate where wrk2 is absent
# (reported by the Java PatientApiBenchmark instead). Build first: ./mvnw -DskipTests install
set -euo pipefail
cd "$(dirname "$0")/../.."
export VENTRACK_SKIP_BUILD=1 VENTRACK_DATA=$(mktemp -d) VENTRACK_BASE_PORT=18181 VENTRACK_DB_PORT=15544 \
       VENTRACK_KAFKA_PORT=19192 VENTRACK_KAFKA_CONTROLLER_PORT=19193
setsid ./ventrack start > "$VENTRACK_DATA/stack.out" 2>&1 &
trap './ventrack stop >/dev/null 2>&1 || true; rm -rf "$VENTRACK_DATA"' EXIT
for _ in $(seq 1 60); do grep -q "Stop with" "$VENTRACK_DATA/stack.out" 2>/dev/null && break; sleep 2; done
for s in response pk survival; do pkill -f "$s-service/target/quarkus-app" || true; done
base=http://127.0.0.1:18181
admin=$(./ventrack token admin); token=$(./ventrack token investigator)
curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
     -d '{"code":"FR-WRK","name":"wrk","country":"FR"}' $base/api/v1/sites
patient=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
     -d '{"siteCode":"FR-WRK","upn":"W0","sex":"MALE","birthDate":"2016-01-01","diagnosis":"RELAPSED_AML"}' \
     $base/api/v1/patients | sed 's/.*"id":"\([^"]*\)".*/\1/')
post=$(mktemp --suffix=.lua)
cat > "$post" <<LUA
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads .. "-" .. os.time()) end
counter = 0
request = function()
  counter = counter + 1
  local body = '{"siteCode":"FR-WRK","upn":"W' .. tid .. '-' .. counter .. '","sex":"FEMALE","birthDate":"2016-01-01","diagnosis":"REFRACTORY_AML"}'
  return wrk.format("POST", "/api/v1/patients", {["Content-Type"]="application/json", ["Authorization"]="Bearer $token"}, body)
end
LUA
run() { # name, wrk args...
  local name=$1; shift
  wrk -t2 -c16 -d8s "$@" > /dev/null   # warm-up
  printf '%-28s ' "$name"; wrk -t2 -c16 -d15s --latency "$@" | awk '/Requests\/sec/{r=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Non-2xx/{e=$NF} END{printf "%8.0f req/s  p50 %s  p99 %s  non-2xx %s\n", r, p50, p99, (e==""?0:e)}'
}
run "GET /api/v1/whoami" -H "Authorization: Bearer $token" $base/api/v1/whoami
run "GET /api/v1/patients/{id}" -H "Authorization: Bearer $token" $base/api/v1/patients/$patient
run "POST /api/v1/patients" -s "$post" $base
