package org.ventrack.system;


import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.ventrack.devstack.LocalStack;


/**
 * Not a test (surefire does not pick up *Benchmark): the write paths of response- and pk-service next to their
 * trivial endpoint, against the packaged services, a real database and broker. POST /api/v1/assessments (validation,
 * patient lock, insert, audit, re-classification under both criteria sets, outbox events) and POST /api/v1/pk/samples
 * (validation, lock, judgement, insert, audit, event, alert when flagged). 1,000 patients are registered and treated
 * through patient-service first; the writes are spread over them. patient- and survival-service are stopped for the
 * measurement, response-service after its own; an idle pk-service waits meanwhile. Beside the rates: CPU ms per
 * request of the service and the database, and the SQL statements per write (counted from the database's statement
 * log while 200 writes are sent one by one after the load). Run with
 * {@code ./mvnw -pl system-tests verify -Dtest=WriteApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WriteApiBenchmark {

    private static final int PATIENTS = 1_000;
    /** Writes sent one by one while the database logs its statements, after the load. */
    private static final int STATEMENT_COUNT_REQUESTS = 200;

    @Test
    void measure() throws Exception {
        LocalStack stack = StackFixture.start();
        try {
            ProcessHandle.of(stack.serviceProcessId("survival-service")).ifPresent(ProcessHandle::destroy);
            String responses = stack.serviceUrl("response-service");
            String pk = stack.serviceUrl("pk-service");
            String token = stack.token("investigator");
            List<String> ids = TreatedPatients.register(stack, "FR-LOAD", "A-", PATIENTS);
            ProcessHandle.of(stack.serviceProcessId("patient-service")).ifPresent(ProcessHandle::destroy);

            LoadGenerator load = new LoadGenerator();
            long database = LoadGenerator.postmasterPid(stack.database());
            var responseService = new LoadGenerator.Watched(stack.serviceProcessId("response-service"), database);
            IntFunction<HttpRequest> assessment = TreatedPatients.assessments(responses, token, ids);
            load.measure("GET /api/v1/whoami (trivial)", responseService, i -> LoadGenerator.get(responses + "/api/v1/whoami", token));
            load.measure("POST /api/v1/assessments", responseService, assessment);
            load.countStatements("POST /api/v1/assessments", stack.database(), LocalStack.databaseOf("response-service"),
                    STATEMENT_COUNT_REQUESTS, assessment);

            ProcessHandle.of(stack.serviceProcessId("response-service")).ifPresent(ProcessHandle::destroy);
            var pkService = new LoadGenerator.Watched(stack.serviceProcessId("pk-service"), database);
            IntFunction<HttpRequest> sample = TreatedPatients.pkSamples(pk, token, ids);
            load.measure("GET /api/v1/whoami (pk, trivial)", pkService, i -> LoadGenerator.get(pk + "/api/v1/whoami", token));
            load.measure("POST /api/v1/pk/samples", pkService, sample);
            load.countStatements("POST /api/v1/pk/samples", stack.database(), LocalStack.databaseOf("pk-service"),
                    STATEMENT_COUNT_REQUESTS, sample);
        } finally {
            StackFixture.stop(stack);
        }
    }
}
