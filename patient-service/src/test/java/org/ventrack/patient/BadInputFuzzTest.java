package org.ventrack.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.BadInputFuzzer;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 1,000 schema-invalid writes over the patient and each record of its clinical record: every one a 4xx problem, none
 * a 5xx, nothing stored, nothing published.
 */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BadInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void aThousandInvalidWritesAreRefusedCleanly() {
        Fixtures.site("FR-FUZZ");
        String patient = Fixtures.treated("FR-FUZZ", "FUZZ-1");
        String records = "/api/v1/patients/" + patient + "/";
        Map<String, Object> validBodies = Map.of(
                "measurements", Map.of("measuredOn", Fixtures.START.toString(), "weightKg", 20, "heightCm", 115),
                "comedications", Map.of("drug", "voriconazole", "startDate", Fixtures.START.plusDays(3).toString()),
                "clinical-events", Fixtures.event("DEATH", Fixtures.START.plusDays(300)),
                "adverse-events", Fixtures.adverseEvent("Nausea", 2, Fixtures.START.plusDays(5), false),
                "treatment-courses", Fixtures.course(Fixtures.START.plusDays(60), "VEN_MONO", 1));
        BadInputFuzzer fuzzer = BadInputFuzzer.ofRunningService(11);
        String token = TestTokens.siteUser("FR-FUZZ");
        String before = BadInputFuzzer.highWaterMarks(dataSource);

        List<BadInputFuzzer.Report> reports = new ArrayList<>();
        reports.add(fuzzer.post("/api/v1/patients", "/api/v1/patients", body(Fixtures.patient("FR-FUZZ", "FUZZ-2")), token, 400));
        validBodies.forEach((record, body) -> reports.add(
                fuzzer.post("/api/v1/patients/{patientId}/" + record, records + record, body(body), token, 120)));

        assertEquals(1000, reports.stream().mapToInt(BadInputFuzzer.Report::requests).sum());
        List<String> failures = reports.stream().flatMap(r -> r.failures().stream()).toList();
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g. " + failures.stream().limit(3).toList());
        assertEquals(before, BadInputFuzzer.highWaterMarks(dataSource), "something was written");
    }

    private static ObjectNode body(Object value) {
        return JSON.valueToTree(value);
    }
}
