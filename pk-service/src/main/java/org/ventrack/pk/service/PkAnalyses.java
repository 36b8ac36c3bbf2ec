package org.ventrack.pk.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.patients.PatientFacts;
import org.ventrack.platform.patients.PatientFactsView;
import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.platform.security.CallerScope;
import org.ventrack.pk.config.DoseRulesConfig;
import org.ventrack.pk.config.PopPkModelConfig;
import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.dose.Age;
import org.ventrack.pk.domain.dose.DoseDecision;
import org.ventrack.pk.domain.dose.DosePhase;
import org.ventrack.pk.domain.dose.DoseRequest;
import org.ventrack.pk.domain.dose.DoseRules;
import org.ventrack.pk.domain.dose.Formulation;
import org.ventrack.pk.domain.model.EstimateRequest;
import org.ventrack.pk.domain.model.IndividualEstimate;
import org.ventrack.pk.domain.model.IndividualEstimator;
import org.ventrack.pk.domain.model.PkObservation;
import org.ventrack.pk.domain.model.Covariates;
import org.ventrack.pk.domain.trough.PatientContext;
import org.ventrack.pk.domain.trough.SampleKind;

/** Dose recommendations, individual estimates and the cohort's monitoring table, from the read model. */
@ApplicationScoped
public class PkAnalyses {

    /** A Table 4 row. */
    public record MonitoringRow(UUID patientId, String upn, String siteCode, String doseBasis, Double ageYears,
            BigDecimal weightKg, BigDecimal dailyDoseMg, BigDecimal troughNgPerMl, BigDecimal doseNormalised,
            boolean strongInhibitor, List<String> flags) {
    }

    /** Median and range of the dose-normalised troughs. */
    public record Summary(int n, BigDecimal median, BigDecimal min, BigDecimal max) {
    }

    /** Table 4: rows by dose basis, and summaries with and without the interaction-flagged samples. */
    public record Monitoring(Map<String, List<MonitoringRow>> byDoseBasis, Summary all, Summary withoutInteraction) {
    }

    @Inject
    PatientFacts facts;
    @Inject
    PatientTimeline timeline;
    @Inject
    SampleRepository samples;
    @Inject
    PatientContexts contexts;
    @Inject
    CallerScope scope;

    @Inject
    PopPkModelConfig modelConfig;
    @Inject
    DoseRulesConfig doseConfig;

    private DoseRules doseRules;
    private IndividualEstimator estimator;

