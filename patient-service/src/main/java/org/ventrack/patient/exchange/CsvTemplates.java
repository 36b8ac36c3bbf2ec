package org.ventrack.patient.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ventrack.patient.domain.Attribution;
import org.ventrack.patient.domain.ClinicalEventKind;
import org.ventrack.patient.domain.Conditioning;
import org.ventrack.patient.domain.DeathCause;
import org.ventrack.patient.domain.Diagnosis;
import org.ventrack.patient.domain.DonorType;
import org.ventrack.patient.domain.DoseBasis;
import org.ventrack.patient.domain.GeneticKind;
import org.ventrack.patient.domain.Regimen;
import org.ventrack.platform.events.patient.Sex;

/**
 * The CSV templates, one per record type: every row names its patient by {@code siteCode} and {@code upn} and carries
 * one record, whose columns are the fields of the owning service's POST body. A cell becomes a JSON value of the
 * column's kind; an empty cell is an absent value. Lists are separated by {@code |}; genetic alterations are written
 * {@code KIND:label}, e.g. {@code REARRANGEMENT:KMT2A t(9;11)|MUTATION:NPM1}.
 */
public final class CsvTemplates {

    /** How a cell is read. */
    public enum Kind {
        TEXT("text"), DATE("date YYYY-MM-DD"), DATE_TIME("date-time YYYY-MM-DDThh:mm"), INTEGER("integer"),
        DECIMAL("decimal number"), BOOLEAN("true or false"), ENUM("one of the allowed values"),
        TEXT_LIST("texts separated by |"), GENETIC_LIST("KIND:label items separated by |");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One column: its name (the JSON field), kind, whether it is required, unit and allowed values. */
    public record Column(String name, Kind kind, boolean required, String unit, List<String> allowed, String description) {
    }

    /** A template: its name in URLs ({@code ?type=}), the document section its rows fill and its columns. */
    public record Template(String type, Section section, List<Column> columns) {

        public List<String> header() {
            return columns.stream().map(Column::name).toList();
        }

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /** The downloadable template: the header line and one example row. */
        public String csv() {
            return String.join(",", header()) + "\r\n" + EXAMPLES.get(type) + "\r\n";
        }
    }

    private static final Column SITE = new Column("siteCode", Kind.TEXT, true, null, List.of(), "the patient's site code");
    private static final Column UPN = new Column("upn", Kind.TEXT, true, null, List.of(),
            "the patient's study number within the site (1-32 letters, digits, '.', '_' or '-')");

