package org.ventrack.patient.sdtm;

import static org.ventrack.platform.export.sdtm.Sdtm.dtc;
import static org.ventrack.platform.export.sdtm.Sdtm.ny;
import static org.ventrack.platform.export.sdtm.Sdtm.studyDay;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ventrack.patient.domain.AdverseEvent;
import org.ventrack.patient.domain.Attribution;
import org.ventrack.patient.domain.ClinicalEvent;
import org.ventrack.patient.domain.ClinicalEventKind;
import org.ventrack.patient.domain.Comedication;
import org.ventrack.patient.domain.Patient;
import org.ventrack.patient.domain.Regimen;
import org.ventrack.patient.domain.TreatmentCourse;
import org.ventrack.platform.export.sdtm.Sdtm;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmRow;

/**
 * patient-service's records as SDTM-shaped rows (DM, EX, CM, AE). Plain Java: the variables, their controlled terms
 * and derivations are described in {@link SdtmDomain}; this class only fills them in.
 */
public final class PatientSdtmRows {

    /** One patient with every record the four domains read, and the country of the patient's site (alpha-2). */
    public record Subject(Patient patient, String siteCountry, List<TreatmentCourse> courses,
            List<Comedication> comedications, List<AdverseEvent> adverseEvents, List<ClinicalEvent> clinicalEvents) {

        /** RFSTDTC: the first venetoclax dose, the start of the earliest course. */
        public Optional<LocalDate> referenceStart() {
            return courses.stream().map(c -> c.startDate).min(Comparator.naturalOrder());
        }

        Optional<TreatmentCourse> firstCourse() {
            return courses.stream().min(Comparator.comparing((TreatmentCourse c) -> c.startDate));
        }

        Optional<LocalDate> death() {
            return clinicalEvents.stream().filter(e -> e.kind == ClinicalEventKind.DEATH).map(e -> e.eventDate).findFirst();
        }
    }

    private PatientSdtmRows() {
    }

    public static List<SdtmRow> dm(String studyId, List<Subject> subjects) {
        List<SdtmRow> rows = new ArrayList<>();
        for (Subject s : ordered(studyId, subjects)) {
            Patient p = s.patient();
            Optional<LocalDate> start = s.referenceStart();
            Optional<LocalDate> death = s.death();
            Optional<LocalDate> lastFollowUp = s.clinicalEvents().stream()
                    .filter(e -> e.kind == ClinicalEventKind.LAST_FOLLOW_UP).map(e -> e.eventDate).max(Comparator.naturalOrder());
            boolean ongoing = s.courses().stream().anyMatch(c -> c.endDate == null);
            Optional<LocalDate> lastDose = ongoing ? Optional.empty()
                    : s.courses().stream().map(c -> c.endDate).max(Comparator.naturalOrder());
            Optional<Regimen> arm = s.firstCourse().map(c -> c.regimen);
            rows.add(row(SdtmDomain.DM, studyId, p)
                    .set("SUBJID", p.upn)
                    .set("RFSTDTC", dtc(start.orElse(null)))
                    .set("RFENDTC", dtc(death.or(() -> lastFollowUp).orElse(null)))
                    .set("RFXSTDTC", dtc(start.orElse(null)))
                    .set("RFXENDTC", dtc(lastDose.orElse(null)))
                    .set("DTHDTC", dtc(death.orElse(null)))
                    .set("DTHFL", death.isPresent() ? "Y" : null)
                    .set("SITEID", p.siteCode)
                    .set("BRTHDTC", dtc(p.birthDate))
                    .set("AGE", start.map(d -> Period.between(p.birthDate, d).getYears()).orElse(null))
                    .set("AGEU", start.isPresent() ? "YEARS" : null)
                    .set("SEX", p.sex == null ? "U" : switch (p.sex) {
                        case MALE -> "M";
                        case FEMALE -> "F";
                    })
                    .set("ARMCD", arm.map(Enum::name).orElse(null))
                    .set("ARM", arm.map(PatientSdtmRows::armDescription).orElse(null))
                    .set("ACTARMCD", arm.map(Enum::name).orElse(null))
                    .set("ACTARM", arm.map(PatientSdtmRows::armDescription).orElse(null))
                    .set("ARMNRS", arm.isPresent() ? null : "NOT ASSIGNED")
                    .set("COUNTRY", alpha3(s.siteCountry())));
        }
        return rows;
    }

