package org.ventrack.patient.domain.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The paper's 12 patients as the cohort tables see them, read from the repository's demo data set
 * ({@code demo/cousson-2025}, the one data set the local stack's {@code --demo} and the end-to-end test post through
 * the APIs; its README lists the choices made where the paper contradicts itself). Ids are the UPNs.
 */
final class PaperCohort {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PaperCohort() {
    }

    static List<CohortPatient> patients() {
        return files().stream().map(PaperCohort::patient).toList();
    }

    /** Table 2: every adverse event with the regimen of the patient's course. */
    static List<CohortAdverseEvent> adverseEvents() {
        List<CohortAdverseEvent> events = new ArrayList<>();
        for (JsonNode file : files()) {
            CohortPatient p = patient(file);
            file.path("adverseEvents").forEach(e -> events.add(new CohortAdverseEvent(p.patientId(), p.regimen(),
                    e.path("term").asText(), e.path("grade").asInt(), e.path("serious").asBoolean())));
        }
        return events;
    }

    /** The blasts of each patient's baseline marrow, as posted to response-service. */
    static List<BigDecimal> baselineBlasts() {
        List<BigDecimal> blasts = new ArrayList<>();
        for (JsonNode file : files()) {
            file.path("assessments").forEach(a -> {
                if (a.path("baseline").asBoolean()) {
                    blasts.add(a.path("blastPercent").decimalValue());
                }
            });
        }
        return blasts;
    }

    private static CohortPatient patient(JsonNode file) {
        JsonNode p = file.path("patient");
        JsonNode courses = file.path("treatmentCourses");
        BigDecimal cycles = BigDecimal.ZERO;
        for (JsonNode course : courses) {
            cycles = cycles.add(course.path("cyclesGiven").decimalValue());
        }
        List<String> genetics = new ArrayList<>();
        p.path("geneticAlterations").forEach(g -> genetics.add(g.path("label").asText()));
        return new CohortPatient(p.path("upn").asText(), p.path("siteCode").asText(), p.path("sex").asText(),
                LocalDate.parse(p.path("birthDate").asText()), p.path("diagnosis").asText(),
                p.path("priorRelapses").asInt(), p.path("priorLines").asInt(), p.path("priorHsct").asBoolean(),
                p.path("cnsStatus").asInt(), genetics, LocalDate.parse(courses.get(0).path("startDate").asText()),
                courses.get(0).path("regimen").asText(), cycles);
    }

    private static List<JsonNode> files() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("demo/cousson-2025"))) {
            directory = directory.getParent();
            if (directory == null) {
                throw new IllegalStateException("demo/cousson-2025 not found above " + Path.of("").toAbsolutePath());
            }
        }
        try (Stream<Path> listing = Files.list(directory.resolve("demo/cousson-2025"))) {
            List<JsonNode> files = new ArrayList<>();
            for (Path file : listing.filter(f -> f.getFileName().toString().startsWith("UPN")).sorted().toList()) {
                files.add(JSON.readTree(file.toFile()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CohortPatient patient(String id, String sex, String birth, String start, String diagnosis, int relapses,
            Integer lines, boolean hsct, Integer cns, String regimen, String cycles, String... genetics) {
        return new CohortPatient(id, "FR-RDB", sex, LocalDate.parse(birth), diagnosis, relapses, lines, hsct, cns,
                List.of(genetics), start == null ? null : LocalDate.parse(start), regimen,
                cycles == null ? null : new BigDecimal(cycles));
    }

    static CohortAdverseEvent ae(String patientId, String regimen, String term, int grade, boolean serious) {
        return new CohortAdverseEvent(patientId, regimen, term, grade, serious);
    }
}