    @PostConstruct
    void buildRules() {
        doseRules = new DoseRules(doseConfig.settings());
        estimator = new IndividualEstimator(modelConfig.model(), doseRules.rounding());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DoseDecision dose(DoseInput in) {
        LocalDate date = in.date() != null ? in.date() : LocalDate.now(ZoneOffset.UTC);
        Age age;
        Double weight = in.weightKg();
        Double height = in.heightCm();
        List<CoMedication> comedications = new ArrayList<>(in.coMedications() == null ? List.of()
                : in.coMedications().stream().map(c -> new CoMedication(c.name(), c.cyp3a(), c.pgpInhibitor(), c.start(), c.end())).toList());
        if (in.patientId() != null) {
            PatientFactsView patient = scope.visible(facts.find(in.patientId()), PatientFactsView::siteCode, PatientFactsView::patientId)
                    .orElseThrow(() -> ProblemException.notFound("Patient", in.patientId()));
            age = in.ageYears() != null ? Age.ofYears(in.ageYears()) : Age.between(patient.birthDate(), date);
            var latest = latestMeasurement(patient.patientId(), date);
            weight = weight != null ? weight : latest.map(m -> m.weightKg().doubleValue()).orElse(null);
            height = height != null ? height : latest.map(m -> m.heightCm().doubleValue()).orElse(null);
            if (in.coMedications() == null) {
                comedications.addAll(contexts.on(patient.patientId(), date).map(PatientContext::coMedications)
                        .orElse(List.of()));
            }
            if (weight == null || height == null) {
                throw ProblemException.unprocessable("weightKg", "no weight and height are recorded for the patient; send them");
            }
        } else {
            age = Age.ofYears(in.ageYears());
        }
        DosePhase phase = in.rampUpDay() == null ? DosePhase.maintenance() : DosePhase.rampUpDay(in.rampUpDay());
        return doseRules.decide(new DoseRequest(date, age, weight, height, phase, comedications,
                in.formulation() == null ? Formulation.TABLET : in.formulation(), in.previousDoseMg()));
    }

    /** MAP estimate from the patient's quantified samples taken at a known time after the dose. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndividualEstimate estimate(UUID patientId, Double targetTrough) {
        PatientFactsView patient = scope.visible(facts.find(patientId), PatientFactsView::siteCode, PatientFactsView::patientId)
                .orElseThrow(() -> ProblemException.notFound("Patient", patientId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var measurement = latestMeasurement(patientId, today)
                .filter(m -> m.weightKg() != null && m.heightCm() != null)
                .orElseThrow(() -> ProblemException.unprocessable("patientId", "no weight and height are recorded"));
        List<CoMedication> comedications = contexts.on(patientId, today).map(PatientContext::coMedications)
                .orElse(List.of());
        List<Sample> own = samples.ofPatient(patientId).list();
        List<PkObservation> observations = new ArrayList<>();
        for (Sample s : own) {
            if (s.concentrationNgPerMl == null || s.concentrationNgPerMl.signum() == 0 || s.lastDoseAt == null) {
                continue;
            }
            double hours = ChronoUnit.MINUTES.between(s.lastDoseAt, s.sampledAt) / 60.0;
            Cyp3aClass inhibitor = strongest(comedications, s.sampledAt.toLocalDate());
            observations.add(new PkObservation(hours, s.dailyDoseMg.doubleValue(), s.concentrationNgPerMl.doubleValue(),
                    inhibitor));
        }
        double currentDose = own.isEmpty() ? timeline.courses(patientId).stream().reduce((a, b) -> b)
                .map(c -> c.dailyDoseMg() == null ? 0 : c.dailyDoseMg().doubleValue()).orElse(0.0)
                : own.get(own.size() - 1).dailyDoseMg.doubleValue();
        if (!(currentDose > 0)) {
            throw ProblemException.unprocessable("patientId", "no venetoclax dose is known for the patient");
        }
        Covariates covariates = new Covariates(measurement.weightKg().doubleValue(), measurement.heightCm().doubleValue(),
                null);
        return estimator.estimate(new EstimateRequest(covariates, observations, currentDose,
                strongest(comedications, today), targetTrough, Formulation.TABLET));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Monitoring monitoring(String site) {
        List<PatientFactsView> patients = facts.inScope(scope.siteFilter(), site);
        Map<UUID, PatientFactsView> byId = new java.util.HashMap<>();
        patients.forEach(p -> byId.put(p.patientId(), p));
        List<UUID> ids = patients.stream().map(PatientFactsView::patientId).toList();
        Map<UUID, List<PatientTimeline.Course>> courses = timeline.courses(ids);
        Map<UUID, List<PatientTimeline.Measurement>> measurements = timeline.measurements(ids);
        Map<String, List<MonitoringRow>> rows = new java.util.TreeMap<>();
        List<BigDecimal> all = new ArrayList<>();
        List<BigDecimal> clean = new ArrayList<>();
        for (Sample s : samples.ofPatients(ids)) {
            if (s.kind != SampleKind.TROUGH || s.concentrationNgPerMl == null) {
                continue;
            }
            PatientFactsView p = byId.get(s.patientId);
            LocalDate on = s.sampledAt.toLocalDate();
            String basis = courses.getOrDefault(s.patientId, List.of()).stream().filter(c -> !c.startDate().isAfter(on))
                    .reduce((a, b) -> b).map(PatientTimeline.Course::doseBasis).orElse("UNKNOWN");
            BigDecimal weight = measurements.getOrDefault(s.patientId, List.of()).stream()
                    .filter(m -> !m.measuredOn().isAfter(on)).reduce((a, b) -> b)
                    .map(PatientTimeline.Measurement::weightKg).orElse(null);
            Double age = p.birthDate() == null ? null
                    : Math.round(Age.between(p.birthDate(), on).years() * 10) / 10.0;
            boolean interaction = s.flags.contains("INTERACTION_SUSPECTED");
            rows.computeIfAbsent(basis, b -> new ArrayList<>()).add(new MonitoringRow(p.patientId(), p.upn(),
                    p.siteCode(), basis, age, weight, s.dailyDoseMg, s.concentrationNgPerMl, s.doseNormalised,
                    s.strongInhibitor, List.copyOf(s.flags)));
            if (s.doseNormalised != null) {
                all.add(s.doseNormalised);
                if (!interaction) {
                    clean.add(s.doseNormalised);
                }
            }
        }
        return new Monitoring(rows, summary(all), summary(clean));
    }

    private static Summary summary(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Summary(0, null, null, null);
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return new Summary(n, median.stripTrailingZeros(), sorted.get(0).stripTrailingZeros(),
                sorted.get(n - 1).stripTrailingZeros());
    }

    private java.util.Optional<PatientTimeline.Measurement> latestMeasurement(UUID patientId, LocalDate on) {
        return timeline.measurements(List.of(patientId)).getOrDefault(patientId, List.of()).stream()
                .filter(m -> !m.measuredOn().isAfter(on))
                .max(Comparator.comparing(PatientTimeline.Measurement::measuredOn));
    }

    /** The strongest CYP3A inhibitor class taken on {@code on}. */
    private static Cyp3aClass strongest(List<CoMedication> comedications, LocalDate on) {
        return comedications.stream().filter(m -> m.takenOn(on)).map(CoMedication::cyp3a)
                .max(Comparator.naturalOrder()).orElse(Cyp3aClass.NONE);
    }
}
