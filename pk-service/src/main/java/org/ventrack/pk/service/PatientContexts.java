package org.ventrack.pk.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ventrack.platform.patients.PatientTimeline;
import org.ventrack.pk.config.PkConfig;
import org.ventrack.pk.domain.CoMedication;
import org.ventrack.pk.domain.Cyp3aClass;
import org.ventrack.pk.domain.trough.DoseChange;
import org.ventrack.pk.domain.trough.InteractionFreeReference;
import org.ventrack.pk.domain.trough.PatientContext;
import org.ventrack.pk.domain.trough.SampleJudgement;
import org.ventrack.pk.domain.trough.TroughJudgement;

/** What the judgement needs of a patient, from the patient timeline this service keeps from patient events. */
@ApplicationScoped
public class PatientContexts {

    @Inject
    PatientTimeline timeline;
    @Inject
    SampleRepository samples;
    @Inject
    PkConfig config;

    private record Cached(InteractionFreeReference value, long readAt) {
    }

    private volatile Cached reference;

    /** The patient's context on {@code date}; empty without a venetoclax course. */
    public Optional<PatientContext> on(UUID patientId, LocalDate date) {
        return on(timeline.of(patientId), date);
    }

    /** The context on {@code date} from the patient's timeline already read; empty without a venetoclax course. */
    public Optional<PatientContext> on(PatientTimeline.Snapshot patient, LocalDate date) {
        List<PatientTimeline.Course> courses = patient.courses();
        if (courses.isEmpty()) {
            return Optional.empty();
        }
        List<DoseChange> doses = courses.stream()
                .map(c -> new DoseChange(c.startDate(), c.dailyDoseMg() == null ? 0 : c.dailyDoseMg().doubleValue()))
                .toList();
        Double bsa = patient.measurements().stream()
                .filter(m -> !m.measuredOn().isAfter(date) && m.bsaM2() != null)
                .max(Comparator.comparing(PatientTimeline.Measurement::measuredOn))
                .map(m -> m.bsaM2().doubleValue()).orElse(null);
        List<CoMedication> comedications = patient.comedications().stream().map(PatientContexts::coMedication).toList();
        return Optional.of(new PatientContext(courses.get(0).startDate(), doses, bsa, comedications));
    }

    public TroughJudgement judge(Sample sample, PatientContext context, InteractionFreeReference reference) {
        return new SampleJudgement(config.troughSettings()).judge(sample.pkSample(), context, reference);
    }

    /**
     * The median dose-normalised trough of the samples taken without a strong CYP3A inhibitor. Read it before
     * changing a sample: the query would flush the change half-made.
     */
    public InteractionFreeReference reference() {
        Cached cached = reference;
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < TimeUnit.SECONDS.toNanos(config.referenceCacheSeconds())) {
            return cached.value();
        }
        InteractionFreeReference fresh = readReference();
        reference = new Cached(fresh, now);
        return fresh;
    }

    private InteractionFreeReference readReference() {
        List<BigDecimal> troughs = samples.interactionFreeTroughs().stream().sorted().toList();
        if (troughs.isEmpty()) {
            return InteractionFreeReference.none();
        }
        int n = troughs.size();
        double median = n % 2 == 1 ? troughs.get(n / 2).doubleValue()
                : (troughs.get(n / 2 - 1).doubleValue() + troughs.get(n / 2).doubleValue()) / 2;
        return new InteractionFreeReference(median, n);
    }

    private static CoMedication coMedication(PatientTimeline.Comedication c) {
        Cyp3aClass cyp3a;
        try {
            cyp3a = Cyp3aClass.valueOf(c.cyp3a());
        } catch (IllegalArgumentException e) {
            cyp3a = Cyp3aClass.NONE;
        }
        return new CoMedication(c.drug(), cyp3a, false, c.startDate(), c.endDate());
    }
}
