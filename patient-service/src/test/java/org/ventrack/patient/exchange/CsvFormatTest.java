package org.ventrack.patient.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ventrack.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;

/** CSV parsing and the mapping of template rows to patient documents, without Quarkus. */
class CsvFormatTest {

    private final CsvFormat csv = new CsvFormat();

    private List<ImportRow> rows(String text, String type) {
        List<ImportRow> rows = new ArrayList<>();
        csv.rows(text, type).forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void parsesQuotedFieldsWithCommasQuotesAndLineBreaks() {
        CsvParser parser = new CsvParser("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n");
        assertEquals(List.of("a", "b", "c"), parser.next().cells());
        CsvParser.Row second = parser.next();
        assertEquals(2, second.line());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), second.cells());
        CsvParser.Row third = parser.next();
        assertEquals(5, third.line(), "the quoted line break and the blank line count");
        assertEquals(List.of("last", "", ""), third.cells());
        assertNull(parser.next());
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItOpens() {
        CsvParser parser = new CsvParser("a,b\n1,\"open\n2,3\n");
        parser.next();
        CsvParser.UnclosedQuote e = assertThrows(CsvParser.UnclosedQuote.class, parser::next);
        assertEquals(2, e.line);
    }

    @Test
    void mapsAPatientRowToARegistration() {
        List<ImportRow> rows = rows("upn,siteCode,sex,birthDate,diagnosis,priorHsct,extramedullarySites,geneticAlterations\n"
                + "P1,FR-X,MALE,2014-02-02,RELAPSED_AML,TRUE,CNS|skin,REARRANGEMENT:KMT2A t(9;11)\n", "patients");
        assertEquals(1, rows.size());
        JsonNode patient = rows.get(0).document().patient();
        assertEquals("FR-X", patient.get("siteCode").asText());
        assertTrue(patient.get("priorHsct").asBoolean());
        assertEquals(2, patient.get("extramedullarySites").size());
        assertEquals("KMT2A t(9;11)", patient.get("geneticAlterations").get(0).get("label").asText());
        assertFalse(rows.get(0).document().patientIsReference());
    }

    @Test
    void mapsARecordRowToAReferenceAndOneRecord() {
        List<ImportRow> rows = rows("siteCode,upn,sampledAt,dailyDoseMg,concentrationNgPerMl,kind\n"
                + "FR-X,P1,2022-05-12T08:00,200,7215.5,TROUGH\n", "pk-samples");
        PatientDocument doc = rows.get(0).document();
        assertTrue(doc.patientIsReference());
        JsonNode sample = doc.records(Section.PK_SAMPLES).get(0);
        assertEquals("2022-05-12T08:00", sample.get("sampledAt").asText());
        assertEquals(7215.5, sample.get("concentrationNgPerMl").asDouble());
        assertFalse(sample.has("lastDoseAt"), "an empty or absent cell is no value");
    }

    @Test
    void aCellOfTheWrongKindRejectsItsRowNamingTheColumn() {
        List<ImportRow> rows = rows("siteCode,upn,kind,date\nFR-X,P1,DEATH,2024-02-30\nFR-X,P1,EXPLODED,2024-02-01\n"
                + "FR-X,P1,HSCT,\n", "clinical-events");
        assertEquals("date", rows.get(0).field());
        assertEquals(2, rows.get(0).line());
        assertTrue(rows.get(0).problem().contains("date YYYY-MM-DD"));
        assertEquals("kind", rows.get(1).field());
        assertTrue(rows.get(1).problem().contains("LAST_FOLLOW_UP"));
        assertEquals("date", rows.get(2).field());
        assertEquals("is required", rows.get(2).problem());
    }

    @Test
    void refusesHeadersWithUnknownRepeatedOrMissingColumns() {
        assertEquals("header", field(() -> csv.check("siteCode,upn,measuredOn,weightKg,heightCm,bmi\nx\n", "measurements")));
        assertEquals("header", field(() -> csv.check("siteCode,upn,upn,measuredOn,weightKg,heightCm\nx\n", "measurements")));
        assertEquals("header", field(() -> csv.check("FR-X,P1,2024-01-01,20,120\n", "measurements")));
        assertEquals("type", field(() -> csv.check("a\n1\n", "labs")));
        assertEquals("file", field(() -> csv.check("siteCode,upn,measuredOn,weightKg,heightCm\n", "measurements")));
        assertEquals(2, csv.check("siteCode,upn,measuredOn,weightKg,heightCm\na,b,2024-01-01,1,50\na,b,2024-01-02,1,50\n", "measurements"));
    }

    @Test
    void everyTemplateExampleRowReadsWithoutProblems() {
        for (CsvTemplates.Template template : CsvTemplates.ALL) {
            List<ImportRow> rows = rows(template.csv(), template.type());
            assertEquals(1, rows.size(), template.type());
            assertTrue(rows.get(0).readable(), template.type() + ": " + rows.get(0).problem());
        }
    }

    private static String field(Runnable check) {
        ProblemException e = assertThrows(ProblemException.class, check::run);
        return e.problem().errors().get(0).field();
    }
}
