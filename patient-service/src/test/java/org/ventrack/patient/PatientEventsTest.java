package org.ventrack.patient;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.events.EventTypes;
import org.ventrack.platform.events.Topics;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.TopicReader;
import org.ventrack.platform.testing.VentrackInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Changes leave through the transactional outbox as CloudEvents on ventrack.patient.v1. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PatientEventsTest {

    @InjectInfrastructure
    Infrastructure infrastructure;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theGeneticAlterationsTravelWithThePatient() throws Exception {
        Fixtures.site("FR-GEN");
        var body = Fixtures.patient("FR-GEN", "GEN-1");
        body.put("geneticAlterations", List.of(java.util.Map.of("kind", "REARRANGEMENT", "label", "KMT2A t(9;11)")));
        String id = io.restassured.RestAssured.given().auth().oauth2(org.ventrack.platform.testing.TestTokens.investigator())
                .contentType(io.restassured.http.ContentType.JSON).body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = TopicReader.read(infrastructure.bootstrapServers(), Topics.PATIENT,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals("KMT2A t(9;11)", json.readTree(records.get(0).value()).at("/data/geneticAlterations/0").asText());
    }

    @Test
    void registrationPublishesACloudEventKeyedByPatient() throws Exception {
        Fixtures.site("FR-EVT");
        String id = Fixtures.register("FR-EVT", "EVT-1");

        List<ConsumerRecord<String, String>> records = TopicReader.read(infrastructure.bootstrapServers(), Topics.PATIENT,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));

        assertEquals(1, records.size());
        JsonNode event = json.readTree(records.get(0).value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(EventTypes.PATIENT_REGISTERED, event.get("type").asText());
        assertEquals("/ventrack/patient-service", event.get("source").asText());
        assertEquals(id, event.get("subject").asText());
        assertNotNull(event.get("id").asText());
        assertNotNull(event.get("time").asText());
        assertEquals("EVT-1", event.at("/data/upn").asText());
        assertEquals("FR-EVT", event.at("/data/siteCode").asText());
        assertEquals("2015-03-01", event.at("/data/birthDate").asText());
        assertEquals(0, event.at("/data/geneticAlterations").size());
        assertEquals("application/cloudevents+json; charset=UTF-8",
                new String(records.get(0).headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aCorrectionPublishesTheNewStateAfterTheRegistration() throws Exception {
        Fixtures.site("FR-EVT");
        String id = Fixtures.register("FR-EVT", "EVT-2");
        String etag = given().auth().oauth2(TestTokens.investigator()).get("/api/v1/patients/" + id)
                .then().statusCode(200).extract().header("ETag");
        var corrected = new java.util.HashMap<>(Fixtures.patient("FR-EVT", "EVT-2"));
        corrected.put("birthDate", "2014-03-01");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(corrected).put("/api/v1/patients/" + id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicReader.read(infrastructure.bootstrapServers(), Topics.PATIENT,
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));

        assertEquals(2, records.size());
        assertEquals(records.get(0).partition(), records.get(1).partition());
        assertEquals(EventTypes.PATIENT_REGISTERED, json.readTree(records.get(0).value()).get("type").asText());
        JsonNode update = json.readTree(records.get(1).value());
        assertEquals(EventTypes.PATIENT_UPDATED, update.get("type").asText());
        assertEquals("2014-03-01", update.at("/data/birthDate").asText());
    }

    @Test
    void aRejectedWriteLeavesNoEvent() {
        Fixtures.site("FR-EVT");
        Fixtures.register("FR-EVT", "EVT-3");
        given().auth().oauth2(TestTokens.investigator()).contentType(ContentType.JSON)
                .body(Fixtures.patient("FR-EVT", "EVT-3"))
                .post("/api/v1/patients").then().statusCode(409);

        List<ConsumerRecord<String, String>> records = TopicReader.read(infrastructure.bootstrapServers(), Topics.PATIENT,
                r -> r.value().contains("\"upn\":\"EVT-3\""), 2, Duration.ofSeconds(5));
        assertEquals(1, records.size());
    }
}