    public static List<SdtmRow> ex(String studyId, List<Subject> subjects) {
        List<SdtmRow> rows = new ArrayList<>();
        for (Subject s : ordered(studyId, subjects)) {
            Optional<LocalDate> start = s.referenceStart();
            s.courses().stream().sorted(Comparator.comparing((TreatmentCourse c) -> c.startDate))
                    .forEach(c -> rows.add(row(SdtmDomain.EX, studyId, s.patient())
                            .set("EXTRT", "VENETOCLAX")
                            .set("EXCAT", c.regimen.name())
                            .set("EXDOSE", c.dailyDoseMg)
                            .set("EXDOSU", "mg")
                            .set("EXDOSFRQ", "QD")
                            .set("EXDOSRGM", c.activeDays + " OF " + c.cycleLengthDays + " DAYS")
                            .set("EXROUTE", "ORAL")
                            .set("EXSTDTC", dtc(c.startDate))
                            .set("EXENDTC", dtc(c.endDate))
                            .set("EXSTDY", studyDay(c.startDate, start))
                            .set("EXENDY", studyDay(c.endDate, start))));
        }
        return rows;
    }

    public static List<SdtmRow> cm(String studyId, List<Subject> subjects) {
        List<SdtmRow> rows = new ArrayList<>();
        for (Subject s : ordered(studyId, subjects)) {
            Optional<LocalDate> start = s.referenceStart();
            s.comedications().stream().sorted(Comparator.comparing((Comedication c) -> c.startDate).thenComparing(c -> c.drug))
                    .forEach(c -> rows.add(row(SdtmDomain.CM, studyId, s.patient())
                            .set("CMTRT", c.drug)
                            .set("CMCLAS", switch (c.cyp3aInhibition) {
                                case STRONG -> "STRONG CYP3A INHIBITOR";
                                case MODERATE -> "MODERATE CYP3A INHIBITOR";
                                case NONE -> null;
                            })
                            .set("CMSTDTC", dtc(c.startDate))
                            .set("CMENDTC", dtc(c.endDate))
                            .set("CMSTDY", studyDay(c.startDate, start))
                            .set("CMENDY", studyDay(c.endDate, start))));
        }
        return rows;
    }

    public static List<SdtmRow> ae(String studyId, List<Subject> subjects) {
        List<SdtmRow> rows = new ArrayList<>();
        for (Subject s : ordered(studyId, subjects)) {
            Optional<LocalDate> start = s.referenceStart();
            s.adverseEvents().stream()
                    .sorted(Comparator.comparing((AdverseEvent a) -> a.onsetDate).thenComparing(a -> a.term)
                            .thenComparing(a -> a.grade))
                    .forEach(a -> rows.add(row(SdtmDomain.AE, studyId, s.patient())
                            .set("AETERM", a.term)
                            .set("AEDECOD", a.term)
                            .set("AESEV", severity(a.grade))
                            .set("AETOXGR", String.valueOf(a.grade))
                            .set("AESER", ny(a.serious))
                            .set("AEREL", causality(a.attribution))
                            .set("AESDTH", ny(a.grade == 5))
                            .set("AESTDTC", dtc(a.onsetDate))
                            .set("AESTDY", studyDay(a.onsetDate, start))));
        }
        return rows;
    }

    /** CTCAE grade as SDTM severity: 1 mild, 2 moderate, 3 (severe), 4 (life-threatening) and 5 (death) severe. */
    static String severity(int grade) {
        return grade <= 1 ? "MILD" : grade == 2 ? "MODERATE" : "SEVERE";
    }

    static String causality(Attribution attribution) {
        return switch (attribution) {
            case UNRELATED -> "NOT RELATED";
            case UNLIKELY -> "UNLIKELY RELATED";
            case POSSIBLE -> "POSSIBLY RELATED";
            case PROBABLE -> "PROBABLY RELATED";
            case DEFINITE -> "RELATED";
        };
    }

    static String armDescription(Regimen regimen) {
        return switch (regimen) {
            case VEN_CHEMO -> "Venetoclax with chemotherapy";
            case VEN_HMA -> "Venetoclax with a hypomethylating agent";
            case VEN_MONO -> "Venetoclax monotherapy";
        };
    }

    /** ISO 3166-1 alpha-3 of an alpha-2 code ({@code FR} -> {@code FRA}); an unknown code is kept as it is. */
    static String alpha3(String alpha2) {
        if (alpha2 == null) {
            return null;
        }
        try {
            return new Locale("", alpha2).getISO3Country();
        } catch (java.util.MissingResourceException e) {
            return alpha2;
        }
    }

    private static List<Subject> ordered(String studyId, List<Subject> subjects) {
        return subjects.stream().sorted(Comparator.comparing(s -> usubjid(studyId, s.patient()))).toList();
    }

    private static String usubjid(String studyId, Patient p) {
        return Sdtm.usubjid(studyId, p.siteCode, p.upn);
    }

    private static SdtmRow row(SdtmDomain domain, String studyId, Patient p) {
        return new SdtmRow(domain).set("USUBJID", usubjid(studyId, p));
    }
}
