package org.ventrack.patient.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CtcaeTermsTest {

    private final CtcaeTerms terms = CtcaeTerms.v5();

    @Test
    void knowsTheTermsOfThePaperAndOfPaediatricAmlTherapy() {
        for (String term : List.of("Anemia", "Platelet count decreased", "Neutrophil count decreased",
                "White blood cell decreased", "Febrile neutropenia", "Nausea", "Vomiting", "Diarrhea",
                "Mucositis oral", "Sepsis", "Lung infection", "Fatigue", "Myalgia", "Bone pain", "Arthralgia",
                "Pain in extremity", "Tumor lysis syndrome", "Alanine aminotransferase increased",
                "Blood bilirubin increased", "Hypokalemia", "Fever", "Headache", "Rash maculo-papular")) {
            assertTrue(terms.isKnown(term), term);
            assertEquals(Optional.of(term), terms.canonical(term), term);
        }
        assertTrue(terms.all().size() >= 150, "terms: " + terms.all().size());
    }

    @Test
    void lookupIgnoresCaseAndSpacingAndAnswersInNciSpelling() {
        assertEquals(Optional.of("Febrile neutropenia"), terms.canonical("FEBRILE NEUTROPENIA"));
        assertEquals(Optional.of("Rash maculo-papular"), terms.canonical("  rash   Maculo-Papular "));
        assertEquals(Optional.of("CPK increased"), terms.canonical("cpk increased"));
        assertTrue(terms.isKnown("tumor LYSIS syndrome"));
    }

    @Test
    void givesTheSystemOrganClass() {
        assertEquals(Optional.of("Blood and lymphatic system disorders"), terms.systemOrganClass("anemia"));
        assertEquals(Optional.of("Investigations"), terms.systemOrganClass("Platelet count decreased"));
        assertEquals(Optional.of("Infections and infestations"), terms.systemOrganClass("Sepsis"));
        assertEquals(Optional.of("Metabolism and nutrition disorders"),
                terms.systemOrganClass("Tumor lysis syndrome"));
        assertEquals(Optional.of("Musculoskeletal and connective tissue disorders"),
                terms.systemOrganClass("Myalgia"));
    }

    @Test
    void termsCtcaeDoesNotHaveAreUnknown() {
        for (String term : List.of("Pancytopenia", "Thrombocytopenia", "Neutropenia", "Anaemia",
                "Musculoskeletal pain", "Pneumonia", "")) {
            assertFalse(terms.isKnown(term), term);
            assertEquals(Optional.empty(), terms.canonical(term), term);
            assertEquals(Optional.empty(), terms.systemOrganClass(term), term);
        }
        assertFalse(terms.isKnown(null));
    }

    @Test
    void theFileHasNoDuplicateTermsAndEveryOtherSpecifyTermMatchesItsClass() throws IOException {
        Set<String> seen = new HashSet<>();
        int rows = 0;
        try (InputStream in = CtcaeTerms.class.getResourceAsStream(CtcaeTerms.RESOURCE)) {
            assertNotNull(in, CtcaeTerms.RESOURCE);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    assertEquals("term\tsoc", line);
                    header = false;
                    continue;
                }
                String[] columns = line.split("\t", -1);
                assertEquals(2, columns.length, line);
                assertEquals(columns[0].strip(), columns[0], "no stray spaces: " + line);
                assertTrue(seen.add(columns[0].toLowerCase(Locale.ROOT)), "duplicate term: " + columns[0]);
                if (columns[0].endsWith(" - Other, specify")) {
                    assertEquals(columns[1] + " - Other, specify", columns[0]);
                }
                rows++;
            }
        }
        assertEquals(rows, terms.all().size());
    }

    @Test
    void parseRejectsDuplicatesMalformedLinesAndMissingHeader() {
        assertThrows(IllegalStateException.class, () -> CtcaeTerms.parse(
                new StringReader("term\tsoc\nNausea\tGastrointestinal disorders\nnausea\tGastrointestinal disorders\n"),
                "dup"));
        assertThrows(IllegalStateException.class,
                () -> CtcaeTerms.parse(new StringReader("term\tsoc\nNausea\n"), "short"));
        assertThrows(IllegalStateException.class,
                () -> CtcaeTerms.parse(new StringReader("# only a comment\nNausea\tGastrointestinal disorders\n"),
                        "no header"));
    }

    @Test
    void parseReadsCommentsHeaderAndTerms() throws IOException {
        CtcaeTerms parsed = CtcaeTerms.parse(new StringReader(
                "# comment\n\nterm\tsoc\n# Gastrointestinal\nNausea\tGastrointestinal disorders\n"), "small");
        assertEquals(List.of("Nausea"), parsed.all());
        assertEquals(Optional.of("Gastrointestinal disorders"), parsed.systemOrganClass("NAUSEA"));
    }
}
