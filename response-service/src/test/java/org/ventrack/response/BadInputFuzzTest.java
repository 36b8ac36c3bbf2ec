package org.ventrack.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.BadInputFuzzer;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** 1,000 schema-invalid assessments: every one a 4xx problem, none a 5xx, nothing stored, nothing published. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BadInputFuzzTest {

    @InjectInfrastructure
    Infrastructure infrastructure;
    @Inject
    DataSource dataSource;

    @Test
    void aThousandInvalidAssessmentsAreRefusedCleanly() {
        UUID patient = Fixtures.treatedPatient(infrastructure, "FR-FUZZ", "VEN_HMA");
        ObjectNode valid = new ObjectMapper().valueToTree(Fixtures.completeRemission(patient, 28));
        String before = BadInputFuzzer.highWaterMarks(dataSource);

        BadInputFuzzer.Report report = BadInputFuzzer.ofRunningService(7)
                .post("/api/v1/assessments", "/api/v1/assessments", valid, TestTokens.siteUser("FR-FUZZ"), 1000);

        assertTrue(report.failures().isEmpty(), report.failures().size() + " bad answers, e.g. " + report.failures().stream().limit(3).toList());
        assertEquals(before, BadInputFuzzer.highWaterMarks(dataSource), "something was written: " + report.statuses());
    }
}