    public static final List<Template> ALL = List.of(
            new Template("patients", Section.PATIENT, List.of(SITE, UPN,
                    col("sex", Kind.ENUM, true, null, names(Sex.values()), "sex"),
                    col("birthDate", Kind.DATE, true, null, List.of(), "date of birth"),
                    col("diagnosis", Kind.ENUM, true, null, names(Diagnosis.values()), "diagnosis at inclusion"),
                    col("diagnosisDate", Kind.DATE, false, null, List.of(), "date of the diagnosis"),
                    col("priorRelapses", Kind.INTEGER, false, "relapses", List.of(), "relapses before venetoclax, 0-10 (empty: 0)"),
                    col("priorLines", Kind.INTEGER, false, "lines", List.of(), "treatment lines before venetoclax, 0-20"),
                    col("priorHsct", Kind.BOOLEAN, false, null, List.of(), "an HSCT before venetoclax (empty: false)"),
                    col("priorHsctDate", Kind.DATE, false, null, List.of(), "date of that HSCT"),
                    col("cnsStatus", Kind.INTEGER, false, null, List.of("1", "2", "3"), "CNS status 1-3"),
                    col("extramedullarySites", Kind.TEXT_LIST, false, null, List.of(), "extramedullary sites, e.g. CNS|skin"),
                    col("geneticAlterations", Kind.GENETIC_LIST, false, null, names(GeneticKind.values()),
                            "findings as KIND:label, e.g. REARRANGEMENT:KMT2A t(9;11)|MUTATION:NPM1"))),
            new Template("measurements", Section.MEASUREMENTS, List.of(SITE, UPN,
                    col("measuredOn", Kind.DATE, true, null, List.of(), "date of the measurement"),
                    col("weightKg", Kind.DECIMAL, true, "kg", List.of(), "weight, above 0 and at most 250"),
                    col("heightCm", Kind.DECIMAL, true, "cm", List.of(), "height, 30-230"))),
            new Template("comedications", Section.COMEDICATIONS, List.of(SITE, UPN,
                    col("drug", Kind.TEXT, true, null, List.of(), "drug name (INN), at most 60 characters; CYP3A class derived"),
                    col("startDate", Kind.DATE, true, null, List.of(), "first day"),
                    col("endDate", Kind.DATE, false, null, List.of(), "last day, if ended"))),
            new Template("treatment-courses", Section.TREATMENT_COURSES, List.of(SITE, UPN,
                    col("startDate", Kind.DATE, true, null, List.of(), "first day of venetoclax in this course"),
                    col("regimen", Kind.ENUM, true, null, names(Regimen.values()), "venetoclax regimen"),
                    col("partnerAgents", Kind.TEXT_LIST, false, null, List.of(), "partner agents, e.g. azacitidine"),
                    col("cycleLengthDays", Kind.INTEGER, true, "days", List.of(), "cycle length, 1-56"),
                    col("activeDays", Kind.INTEGER, true, "days", List.of(), "venetoclax days per cycle, at most the cycle length"),
                    col("doseBasis", Kind.ENUM, true, null, names(DoseBasis.values()), "what the dose is based on"),
                    col("dailyDoseMg", Kind.DECIMAL, true, "mg/day", List.of(), "daily venetoclax dose, above 0 and at most 1200"),
                    col("rampUp", Kind.BOOLEAN, false, null, List.of(), "dose ramp-up in the first cycle (empty: false)"),
                    col("cyclesGiven", Kind.DECIMAL, false, "cycles", List.of(), "cycles given, 0-100"),
                    col("endDate", Kind.DATE, false, null, List.of(), "last day of the course"),
                    col("endReason", Kind.TEXT, false, null, List.of(), "why it ended, at most 200 characters"))),
            new Template("assessments", Section.ASSESSMENTS, List.of(SITE, UPN,
                    col("assessmentDate", Kind.DATE, true, null, List.of(), "date of the marrow/blood assessment"),
                    col("baseline", Kind.BOOLEAN, false, null, List.of(), "the pre-venetoclax marrow (empty: false)"),
                    col("cycle", Kind.INTEGER, false, null, List.of(), "cycle it ends, 1-100"),
                    col("blastPercent", Kind.DECIMAL, false, "%", List.of(), "marrow blasts, 0-100"),
                    col("circulatingBlasts", Kind.BOOLEAN, false, null, List.of(), "blasts in the blood"),
                    col("extramedullaryDisease", Kind.BOOLEAN, false, null, List.of(), "extramedullary disease present"),
                    col("extramedullarySites", Kind.TEXT_LIST, false, null, List.of(), "its sites"),
                    col("platelets", Kind.DECIMAL, false, "G/L", List.of(), "platelet count, 0-5000"),
                    col("anc", Kind.DECIMAL, false, "G/L", List.of(), "absolute neutrophil count, 0-500"),
                    col("transfusionDependent", Kind.BOOLEAN, false, null, List.of(), "transfusion dependent"),
                    col("cellularityPercent", Kind.DECIMAL, false, "%", List.of(), "marrow cellularity, 0-100"),
                    col("cellsCounted", Kind.INTEGER, false, "cells", List.of(), "cells counted, 0-100000"),
                    col("mrdStatus", Kind.ENUM, false, null, List.of("NEGATIVE", "POSITIVE"), "MRD by flow cytometry"),
                    col("mrdLevelPercent", Kind.DECIMAL, false, "%", List.of(), "MRD level, 0-100"))),
            new Template("pk-samples", Section.PK_SAMPLES, List.of(SITE, UPN,
                    col("sampledAt", Kind.DATE_TIME, true, null, List.of(), "time the sample was drawn (local time)"),
                    col("lastDoseAt", Kind.DATE_TIME, false, null, List.of(), "time of the last venetoclax dose before it"),
                    col("dailyDoseMg", Kind.DECIMAL, true, "mg/day", List.of(), "daily venetoclax dose at the time, above 0 and at most 1200"),
                    col("concentrationNgPerMl", Kind.DECIMAL, false, "ng/mL", List.of(), "venetoclax plasma concentration, 0-100000; required unless belowLloq"),
                    col("lloqNgPerMl", Kind.DECIMAL, false, "ng/mL", List.of(), "lower limit of quantification of the assay"),
                    col("belowLloq", Kind.BOOLEAN, false, null, List.of(), "below the LLOQ (empty: false)"),
                    col("kind", Kind.ENUM, true, null, List.of("TROUGH", "PEAK", "OTHER"), "when in the dosing interval"))),
            new Template("adverse-events", Section.ADVERSE_EVENTS, List.of(SITE, UPN,
                    col("term", Kind.TEXT, true, null, List.of(), "CTCAE v5.0 term, see GET /api/v1/reference/ctcae-terms"),
                    col("grade", Kind.INTEGER, true, null, List.of("1", "2", "3", "4", "5"), "CTCAE grade"),
                    col("onsetDate", Kind.DATE, true, null, List.of(), "date of onset"),
                    col("serious", Kind.BOOLEAN, false, null, List.of(), "serious adverse event (empty: false)"),
                    col("attribution", Kind.ENUM, true, null, names(Attribution.values()), "relation to venetoclax"))),
            new Template("clinical-events", Section.CLINICAL_EVENTS, List.of(SITE, UPN,
                    col("kind", Kind.ENUM, true, null, names(ClinicalEventKind.values()), "the event"),
                    col("date", Kind.DATE, true, null, List.of(), "its date"),
                    col("hsctDonor", Kind.ENUM, false, null, names(DonorType.values()), "for an HSCT only: the donor"),
                    col("hsctConditioning", Kind.ENUM, false, null, names(Conditioning.values()), "for an HSCT only: the conditioning"),
                    col("deathCause", Kind.ENUM, false, null, names(DeathCause.values()), "for a death only: its cause"))));

