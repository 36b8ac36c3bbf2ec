package org.ventrack.survival;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventrack.platform.testing.InjectInfrastructure;
import org.ventrack.platform.testing.Infrastructure;
import org.ventrack.platform.testing.TestTokens;
import org.ventrack.platform.testing.VentrackInfrastructure;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The paper's Figure 1 (swimmer plot and Kaplan-Meier curves) for the twelve-patient cohort sent through the broker. */
@QuarkusTest
@WithTestResource(value = VentrackInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SurvivalFiguresTest {

    private static final String SITE = PaperCohort.SITE;

    @InjectInfrastructure
    Infrastructure infrastructure;

    @BeforeEach
    void cohort() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        PaperCohort.patients(infrastructure);
    }

    @Test
    void kaplanMeierFigureHasTheCurveTheNumberAtRiskAndTheOneYearLine() throws Exception {
        String svg = svg("/api/v1/survival/kaplan-meier.svg?site=" + SITE, TestTokens.statistician());
        List<String> texts = texts(svg, "kaplan-meier-os.svg");
        assertTrue(texts.contains("Overall survival (OS)"), texts::toString);
        assertTrue(texts.contains("Time since venetoclax start (days)"), texts::toString);
        assertTrue(texts.contains("1 year"), texts::toString);
        // ticks every 180 days up to 1,260: at risk as R's summary(fit, times = seq(0, 1260, 180))
        int table = texts.indexOf("Number at risk");
        assertEquals(List.of("OS", "12", "9", "6", "3", "2", "2", "1", "0"), texts.subList(table + 1, table + 10));
    }

    @Test
    void groupedFigureNamesTheGroupsAndGivesTheLogRankP() throws Exception {
        String svg = svg("/api/v1/survival/kaplan-meier.svg?site=" + SITE + "&groupBy=regimen",
                TestTokens.investigator());
        List<String> texts = texts(svg, "kaplan-meier-os-by-regimen.svg");
        assertTrue(texts.contains("VEN_CHEMO (n = 5, 5 events)"), texts::toString);
        assertTrue(texts.contains("VEN_HMA (n = 5, 4 events)"), texts::toString);
        assertTrue(texts.contains("VEN_MONO (n = 2, 2 events)"), texts::toString);
        // survdiff by regimen: p = 0.8816
        assertTrue(texts.contains("Log-rank p = 0.88"), texts::toString);
        int table = texts.indexOf("Number at risk");
        assertEquals(List.of("VEN_CHEMO", "5"), texts.subList(table + 1, table + 3));
        assertTrue(texts.subList(table, texts.size()).containsAll(List.of("VEN_HMA", "VEN_MONO")));
    }

    @Test
    void bothEndpointsInOneFigureAsThePapersFigure1B() throws Exception {
        String svg = svg("/api/v1/survival/kaplan-meier.svg?site=" + SITE + "&endpoint=OS,EFS&unit=months",
                TestTokens.investigator());
        List<String> texts = texts(svg, "km-os-efs.svg");
        assertTrue(texts.contains("Overall and event-free survival"), texts::toString);
        assertTrue(texts.contains("Time since venetoclax start (months)"), texts::toString);
        int table = texts.indexOf("Number at risk");
        // 41.2 months of follow-up: ticks every 6 months; failures count at day 0, so EFS starts with all 12 at risk
        assertEquals(List.of("OS", "12", "9", "6", "3", "2", "2", "1", "0"), texts.subList(table + 1, table + 10));
        assertEquals(List.of("EFS", "12"), texts.subList(table + 10, table + 12));
    }

    @Test
    void swimmerLanesRunFromTheStartToDeathOrLastNewsWithTheirMarks() {
        given().auth().oauth2(TestTokens.siteUser(SITE)).get("/api/v1/survival/swimmer").then().statusCode(200)
                .body("patients", equalTo(12))
                .body("lanes.days", contains(1254, 1041, 610, 520, 457, 393, 330, 280, 210, 150, 95, 40))
                .body("lanes[0].upn", equalTo("KM-6")).body("lanes[0].alive", equalTo(true))
                .body("lanes[0].regimen", equalTo("VEN_HMA"))
                .body("lanes[0].marks.kind", contains("best-response", "first-complete-remission", "hsct"))
                .body("lanes[0].marks.day", contains(28, 28, 48))
                .body("lanes[0].marks[0].label", equalTo("CRI"))
                .body("lanes[4].upn", equalTo("KM-2")).body("lanes[4].alive", equalTo(false))
                .body("lanes[4].marks.kind", contains("best-response", "first-complete-remission", "hsct", "relapse", "death"))
                .body("lanes[4].marks.day", contains(28, 28, 42, 240, 457))
                .body("lanes[5].upn", equalTo("KM-1"))
                .body("lanes[5].marks.find { it.kind == 'relapse' }.label", equalTo("marrow"))
                .body("lanes[5].marks.find { it.kind == 'relapse' }.day", equalTo(110))
                .body("lanes[3].marks.kind", hasItem("progression"));
    }

    @Test
    void swimmerFigureHasALanePerPatientAndALegend() throws Exception {
        String svg = svg("/api/v1/survival/swimmer.svg?site=" + SITE + "&unit=months", TestTokens.investigator());
        List<String> texts = texts(svg, "swimmer.svg");
        for (int upn = 1; upn <= 12; upn++) {
            assertTrue(texts.contains("KM-" + upn), texts::toString);
        }
        assertTrue(texts.containsAll(List.of("VEN_CHEMO", "VEN_HMA", "VEN_MONO", "CR / CRh / CRi", "HSCT",
                "Relapse / progression", "Death", "Alive at last news")), texts::toString);
    }

    @Test
    void anotherSitesUserSeesNoLanes() {
        for (String path : List.of("swimmer", "swimmer.svg", "kaplan-meier.svg")) {
            given().auth().oauth2(TestTokens.siteUser("FR-NOBODY")).get("/api/v1/survival/" + path).then()
                    .statusCode(422).contentType("application/problem+json");
        }
        given().get("/api/v1/survival/swimmer.svg").then().statusCode(401);
    }

    @Test
    void badQueryParametersAreProblems() {
        for (String query : List.of("kaplan-meier.svg?endpoint=PFS", "kaplan-meier.svg?endpoint=OS,PFS",
                "kaplan-meier.svg?groupBy=age", "kaplan-meier.svg?confLevel=1.5", "kaplan-meier.svg?unit=weeks",
                "swimmer.svg?unit=weeks")) {
            given().auth().oauth2(TestTokens.investigator()).get("/api/v1/survival/" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
    }

    private static String svg(String path, String token) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .extract().asString();
    }

    /** The text elements in document order, after checking that the SVG is well-formed XML; kept under target/. */
    private static List<String> texts(String svg, String file) throws Exception {
        keep(svg, file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        NodeList nodes = document.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static void keep(String svg, String file) throws IOException {
        Path dir = Path.of("target", "figures");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), svg);
    }
}
