package org.ventrack.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.BadInputFuzzer;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.PatientEvents;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** 1,000 schema-invalid samples: every one a 4xx problem, none a 5xx, nothing stored, nothing published. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BadInputFuzzTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 15);

    @InjectInfrastructure
    Infrastructure infrastructure;
    @Inject
    DataSource dataSource;

    @Test
    void aThousandInvalidSamplesAreRefusedCleanly() {
        UUID patient = UUID.randomUUID();
        PatientEvents.send(infrastructure, PatientEvents.registered(patient, "FR-FUZZ", "FUZZ-1", LocalDate.of(2013, 3, 1)));
        PatientEvents.send(infrastructure, PatientEvents.courseWithDose(patient, UUID.randomUUID(), START, "VEN_HMA", 200));
        PatientEvents.awaitEventsApplied(patient, 2, TestTokens.investigator());
        ObjectNode valid = new ObjectMapper().valueToTree(Map.of("patientId", patient.toString(),
                "sampledAt", START.plusDays(9).atTime(8, 0).toString(), "lastDoseAt", START.plusDays(8).atTime(8, 0).toString(),
                "dailyDoseMg", 200, "concentrationNgPerMl", 400, "kind", "TROUGH"));
        String before = BadInputFuzzer.highWaterMarks(dataSource);

        BadInputFuzzer.Report report = BadInputFuzzer.ofRunningService(8)
                .post("/api/v1/pk/samples", "/api/v1/pk/samples", valid, TestTokens.siteUser("FR-FUZZ"), 1000);

        assertTrue(report.failures().isEmpty(), report.failures().size() + " bad answers, e.g. " + report.failures().stream().limit(3).toList());
        assertEquals(before, BadInputFuzzer.highWaterMarks(dataSource), "something was written: " + report.statuses());
    }
}