    private static final java.util.Map<String, String> EXAMPLES = java.util.Map.of(
            "patients", "FR-RDB,UPN10,MALE,2011-05-02,RELAPSED_AML,2021-01-07,1,3,true,2021-10-14,1,,",
            "measurements", "FR-RDB,UPN10,2022-05-01,20,125",
            "comedications", "FR-RDB,UPN10,voriconazole,2022-04-25,",
            "treatment-courses", "FR-RDB,UPN10,2022-05-02,VEN_HMA,azacitidine,28,21,WEIGHT,200,true,1,2022-05-29,dose reduced",
            "assessments", "FR-RDB,UPN10,2022-04-29,true,,35,true,false,,35,0.3,,,,,",
            "pk-samples", "FR-RDB,UPN10,2022-05-12T08:00,2022-05-11T08:00,200,7215,5,false,TROUGH",
            "adverse-events", "FR-RDB,UPN10,Anemia,2,2022-05-16,false,POSSIBLE",
            "clinical-events", "FR-RDB,UPN10,PROGRESSION,2022-07-24,,,");

    private CsvTemplates() {
    }

    public static Optional<Template> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    public static List<String> types() {
        return ALL.stream().map(Template::type).toList();
    }

    /** A cell that cannot be read as its column's kind. */
    static final class CellException extends RuntimeException {
        final String column;

        CellException(String column, String message) {
            super(message);
            this.column = column;
        }
    }

    /** Writes {@code value} into {@code target} as the column's kind; empty cells are left out. */
    static void put(ObjectNode target, Column column, String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            if (column.required()) {
                throw new CellException(column.name(), "is required");
            }
            return;
        }
        String name = column.name();
        try {
            switch (column.kind()) {
                case TEXT -> target.put(name, v);
                case DATE -> target.put(name, LocalDate.parse(v).toString());
                case DATE_TIME -> target.put(name, LocalDateTime.parse(v).toString());
                case INTEGER -> {
                    int number = Integer.parseInt(v);
                    if (!column.allowed().isEmpty() && !column.allowed().contains(Integer.toString(number))) {
                        throw new CellException(name, "must be one of " + column.allowed());
                    }
                    target.put(name, number);
                }
                case DECIMAL -> target.put(name, new BigDecimal(v));
                case BOOLEAN -> {
                    String b = v.toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) {
                        throw new CellException(name, "must be true or false, not '" + v + "'");
                    }
                    target.put(name, Boolean.parseBoolean(b));
                }
                case ENUM -> {
                    if (!column.allowed().contains(v)) {
                        throw new CellException(name, "must be one of " + column.allowed() + ", not '" + v + "'");
                    }
                    target.put(name, v);
                }
                case TEXT_LIST -> {
                    ArrayNode list = target.putArray(name);
                    Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
                }
                case GENETIC_LIST -> {
                    ArrayNode list = target.putArray(name);
                    for (String item : v.split("\\|")) {
                        int colon = item.indexOf(':');
                        String kind = colon < 0 ? "" : item.substring(0, colon).trim();
                        if (!column.allowed().contains(kind)) {
                            throw new CellException(name, "items are KIND:label with KIND one of " + column.allowed()
                                    + ", not '" + item.trim() + "'");
                        }
                        ObjectNode alteration = JsonNodeFactory.instance.objectNode();
                        alteration.put("kind", kind).put("label", item.substring(colon + 1).trim());
                        list.add(alteration);
                    }
                }
                default -> throw new IllegalStateException(column.kind().name());
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new CellException(name, "must be a " + column.kind().description() + ", not '" + v + "'");
        }
    }

    private static Column col(String name, Kind kind, boolean required, String unit, List<String> allowed, String description) {
        return new Column(name, kind, required, unit, allowed, description);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
    }
}
