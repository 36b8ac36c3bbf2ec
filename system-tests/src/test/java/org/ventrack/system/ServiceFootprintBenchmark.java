package org.ventrack.system;


import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;


/**
 * Not a test (surefire does not pick up *Benchmark): each service's start-to-ready time (process launch to the first
 * 200 from /q/health/ready, as the local stack measures it; the four services start together on the same cores) and
 * its resident memory (VmRSS and peak VmHWM from /proc) idle 10 s after start, then after a REST load like the REST
 * benchmarks' (a closed loop of {@link LoadGenerator#CLIENTS} clients for {@code benchmark.footprint.seconds}, 15 s,
 * quick 5 s, on each of: POST and GET patient, POST assessment, POST pk sample, GET kaplan-meier, with 200 treated
 * patients). Run with
 * {@code ./mvnw -pl system-tests -am verify -Dtest=ServiceFootprintBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ServiceFootprintBenchmark {

    private static final int PATIENTS = 200;

    @Test
    void measure() throws Exception {
        int seconds = BenchmarkResults.intProperty("benchmark.footprint.seconds", 15, 5);
        long launched = System.nanoTime();
        LocalStack stack = StackFixture.start();
        try {
            double stackSeconds = (System.nanoTime() - launched) / 1e9;
            Map<String, Long> readyMs = stack.timings();
            Thread.sleep(10_000);
            Map<String, Map<String, Long>> idle = new LinkedHashMap<>();
            for (String service : LocalStack.SERVICES) {
                idle.put(service, BenchmarkResults.memoryMiB(stack.serviceProcessId(service)));
            }

            String patients = stack.serviceUrl("patient-service");
            String token = stack.token("investigator");
            List<String> ids = TreatedPatients.register(stack, "FR-MEM", "M-", PATIENTS);
            String responses = stack.serviceUrl("response-service");
            String pk = stack.serviceUrl("pk-service");

            AtomicInteger upn = new AtomicInteger();
            String survival = stack.serviceUrl("survival-service");
            Map<String, IntFunction<HttpRequest>> load = new LinkedHashMap<>();
            load.put("POST /api/v1/patients", i -> LoadGenerator.post(patients + "/api/v1/patients", token,
                    "{\"siteCode\":\"FR-MEM\",\"upn\":\"L-" + upn.incrementAndGet()
                            + "\",\"sex\":\"FEMALE\",\"birthDate\":\"2016-01-01\",\"diagnosis\":\"REFRACTORY_AML\"}"));
            load.put("GET /api/v1/patients/{id}", i -> LoadGenerator.get(patients + "/api/v1/patients/" + ids.get(Math.floorMod(i, PATIENTS)), token));
            load.put("POST /api/v1/assessments", TreatedPatients.assessments(responses, token, ids));
            load.put("POST /api/v1/pk/samples", TreatedPatients.pkSamples(pk, token, ids));
            load.put("GET /api/v1/survival/kaplan-meier", i -> LoadGenerator.get(survival + "/api/v1/survival/kaplan-meier?endpoint=OS", token));
            LoadGenerator generator = new LoadGenerator();
            Map<String, Double> perSecond = new LinkedHashMap<>();
            for (var endpoint : load.entrySet()) {
                perSecond.put(endpoint.getKey(), generator.closedLoop(endpoint.getValue(), Duration.ofSeconds(seconds)).perSecond());
            }
            Map<String, Object> services = new LinkedHashMap<>();
            for (String service : LocalStack.SERVICES) {
                Map<String, Long> after = BenchmarkResults.memoryMiB(stack.serviceProcessId(service));
                services.put(service, Map.of("readyMs", readyMs.get(service), "idleRssMiB", idle.get(service).get("rssMiB"),
                        "afterLoadRssMiB", after.get("rssMiB"), "peakRssMiB", after.get("peakRssMiB")));
                System.out.printf("%-17s ready in %5d ms, RSS idle %4d MiB, after load %4d MiB (peak %4d MiB)%n", service,
                        readyMs.get(service), idle.get(service).get("rssMiB"), after.get("rssMiB"), after.get("peakRssMiB"));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stackReadySeconds", stackSeconds);
            fields.put("loadSecondsPerEndpoint", seconds);
            fields.put("loadPerSecond", perSecond);
            fields.put("services", services);
            BenchmarkResults.write("footprint", fields);
        } finally {
            StackFixture.stop(stack);
        }
    }
}
