package org.ventrack.patient;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.ventrack.patient.Fixtures.START;
import static org.ventrack.patient.Fixtures.as;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AuditHistoryTest {

    @Test
    void everyCreateUpdateAndDeleteIsInTheHistoryWithWhoWhenBeforeAndAfter() {
        Fixtures.site("FR-AUD");
        String patient = Fixtures.treated("FR-AUD", "AUD-1");
        var corrected = Fixtures.patient("FR-AUD", "AUD-1");
        corrected.put("birthDate", "2015-03-02");
        as(TestTokens.siteUser("FR-AUD")).header("If-Match", "\"0\"").body(corrected)
                .put("/api/v1/patients/" + patient).then().statusCode(200);
        String ae = Fixtures.post(patient, "adverse-events", Fixtures.adverseEvent("Nausea", 1, START.plusDays(3), false));
        as(TestTokens.investigator()).header("If-Match", "\"0\"")
                .delete("/api/v1/patients/" + patient + "/adverse-events/" + ae).then().statusCode(204);
        as(TestTokens.investigator()).body(Map.of("measuredOn", "2999-01-01", "weightKg", 20, "heightCm", 100))
                .post("/api/v1/patients/" + patient + "/measurements").then().statusCode(422);

        as(TestTokens.statistician()).get("/api/v1/patients/" + patient + "/history").then().statusCode(200)
                .body("", hasSize(5))
                .body("[0].action", equalTo("CREATE")).body("[0].resourceType", equalTo("patient"))
                .body("[0].actor", equalTo("investigator")).body("[0].before", nullValue())
                .body("[1].resourceType", equalTo("treatment-course"))
                .body("[2].action", equalTo("UPDATE")).body("[2].actor", equalTo("site-user-FR-AUD"))
                .body("[2].before.birthDate", equalTo("2015-03-01")).body("[2].after.birthDate", equalTo("2015-03-02"))
                .body("[2].at", notNullValue())
                .body("[3].action", equalTo("CREATE")).body("[3].resourceType", equalTo("adverse-event"))
                .body("[4].action", equalTo("DELETE")).body("[4].before.term", equalTo("Nausea")).body("[4].after", nullValue());
    }
}
