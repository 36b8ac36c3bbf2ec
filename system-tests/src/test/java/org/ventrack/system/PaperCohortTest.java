package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventrack.devstack.DemoLoader;
import org.ventrack.devstack.LocalStack;
import org.w3c.dom.NodeList;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/**
 * The founding paper's figures out of its cohort posted through the public APIs, everything real: the packaged four
 * services, PostgreSQL and the Kafka broker, started as {@code ./ventrack start --demo} starts them, which loads
 * {@code demo/cousson-2025} through REST. Every figure below is the paper's (Tables 1, 2 and 4, the text, Figure 1) or
 * R's for the paper's data (exact Clopper-Pearson intervals, {@code survfit} with log intervals).
 */
class PaperCohortTest {

    private static final String SITE = "FR-RDB";
    private static final double DAYS_PER_MONTH = 30.4375;

    private static LocalStack stack;
    private static String siteUser;

    @BeforeAll
    static void startTheStackWithTheDemoData() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        stack = StackFixture.start(true);
        siteUser = stack.token("site-user", SITE);
        // survival-service's EFS needs response-service's results: wait until the last of them has travelled
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .queryParam("endpoint", "EFS").queryParam("times", 365).get(survival("/kaplan-meier")).then()
                .statusCode(200).body("groups[0].n", equalTo(12)).body("groups[0].atTimes.surv[0]", closeTo(0.25, 1e-12)));
    }

    @AfterAll
    static void stopStack() throws Exception {
        StackFixture.stop(stack);
    }

    private static String patientService(String path) {
        return stack.serviceUrl("patient-service") + "/api/v1" + path;
    }

    private static String responseService(String path) {
        return stack.serviceUrl("response-service") + "/api/v1" + path;
    }

    private static String pkService(String path) {
        return stack.serviceUrl("pk-service") + "/api/v1/pk" + path;
    }

    private static String survival(String path) {
        return stack.serviceUrl("survival-service") + "/api/v1/survival" + path;
    }

    @Test
    void tableOneWholeFromPatientService() {
        // the response rows are response-service's results, kept by patient-service from its events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(siteUser)
                .get(patientService("/cohort/characteristics")).then().statusCode(200)
                .body("bestResponse.counts.find { it.value == 'UNKNOWN' }", equalTo(null))
                .body("baselineBlastPercent.n", equalTo(12)));
        given().auth().oauth2(stack.token("statistician")).get(patientService("/cohort/characteristics")).then()
                .statusCode(200)
                .body("n", equalTo(12))
                .body("ageAtStartYears.median", equalTo(5.5)).body("ageAtStartYears.min", equalTo(2.0))
                .body("ageAtStartYears.max", equalTo(12.0))
                .body("sex.value", contains("MALE", "FEMALE")).body("sex.n", contains(7, 5))
                .body("diagnosis.value", contains("RELAPSED_AML", "REFRACTORY_AML", "MDS_RELATED_AML"))
                .body("diagnosis.n", contains(8, 3, 1))
                .body("genetics.find { it.value == 'KMT2A::MLLT3 t(9;11)' }.n", equalTo(3))
                .body("genetics.find { it.value == 'PTPN11' }.n", equalTo(2))
                .body("genetics.n.sum()", equalTo(10))
                .body("cnsStatus.n", contains(8, 3, 1))
                .body("priorLines.median", equalTo(2.0)).body("priorLines.min", equalTo(1.0))
                .body("priorLines.max", equalTo(3.0))
                .body("priorHsct.find { it.value == 'YES' }.n", equalTo(4))
                .body("baselineBlastPercent.median", equalTo(28.5)).body("baselineBlastPercent.min", equalTo(15.5))
                .body("baselineBlastPercent.max", equalTo(46.0))
                .body("cycles.median", equalTo(2.0)).body("cycles.min", equalTo(1.0)).body("cycles.max", equalTo(3.5))
                .body("regimen.value", contains("VEN_CHEMO", "VEN_HMA", "VEN_MONO")).body("regimen.n", contains(5, 5, 2))
                .body("bestResponse.criteria", equalTo("COUSSON_2025"))
                .body("bestResponse.completeRemission.n", equalTo(4))
                .body("bestResponse.completeRemission.percent", equalTo(33.3))
                .body("bestResponse.partialResponse.n", equalTo(1))
                .body("bestResponse.overallResponse.n", equalTo(5))
                .body("bestResponse.overallResponse.percent", equalTo(41.7))
                .body("bestResponse.nonResponse.n", equalTo(7));
    }

    @Test
    void overallResponseAndCompleteRemissionRatesWithExactIntervals() {
        // R: binom.test(5, 12)$conf.int and binom.test(4, 12)$conf.int
        given().auth().oauth2(siteUser).get(responseService("/response-rates")).then().statusCode(200)
                .body("groups[0].n", equalTo(12))
                .body("groups[0].overallResponse.count", equalTo(5))
                .body("groups[0].overallResponse.rate", closeTo(5.0 / 12, 1e-12))
                .body("groups[0].overallResponse.lower", closeTo(0.1516522298084301, 1e-9))
                .body("groups[0].overallResponse.upper", closeTo(0.72333031431789419, 1e-9))
                .body("groups[0].completeRemission.count", equalTo(4))
                .body("groups[0].completeRemission.lower", closeTo(0.099246091149583299, 1e-9))
                .body("groups[0].completeRemission.upper", closeTo(0.65112449358118596, 1e-9))
                .body("groups[0].counts.NR", equalTo(7));
    }

    @Test
    void responsesByRegimenAsInThePaper() {
        given().auth().oauth2(siteUser).queryParam("groupBy", "regimen").get(responseService("/response-rates"))
                .then().statusCode(200)
                .body("groups.group", contains("VEN_CHEMO", "VEN_HMA", "VEN_MONO"))
                .body("groups.n", contains(5, 5, 2))
                .body("groups.counts.CR", contains(3, 0, 0))
                .body("groups.counts.CRI", contains(0, 1, 0))
                .body("groups.counts.PR", contains(0, 1, 0))
                .body("groups.overallResponse.count", contains(3, 2, 0));
    }

    @Test
    void aClassificationCarriesItsReasons() {
        String upn3 = patientId("UPN03");
        var responses = given().auth().oauth2(siteUser).get(responseService("/patients/" + upn3 + "/responses")).then()
                .statusCode(200).body("bestResponse.category", equalTo("CRI")).extract().jsonPath();
        List<Map<String, Object>> classified = responses.getList("assessments.classification");
        Map<String, Object> cri = classified.stream().filter(c -> c != null && "CRI".equals(c.get("category")))
                .findFirst().orElseThrow(() -> new AssertionError(classified.toString()));
        // blasts <= 5 % met, platelets > 75 G/L missed: every threshold with the values it was judged on
        assertTrue(((List<?>) cri.get("reasons")).size() >= 3, cri.toString());
        assertEquals(Boolean.TRUE, cri.get("mrdNegative"), cri.toString());
    }

    @Test
    void tableTwoToxicities() {
        ValidatableResponse table = given().auth().oauth2(siteUser).get(patientService("/cohort/toxicities")).then()
                .statusCode(200);
        // term: HMA any/>=3, chemotherapy any/>=3, venetoclax alone any/>=3, total any/>=3
        Map<String, int[]> rows = Map.of(
                "Neutrophil count decreased", new int[] { 2, 1, 3, 2, 1, 1, 6, 4 },
                "Febrile neutropenia", new int[] { 0, 0, 4, 2, 1, 0, 5, 2 },
                "Nausea", new int[] { 1, 0, 4, 0, 0, 0, 5, 0 },
                "Anemia", new int[] { 1, 0, 3, 1, 0, 0, 4, 1 },
                "Platelet count decreased", new int[] { 1, 0, 3, 1, 0, 0, 4, 1 },
                "Diarrhea", new int[] { 1, 1, 2, 0, 0, 0, 3, 1 },
                "Sepsis", new int[] { 0, 0, 3, 3, 0, 0, 3, 3 },
                "Fatigue", new int[] { 1, 0, 0, 0, 1, 0, 2, 0 },
                "Myalgia", new int[] { 1, 0, 1, 0, 0, 0, 2, 0 });
        table.body("rows", hasSize(rows.size()));
        rows.forEach((term, n) -> {
            String row = "rows.find { it.term == '" + term + "' }.";
            table.body(row + "byRegimen.VEN_HMA.anyGrade", equalTo(n[0]))
                    .body(row + "byRegimen.VEN_HMA.grade3Plus", equalTo(n[1]))
                    .body(row + "byRegimen.VEN_CHEMO.anyGrade", equalTo(n[2]))
                    .body(row + "byRegimen.VEN_CHEMO.grade3Plus", equalTo(n[3]))
                    .body(row + "byRegimen.VEN_MONO.anyGrade", equalTo(n[4]))
                    .body(row + "byRegimen.VEN_MONO.grade3Plus", equalTo(n[5]))
                    .body(row + "anyGradeTotal", equalTo(n[6]))
                    .body(row + "grade3PlusTotal", equalTo(n[7]));
        });
        table.body("seriousPerRegimen.VEN_HMA", equalTo(1)).body("seriousPerRegimen.VEN_CHEMO", equalTo(3))
                .body("seriousTotal", equalTo(4));
    }

    @Test
    void tableFourWithTheVoriconazoleInteractionAndItsAlert() {
        ValidatableResponse table = given().auth().oauth2(siteUser).get(pkService("/monitoring")).then().statusCode(200);
        table.body("byDoseBasis.AGE.troughNgPerMl", containsInAnyOrder(342.0, 163.0))
                .body("byDoseBasis.AGE.doseNormalised", containsInAnyOrder(closeTo(2.28, 0.005), closeTo(1.09, 0.005)))
                .body("all.n", equalTo(8));
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(table.extract().jsonPath().getList("byDoseBasis.AGE"));
        rows.addAll(table.extract().jsonPath().getList("byDoseBasis.WEIGHT"));
        // Table 4: concentration / dose; 3681 / 100 is 36.8, which the paper prints as 36
        Map<Double, Double> perMg = Map.of(342.0, 342 / 150.0, 163.0, 163 / 150.0, 314.0, 314 / 250.0,
                227.0, 227 / 250.0, 214.0, 214 / 400.0, 7215.0, 7215 / 200.0, 3681.0, 3681 / 100.0, 439.0, 439 / 800.0);
        assertEquals(perMg.keySet(), rows.stream().map(r -> (Double) r.get("troughNgPerMl")).collect(
                java.util.stream.Collectors.toSet()));
        for (Map<String, Object> row : rows) {
            double trough = (Double) row.get("troughNgPerMl");
            // the service rounds to two decimals
            assertEquals(perMg.get(trough), (Double) row.get("doseNormalised"), 0.005 + 1e-9, row.toString());
            boolean voriconazole = trough == 7215 || trough == 3681;
            assertEquals(voriconazole, ((List<?>) row.get("flags")).contains("INTERACTION_SUSPECTED"), row.toString());
            assertEquals(voriconazole, row.get("upn").equals("UPN10"), row.toString());
        }
        String upn10 = patientId("UPN10");
        given().auth().oauth2(siteUser).get(pkService("/alerts")).then().statusCode(200)
                .body("items.patientId", everyItem(equalTo(upn10)))
                .body("items.flags.flatten()", hasItem("INTERACTION_SUSPECTED"))
                .body("items.sampleId", hasSize(2));
    }

    @Test
    void oneYearOverallAndEventFreeSurvivalAsInThePaper() {
        // R: summary(survfit(Surv(os, dead) ~ 1), times = 365) and the same for EFS (failures at day 0, ELN)
        given().auth().oauth2(siteUser).queryParam("times", 365).get(survival("/kaplan-meier")).then().statusCode(200)
                .body("groups[0].n", equalTo(12))
                .body("groups[0].events", equalTo(11))
                .body("groups[0].atTimes.surv[0]", closeTo(0.5, 1e-12))
                .body("groups[0].atTimes.lower[0]", closeTo(0.283954845665321, 1e-9))
                .body("groups[0].atTimes.upper[0]", closeTo(0.880421672024074, 1e-9));
        given().auth().oauth2(siteUser).queryParam("times", 365).queryParam("endpoint", "EFS")
                .get(survival("/kaplan-meier")).then().statusCode(200)
                .body("groups[0].atTimes.surv[0]", closeTo(0.25, 1e-12))
                .body("groups[0].atTimes.lower[0]", closeTo(0.0938294643532942, 1e-9))
                .body("groups[0].atTimes.upper[0]", closeTo(0.666102065388224, 1e-9));
    }

    @Test
    void medianFollowUpNearElevenMonthsWithItsRange() {
        // the paper: "median follow-up of the whole cohort was 11 months (4-42 months)": the median of the 12
        // follow-up times, (250 + 393) / 2 days; the shortest 114 days (3.75 months), the longest 1254 days
        given().auth().oauth2(siteUser).queryParam("unit", "months").get(survival("/follow-up")).then().statusCode(200)
                .body("n", equalTo(12))
                .body("observedMedian", closeTo(321.5 / DAYS_PER_MONTH, 1e-9))
                .body("min", closeTo(114 / DAYS_PER_MONTH, 1e-9))
                .body("max", closeTo(1254 / DAYS_PER_MONTH, 1e-9));
    }

    @Test
    void theFiguresShowTheTwelvePatients() throws Exception {
        List<String> swimmer = svgTexts(survival("/swimmer.svg"));
        for (int upn = 1; upn <= 12; upn++) {
            String name = String.format("UPN%02d", upn);
            assertTrue(swimmer.contains(name), name + " in " + swimmer);
        }
        List<String> km = svgTexts(survival("/kaplan-meier.svg?endpoint=OS"));
        assertTrue(km.contains("12"), "12 at risk at day 0 in " + km);
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() throws Exception {
        DemoLoader.Result again = new DemoLoader(stack::serviceUrl,
                roleAndSites -> stack.token(roleAndSites.get(0), roleAndSites.subList(1, roleAndSites.size()).toArray(String[]::new)))
                .load(stack.options().repositoryRoot().resolve("demo/cousson-2025"));
        assertEquals(0, again.posted());
        // the site, 12 patients and every record of theirs
        assertTrue(again.alreadyPresent() > 100, again.toString());
        given().auth().oauth2(siteUser).get(patientService("/patients")).then().body("total", equalTo(12));
        given().auth().oauth2(siteUser).get(pkService("/monitoring")).then().body("all.n", equalTo(8));
    }

    @Test
    void sdtmShapedExportOfTheCohortFromOneUrl() throws Exception {
        String statistician = stack.token("statistician");
        List<String> dm = sdtm(statistician, "/export/sdtm/DM");
        assertEquals(13, dm.size(), "a header and the 12 patients");
        assertTrue(dm.get(0).startsWith("STUDYID,DOMAIN,USUBJID,SUBJID,RFSTDTC,"), dm.get(0));
        assertTrue(dm.contains("VENTRACK,DM,VENTRACK-FR-RDB-UPN03,UPN03,2020-09-07,2024-02-13,2020-09-07,2020-10-04,,,FR-RDB,"
                + "2015-09-08,4,YEARS,F,VEN_HMA,Venetoclax with a hypomethylating agent,VEN_HMA,"
                + "Venetoclax with a hypomethylating agent,,FRA"), String.join("\n", dm));
        assertEquals(11, dm.stream().filter(row -> row.contains(",Y,FR-RDB,")).count(), "11 of 12 died");
        // RS and PC come from response- and pk-service, through patient-service with the caller's token
        List<String> rs = sdtm(siteUser, "/export/sdtm/RS");
        assertTrue(rs.contains("VENTRACK,RS,VENTRACK-FR-RDB-UPN03,1,OVRLRESP,Overall Response,COUSSON_2025,CRi,CRi,"
                + "VENTRACK ALGORITHM,Y,1,CYCLE 1,2020-10-05,29"), String.join("\n", rs));
        assertTrue(rs.contains("VENTRACK,RS,VENTRACK-FR-RDB-UPN03,2,BESTRSP,Best Overall Response,COUSSON_2025,CRi,CRi,"
                + "VENTRACK ALGORITHM,Y,,,2020-10-05,29"), String.join("\n", rs));
        // the paper's best responses: 3 CR, 1 CRi, 1 PR among the 12
        Map<String, Long> best = rs.stream().filter(row -> row.contains(",BESTRSP,") && row.contains(",COUSSON_2025,"))
                .collect(java.util.stream.Collectors.groupingBy(row -> row.split(",")[8], java.util.stream.Collectors.counting()));
        assertEquals(3L, best.get("CR"), best.toString());
        assertEquals(1L, best.get("CRi"), best.toString());
        assertEquals(1L, best.get("PR"), best.toString());
        List<String> pc = sdtm(siteUser, "/export/sdtm/PC");
        assertEquals(9, pc.size(), "a header and Table 4's 8 samples");
        assertEquals(List.of("3681", "7215"), pc.stream().filter(row -> row.contains("-UPN10,"))
                .map(row -> row.split(",")[9]).sorted().toList());
        assertEquals(1, sdtm(siteUser, "/export/sdtm/AE?site=DE-OTHER").size(), "another site: the header only");

        byte[] zip = given().auth().oauth2(siteUser).get(patientService("/export/sdtm.zip")).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, String> entries = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("README.txt", "ae.csv", "cm.csv", "dm.csv", "ex.csv", "pc.csv", "rs.csv"),
                List.copyOf(entries.keySet()));
        assertEquals(String.join("\r\n", pc) + "\r\n", entries.get("pc.csv"));
        assertEquals(String.join("\r\n", rs) + "\r\n", entries.get("rs.csv"));
        assertTrue(entries.get("README.txt").contains("not a certified SDTM submission package"));
        assertTrue(entries.get("README.txt").contains("PCSTRESN"));
    }

    private static List<String> sdtm(String token, String path) {
        return List.of(given().auth().oauth2(token).get(patientService(path)).then().statusCode(200)
                .contentType("text/csv").extract().asString().split("\r\n"));
    }

    private static String patientId(String upn) {
        return given().auth().oauth2(siteUser).queryParam("size", 200).get(patientService("/patients")).then()
                .statusCode(200).extract().path("items.find { it.upn == '" + upn + "' }.id");
    }

    private static List<String> svgTexts(String url) throws Exception {
        byte[] svg = given().auth().oauth2(siteUser).get(url).then().statusCode(200)
                .contentType("image/svg+xml").extract().asByteArray();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList texts = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg))
                .getElementsByTagNameNS("*", "text");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            contents.add(texts.item(i).getTextContent().strip());
        }
        assertTrue(contents.size() > 0, new String(svg, StandardCharsets.UTF_8));
        return contents;
    }
}
