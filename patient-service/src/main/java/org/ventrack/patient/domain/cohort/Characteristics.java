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
 *
 * <p>The blasts before venetoclax and the best response are response-service's results, as it published them
 * ({@link CohortResponse}); a patient it has published nothing of counts as {@code "UNKNOWN"}.
 */
public record Characteristics(int n, Summary ageAtStartYears, List<Count> sex, List<Count> diagnosis,
        List<Count> genetics, List<Count> cnsStatus, Summary priorLines, List<Count> priorHsct,
        Summary baselineBlastPercent, Summary cycles, List<Count> regimen, BestResponses bestResponse) {

    /**
     * Table 1's "Best response achieved" under one criteria set, each row a percentage of the whole cohort.
     *
     * @param counts            patients per best response (CR, CRH, CRI, MLFS, PR, NR, NOT_EVALUABLE, UNKNOWN)
     * @param completeRemission CR, CRh or CRi
     * @param overallResponse   the responders (ORR)
     */
    public record BestResponses(String criteria, List<Count> counts, Count completeRemission, Count partialResponse,
            Count overallResponse, Count nonResponse) {
    }

    private static final List<String> RESPONSE_ORDER = List.of("CR", "CRH", "CRI", "MLFS", "PR", "NR", "NOT_EVALUABLE", UNKNOWN);
    private static final Set<String> COMPLETE_REMISSION = Set.of("CR", "CRH", "CRI");

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
        return of(patients, null, Map.of());
    }

    /**
     * @param responses by patient id: what response-service published of each patient under {@code criteria}
     * @throws IllegalArgumentException if a patient id is missing or repeated, or venetoclax starts before birth
     */
    public static Characteristics of(List<CohortPatient> patients, String criteria, Map<String, CohortResponse> responses) {
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
        List<BigDecimal> baselineBlasts = new ArrayList<>();
        Map<String, Integer> best = new TreeMap<>();
        int completeRemission = 0;
        int partial = 0;
        int responders = 0;
        int nonResponse = 0;

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
            CohortResponse response = responses.get(p.patientId());
            String category = response == null ? UNKNOWN : response.bestResponse();
            best.merge(category, 1, Integer::sum);
            completeRemission += COMPLETE_REMISSION.contains(category) ? 1 : 0;
            partial += category.equals("PR") ? 1 : 0;
            nonResponse += category.equals("NR") ? 1 : 0;
            responders += response != null && response.responder() ? 1 : 0;
            if (response != null && response.baselineBlastPercent() != null) {
                baselineBlasts.add(response.baselineBlastPercent());
            }
        }

        return new Characteristics(n,
                CohortStats.summary(ages),
                CohortStats.counts(sex, n, null),
                CohortStats.counts(diagnosis, n, null),
                CohortStats.counts(genetics, n, null),
                CohortStats.counts(cns, n, CNS_ORDER),
                CohortStats.summary(lines),
                CohortStats.counts(hsct, n, null),
                CohortStats.summary(baselineBlasts),
                CohortStats.summary(cycles),
                CohortStats.counts(regimen, n, null),
                new BestResponses(criteria, CohortStats.counts(best, n, Comparator.comparing(Characteristics::responseRank)),
                        count("CR+CRH+CRI", completeRemission, n), count("PR", partial, n),
                        count("ORR", responders, n), count("NR", nonResponse, n)));
    }

    private static Count count(String value, int count, int n) {
        return new Count(value, count, n == 0 ? null : CohortStats.percent(count, n));
    }

    private static int responseRank(String category) {
        int rank = RESPONSE_ORDER.indexOf(category);
        return rank < 0 ? RESPONSE_ORDER.size() : rank;
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
