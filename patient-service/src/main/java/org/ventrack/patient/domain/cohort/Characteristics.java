package org.ventrack.patient.domain.cohort;

import static org.ventrack.patient.domain.cohort.CohortStats.NONE;
import static org.ventrack.patient.domain.cohort.CohortStats.UNKNOWN;
import static org.ventrack.patient.domain.cohort.CohortStats.orElse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Patient characteristics of a cohort: Table 1 of Cousson et al. (Br J Haematol 2025;206:209-214).
 *
 * <p>{@code n} is the cohort size and the denominator of every percentage, genetics included. Categorical lists hold
 * only values that occur, most frequent first, ties by value (case-insensitive); CNS status is in order 1, 2, 3.
 * A missing sex, diagnosis or CNS status counts as {@code "UNKNOWN"}; a patient without a regimen counts as
 * {@code "NONE"}; prior HSCT is {@code "YES"}/{@code "NO"}. Genetics count each patient once per distinct label
 * (labels compared exactly, after trimming), so they need not sum to {@code n}.
 *
 * <p>Age is in years at venetoclax start, days / 365.25; patients without a start date or birth date have no age.
 * Summaries give one decimal, rounded after the median of unrounded values is taken.
 */
public record Characteristics(int n, Summary ageAtStartYears, List<Count> sex, List<Count> diagnosis,
        List<Count> genetics, List<Count> cnsStatus, Summary priorLines, List<Count> priorHsct, List<Count> regimen,
        Summary cycles) {

    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");
    /** Scale of unrounded ages: far below the 0.1-year display, so rounding the median is unaffected. */
    private static final int AGE_SCALE = 12;

    private static final Comparator<String> CNS_ORDER = Comparator
            .comparing((String v) -> v.equals(UNKNOWN))
            .thenComparing(v -> v.length())
            .thenComparing(Comparator.naturalOrder());

    /**
     * @throws IllegalArgumentException if a patient id is missing or repeated, or venetoclax starts before birth
     */
    public static Characteristics of(List<CohortPatient> patients) {
        Objects.requireNonNull(patients, "patients");
        CohortStats.requireDistinctIds(patients);
        int n = patients.size();

        List<BigDecimal> ages = new ArrayList<>();
        List<BigDecimal> lines = new ArrayList<>();
        List<BigDecimal> cycles = new ArrayList<>();
        Map<String, Integer> sex = new TreeMap<>();
        Map<String, Integer> diagnosis = new TreeMap<>();
        Map<String, Integer> genetics = new TreeMap<>();
        Map<String, Integer> cns = new TreeMap<>();
        Map<String, Integer> hsct = new TreeMap<>();
        Map<String, Integer> regimen = new TreeMap<>();

        for (CohortPatient p : patients) {
            if (p.birthDate() != null && p.venetoclaxStart() != null) {
                long days = ChronoUnit.DAYS.between(p.birthDate(), p.venetoclaxStart());
                if (days < 0) {
                    throw new IllegalArgumentException("patient " + p.patientId() + ": venetoclax start "
                            + p.venetoclaxStart() + " is before birth date " + p.birthDate());
                }
                ages.add(BigDecimal.valueOf(days).divide(DAYS_PER_YEAR, AGE_SCALE, RoundingMode.HALF_UP));
            }
            if (p.priorLines() != null) {
                lines.add(BigDecimal.valueOf(p.priorLines()));
            }
            if (p.cyclesGiven() != null) {
                cycles.add(p.cyclesGiven());
            }
            sex.merge(orElse(p.sex(), UNKNOWN), 1, Integer::sum);
            diagnosis.merge(orElse(p.diagnosis(), UNKNOWN), 1, Integer::sum);
            distinctLabels(p.geneticLabels()).forEach(label -> genetics.merge(label, 1, Integer::sum));
            cns.merge(p.cnsStatus() == null ? UNKNOWN : p.cnsStatus().toString(), 1, Integer::sum);
            hsct.merge(p.priorHsct() ? "YES" : "NO", 1, Integer::sum);
            regimen.merge(orElse(p.regimen(), NONE), 1, Integer::sum);
        }

        return new Characteristics(n,
                CohortStats.summary(ages),
                CohortStats.counts(sex, n, null),
                CohortStats.counts(diagnosis, n, null),
                CohortStats.counts(genetics, n, null),
                CohortStats.counts(cns, n, CNS_ORDER),
                CohortStats.summary(lines),
                CohortStats.counts(hsct, n, null),
                CohortStats.counts(regimen, n, null),
                CohortStats.summary(cycles));
    }

    private static Set<String> distinctLabels(List<String> labels) {
        Set<String> distinct = new LinkedHashSet<>();
        if (labels != null) {
            for (String label : labels) {
                if (label != null && !label.isBlank()) {
                    distinct.add(label.strip());
                }
            }
        }
        return distinct;
    }
}
