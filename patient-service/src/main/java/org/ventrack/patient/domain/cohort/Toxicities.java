package org.ventrack.patient.domain.cohort;

import static org.ventrack.patient.domain.cohort.CohortStats.NONE;
import static org.ventrack.patient.domain.cohort.CohortStats.orElse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.ventrack.patient.domain.rules.CtcaeTerms;

/**
 * Adverse events of a cohort by term and regimen: Table 2 of Cousson et al. (Br J Haematol 2025;206:209-214).
 *
 * <p><b>Cells count patients.</b> For each term and regimen, the number of distinct patients with the term at any
 * grade and at grade 3 or higher (grade 5 included), so a patient with two episodes counts once. The totals are
 * distinct patients over all regimens; they equal the sum of the cells unless a patient had the same term under
 * two regimens. Rows: most patients first, ties by term.
 *
 * <p><b>Serious AEs count episodes</b>, not patients, per regimen, as the paper's "Serious AEs" row does (one
 * diarrhoea and three sepsis episodes: 1 + 3 = 4): a patient hospitalised twice counts twice.
 *
 * <p><b>Columns.</b> An event belongs to the regimen recorded at its onset, or else to the patient's regimen, or
 * else to {@code "NONE"}. {@code patientsPerRegimen} counts patients by their own regimen. Every regimen met among
 * patients or events is a key of it, of {@code seriousPerRegimen} and of every row (zero cells included), in the
 * paper's order VEN_HMA, VEN_CHEMO, VEN_MONO, then others alphabetically, then NONE.
 *
 * <p>Events of patients outside the cohort are ignored, so all events may be passed with a filtered cohort. Terms
 * are grouped ignoring case and spacing and shown in NCI's CTCAE spelling when the term is known.
 */
public record Toxicities(Map<String, Integer> patientsPerRegimen, List<TermRow> rows,
        Map<String, Integer> seriousPerRegimen, int seriousTotal) {

    private static final List<String> PAPER_ORDER = List.of("VEN_HMA", "VEN_CHEMO", "VEN_MONO");
    private static final Comparator<String> REGIMEN_ORDER = Comparator
            .comparingInt((String r) -> PAPER_ORDER.contains(r) ? PAPER_ORDER.indexOf(r)
                    : r.equals(NONE) ? PAPER_ORDER.size() + 1 : PAPER_ORDER.size())
            .thenComparing(Comparator.naturalOrder());
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Patients with a term at any grade and at grade >= 3, by regimen. */
    private static final class Tally {
        final String term;
        final Map<String, Set<String>> any = new HashMap<>();
        final Map<String, Set<String>> severe = new HashMap<>();

        Tally(String term) {
            this.term = term;
        }
    }

    /**
     * @throws IllegalArgumentException if a patient id is missing or repeated, or an event of a cohort patient has
     *                                  no term or a grade outside 1-5
     */
    public static Toxicities of(List<CohortPatient> patients, List<CohortAdverseEvent> events) {
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(events, "events");
        CohortStats.requireDistinctIds(patients);

        Map<String, CohortPatient> byId = new HashMap<>();
        Set<String> regimens = new TreeSet<>(REGIMEN_ORDER);
        Map<String, Integer> perRegimen = new HashMap<>();
        for (CohortPatient p : patients) {
            byId.put(p.patientId(), p);
            String regimen = orElse(p.regimen(), NONE);
            regimens.add(regimen);
            perRegimen.merge(regimen, 1, Integer::sum);
        }

        Map<String, Tally> byTerm = new HashMap<>();
        Map<String, Integer> serious = new HashMap<>();
        int seriousTotal = 0;
        for (CohortAdverseEvent e : events) {
            CohortPatient patient = byId.get(e.patientId());
            if (patient == null) {
                continue;
            }
            if (e.term() == null || e.term().isBlank()) {
                throw new IllegalArgumentException("patient " + e.patientId() + ": adverse event without a term");
            }
            if (e.grade() < 1 || e.grade() > 5) {
                throw new IllegalArgumentException("patient " + e.patientId() + ": " + e.term() + " has grade "
                        + e.grade() + ", CTCAE grades are 1 to 5");
            }
            String regimen = orElse(e.regimen(), orElse(patient.regimen(), NONE));
            regimens.add(regimen);
            String term = CtcaeTerms.v5().canonical(e.term()).orElse(e.term().strip());
            Tally tally = byTerm.computeIfAbsent(key(term), k -> new Tally(term));
            tally.any.computeIfAbsent(regimen, r -> new HashSet<>()).add(e.patientId());
            if (e.grade() >= 3) {
                tally.severe.computeIfAbsent(regimen, r -> new HashSet<>()).add(e.patientId());
            }
            if (e.serious()) {
                serious.merge(regimen, 1, Integer::sum);
                seriousTotal++;
            }
        }

        List<TermRow> rows = new ArrayList<>();
        for (Tally tally : byTerm.values()) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String regimen : regimens) {
                cells.put(regimen, new Cell(size(tally.any.get(regimen)), size(tally.severe.get(regimen))));
            }
            rows.add(new TermRow(tally.term, Collections.unmodifiableMap(cells),
                    union(tally.any).size(), union(tally.severe).size()));
        }
        rows.sort(Comparator.comparingInt(TermRow::anyGradeTotal).reversed()
                .thenComparing(TermRow::term, CohortStats.BY_VALUE));

        return new Toxicities(inOrder(regimens, perRegimen), List.copyOf(rows), inOrder(regimens, serious),
                seriousTotal);
    }

    private static Map<String, Integer> inOrder(Set<String> regimens, Map<String, Integer> counts) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        regimens.forEach(r -> ordered.put(r, counts.getOrDefault(r, 0)));
        return Collections.unmodifiableMap(ordered);
    }

    private static int size(Set<String> patients) {
        return patients == null ? 0 : patients.size();
    }

    private static Set<String> union(Map<String, Set<String>> byRegimen) {
        Set<String> all = new HashSet<>();
        byRegimen.values().forEach(all::addAll);
        return all;
    }

    private static String key(String term) {
        return SPACES.matcher(term.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
