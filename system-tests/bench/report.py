"""Turns a run-all.sh output directory (machine.json, raw.jsonl, results.jsonl) into report.md and report.json."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
duration = int(sys.argv[2]) if len(sys.argv) > 2 else None
machine = json.loads((out / "machine.json").read_text())
machine["loadAverageAtEnd"] = " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])
if duration is not None:
    machine["durationSeconds"] = duration
(out / "machine.json").write_text(json.dumps(machine, indent=2) + "\n")


def lines_of(name):
    path = out / name
    return [json.loads(l) for l in path.read_text().splitlines() if l.strip()] if path.exists() else []


rest = lines_of("raw.jsonl")
results = lines_of("results.jsonl")
events = [r for r in results if r["section"] == "events"]
bulk = [r for r in results if r["section"] == "bulk"]
imports = [r for r in results if r["section"] == "import"]
footprint = [r for r in results if r["section"] == "footprint"]
stats = [r for r in results if r["section"] == "stats"]


def f(v, digits=1):
    return "-" if v is None else f"{v:,.{digits}f}"


md = [f"# VenTrack benchmarks, {machine['date']}", "",
      f"Commit `{machine['commit']}`{' (with uncommitted changes)' if machine['uncommittedChanges'] else ''}; "
      f"{machine['cores']} cores ({machine['cpu']}), {machine['memoryMiB']:,} MiB; {machine['java']}; "
      f"load average {machine['loadAverageAtStart']} at start, {machine['loadAverageAtEnd']} at the end"
      + (f"; {duration // 60} min {duration % 60} s in all" if duration is not None else "")
      + (". **Quick mode** (shorter phases, smaller sizes)" if machine.get("quick") else "")
      + ". The services, PostgreSQL, Kafka and the load generator share the cores. Sections run: "
      + f"{machine.get('sections', 'rest')}.", ""]

if rest:
    md += ["## REST", "",
           "Per endpoint: the maximum throughput of 16 closed-loop clients, then latency at a constant arrival rate of "
           "50 % and 80 % of it, from each request's scheduled time. Each service's trivial authenticated endpoint "
           "(GET /api/v1/whoami) is the baseline.", "",
           "| Endpoint | max req/s | 50 %: req/s | p50 ms | p99 ms | p99.9 ms | errors | 80 %: req/s | p50 ms | p99 ms | p99.9 ms | errors |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rest:
        a, b = r["at50"], r["at80"]
        md.append(f"| {r['endpoint']} | {r['maxPerSecond']:.0f} | {a['perSecond']:.0f} | {f(a['p50Ms'])} | {f(a['p99Ms'])} | "
                  f"{f(a['p999Ms'])} | {a['errors']} | {b['perSecond']:.0f} | {f(b['p50Ms'])} | {f(b['p99Ms'])} | "
                  f"{f(b['p999Ms'])} | {b['errors']} |")
    md.append("")

if events:
    md += ["## Events: commit to applied", "",
           "POST /api/v1/patients into patient-service at a constant rate; each registration's event goes through the "
           "outbox and Kafka to every consumer. Latency per event: the consumer's inbox row (`applied_at`, written in "
           "its apply transaction) minus the client's 2xx (after patient-service's commit); in brackets, minus the "
           "producer's outbox write. Sustained: every POST answered 2xx, at >= 95 % of the rate, and every consumer "
           "applied every event within 5 s of the last 2xx.", "",
           "| Rate /s | seconds | 2xx | errors | answered /s | POST p99 ms | consumer | applied | p50 ms | p99 ms | max ms | "
           "(from outbox p50 / p99) | last applied after last 2xx, ms | sustained |",
           "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---|"]
    for r in events:
        for i, (name, c) in enumerate(r["consumers"].items()):
            head = (f"| {r['ratePerSecond']} | {r['seconds']} | {r['answered2xx']} | {r['errors']} | "
                    f"{r['answeredPerSecond']:.0f} | {f(r['postP99Ms'])} " if i == 0 else "| | | | | | ")
            md.append(head + f"| {name} | {c['applied']} | {f(c['p50MsFrom2xx'])} | {f(c['p99MsFrom2xx'])} | "
                      f"{f(c['maxMsFrom2xx'])} | ({f(c['p50MsFromOutboxWrite'])} / {f(c['p99MsFromOutboxWrite'])}) | "
                      f"{f(c['lastAppliedMsAfterLast2xx'], 0)} | {('yes' if r['sustained'] else 'no') if i == 0 else ''} |")
    md.append("")

if bulk:
    md += ["## Bulk load through REST", ""]
    for r in bulk:
        md += [f"{r['patients']:,} patients, each POST /api/v1/patients then POST .../treatment-courses, by "
               f"{r['clients']} concurrent clients: all {r['requests']:,} requests answered after "
               f"{f(r['allAnsweredSeconds'])} s ({f(r['requestsPerSecond'], 0)} req/s, {r['errors']} errors); every "
               f"consumer caught up after {f(r['allCaughtUpSeconds'])} s (from the first request).", "",
               "| Consumer | topics | events applied | caught up after s | events/s |", "|---|---|---:|---:|---:|"]
        for name, c in sorted(r["consumers"].items()):
            md.append(f"| {name} | {', '.join(c['topics'])} | {c['eventsApplied']:,} | {f(c['caughtUpSeconds'])} | "
                      f"{f(c['eventsPerSecond'], 0)} |")
        md.append("")

if imports:
    md += ["## One import job (POST /api/v1/imports, NDJSON)", ""]
    for r in imports:
        md += [f"{r['patients']:,} patients with one venetoclax course each ({r['records']:,} records, "
               f"{f(r['uploadMB'])} MB): 202 after {r['acceptedMs']:,} ms; job {r['state']} after "
               f"{f(r['jobDoneMs'] / 1000)} s ({r['rowsApplied']} rows applied, {r['rowsRejected']} rejected).", "",
               "| Consumer | applied every event after s (from the upload) |", "|---|---:|"]
        for name, ms in r["consumersCaughtUpMs"].items():
            md.append(f"| {name} | {f(ms / 1000)} |")
        md.append("")

if footprint:
    md += ["## Start-up and memory", ""]
    for r in footprint:
        load = ", ".join(f"{k} {v:.0f}/s" for k, v in r["loadPerSecond"].items())
        md += [f"The four services start together (stack ready after {f(r['stackReadySeconds'])} s including "
               f"PostgreSQL and Kafka). Ready: process launch to the first 200 from /q/health/ready. RSS from "
               f"/proc/<pid>/status: idle 10 s after start, then after {r['loadSecondsPerEndpoint']} s of 16 "
               f"closed-loop clients on each of: {load}; peak is VmHWM.", "",
               "| Service | ready ms | RSS idle MiB | RSS after load MiB | peak RSS MiB |", "|---|---:|---:|---:|---:|"]
        for name, s in r["services"].items():
            md.append(f"| {name} | {s['readyMs']:,} | {s['idleRssMiB']} | {s['afterLoadRssMiB']} | {s['peakRssMiB']} |")
        md.append("")

if stats:
    java = {r["subjects"]: r for r in stats if r["implementation"] == "java"}
    r_ = {r["subjects"]: r for r in stats if r["implementation"] == "r"}
    anyr = next(iter(r_.values()), None)
    heap = next(iter(java.values()), {}).get("maxHeapMiB")
    md += ["## Statistics: Kaplan-Meier (log CI) and two-group log-rank", "",
           "Exponential times (rate 1/400 and 1/500 by group), 10 % censored; the same data for Java and R. Java "
           f"(`StatsBenchmark`, max heap {heap} MiB): median of >= 5 runs and >= 5 s after >= 5 s of warm-up. "
           + (f"R ({anyr['r']}, survival {anyr['survival']}): `survfit` and `survdiff`, median of 5 runs (3 at 1e7) "
              "after one warm-up." if anyr else "R: not timed (Rscript with survival and jsonlite not found)."), "",
           "| Subjects | Java KM ms | R survfit ms | Java log-rank ms | R survdiff ms |", "|---:|---:|---:|---:|---:|"]
    for n in sorted(java):
        j, rr = java[n], r_.get(n, {})
        md.append(f"| {n:,} | {f(j['kaplanMeierMedianMs'], 2)} | {f(rr.get('kaplanMeierMedianMs'), 0)} | "
                  f"{f(j['logRankMedianMs'], 2)} | {f(rr.get('logRankMedianMs'), 0)} |")
    md.append("")

(out / "report.md").write_text("\n".join(md))
(out / "report.json").write_text(json.dumps({"machine": machine, "endpoints": rest, "events": events, "bulk": bulk, "imports": imports,
                                              "footprint": footprint, "stats": stats}, indent=2) + "\n")
print("\n".join(md))
