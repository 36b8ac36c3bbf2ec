package org.ventrack.survival.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.ventrack.survival.domain.report.SurvivalReport;
import org.ventrack.survival.domain.stats.CumulativeIncidence;
import org.ventrack.survival.domain.stats.KaplanMeierFit;
import org.ventrack.survival.domain.stats.LogRankResult;
import org.ventrack.survival.domain.stats.MedianFollowUp;
import org.ventrack.survival.domain.stats.QuantileEstimate;
import org.ventrack.survival.domain.stats.SurvivalAtTimes;
import org.ventrack.survival.domain.tte.PatientHistory;
import org.ventrack.survival.domain.tte.TimeToEvent;
import org.ventrack.survival.service.Analysis;
import org.ventrack.survival.service.SurvivalService;

/**
 * The API's views of survival results, mapped from the domain in one place. Curves are columns (one array per
 * quantity, as R's survfit object), so a curve of a million steps stays compact; R's NA is null.
 */
final class SurvivalViews {

    private SurvivalViews() {
    }

    record Steps(double[] time, int[] nRisk, int[] nEvent, int[] nCensor, double[] surv, double[] stdErr,
            double[] lower, double[] upper) {
    }

    record Quantile(double probability, double time, double lower, double upper) {
        static Quantile of(QuantileEstimate q) {
            return new Quantile(q.probability(), q.time(), q.lower(), q.upper());
        }
    }

    record Curve(String group, int n, int events, Steps steps, Steps atTimes, Quantile median, List<Quantile> quartiles) {
    }

    record LogRankGroup(String group, int n, int observed, double expected) {
    }

    record LogRankView(double chiSquare, int df, double pValue, List<LogRankGroup> groups) {
    }

    /** A Kaplan-Meier answer, the same for the read model and for stateless subjects. */
    record KaplanMeierView(String endpoint, String unit, String confType, double confLevel, Integer excluded,
            List<Curve> groups, LogRankView logRank) {
    }

    record CumulativeIncidenceView(String cause, String competingRisk, String unit, String confType, double confLevel,
            int n, double[] time, int[] nRisk, int[] nEvent, int[] nCompeting, int[] nCensor, double[] cumulativeIncidence,
            double[] stdErr, double[] lower, double[] upper) {
    }

    record FollowUpView(String unit, int n, double median, double lower, double upper, double min, double max,
            double observedMedian, String method) {
    }

    record OutcomeView(long days, double months, boolean event, String cause, LocalDate date) {
        static OutcomeView of(TimeToEvent.Outcome o) {
            return new OutcomeView(o.days(), Analysis.Unit.MONTHS.fromDays(o.days()), o.event(), o.cause(), o.date());
        }
    }

    record PatientSurvivalView(UUID patientId, String siteCode, String regimen, LocalDate venetoclaxStart,
            LocalDate lastNews, OutcomeView os, OutcomeView efs, LocalDate hsctDate, String efsCriteria,
            String efsFailureTime, List<PatientHistory.DatedEvent> clinicalEvents, PatientHistory.Response response,
            String notAnalysable) {
    }

    static KaplanMeierView of(SurvivalReport report, String endpoint, Analysis.Unit unit, String confType,
            double confLevel, Integer excluded) {
        return of(report, endpoint, unit, confType, confLevel, excluded, true);
    }

    /** @param withSteps false leaves out every step of the curves (a million subjects give a million steps) */
    static KaplanMeierView of(SurvivalReport report, String endpoint, Analysis.Unit unit, String confType,
            double confLevel, Integer excluded, boolean withSteps) {
        List<Curve> curves = new ArrayList<>();
        for (SurvivalReport.GroupCurve g : report.groups()) {
            List<Quantile> quartiles = java.util.Arrays.stream(g.quartiles()).map(Quantile::of).toList();
            curves.add(new Curve(g.group(), g.n(), g.events(), withSteps ? steps(g.fit()) : null, steps(g.atTimes()),
                    Quantile.of(g.median()), quartiles));
        }
        return new KaplanMeierView(endpoint, unit == null ? null : name(unit), confType, confLevel, excluded, curves,
                report.logRank() == null ? null : logRank(report));
    }

    static CumulativeIncidenceView of(CumulativeIncidence c, Analysis.Unit unit, String confType, double confLevel, int n) {
        return new CumulativeIncidenceView("relapse or progression", "death without relapse", name(unit), confType,
                confLevel, n, c.time(), c.nRisk(), c.nEvent(), c.nCompeting(), c.nCensor(), c.cumInc(), c.stdErr(),
                c.lower(), c.upper());
    }

    static FollowUpView of(MedianFollowUp f, Analysis.Unit unit, int n) {
        return new FollowUpView(name(unit), n, f.median(), f.lower(), f.upper(), f.minTime(), f.maxTime(),
                f.observedMedian(), "median: reverse Kaplan-Meier (censoring as the event); observedMedian: median of "
                        + "all follow-up times, dead or alive, as case series report it; range of all follow-up times");
    }

    static PatientSurvivalView of(SurvivalService.PatientSurvival s) {
        PatientHistory h = s.history();
        TimeToEvent.Times t = s.times();
        return new PatientSurvivalView(h.patientId(), h.siteCode(), h.regimen(), h.venetoclaxStart(),
                t == null ? null : t.lastNews(), t == null ? null : OutcomeView.of(t.os()),
                t == null ? null : OutcomeView.of(t.efs()), t == null ? null : t.hsctDate(), s.criteria(),
                s.efsFailureTime().name(), h.clinicalEvents(), h.response(),
                t == null ? "no venetoclax start known: no time origin" : null);
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Steps steps(KaplanMeierFit f) {
        return new Steps(f.time(), f.nRisk(), f.nEvent(), f.nCensor(), f.surv(), f.stdErr(), f.lower(), f.upper());
    }

    private static Steps steps(SurvivalAtTimes a) {
        return new Steps(a.time(), a.nRisk(), a.nEvent(), a.nCensor(), a.surv(), a.stdErr(), a.lower(), a.upper());
    }

    private static LogRankView logRank(SurvivalReport report) {
        LogRankResult r = report.logRank();
        List<LogRankGroup> groups = new ArrayList<>();
        for (int i = 0; i < report.groups().size(); i++) {
            groups.add(new LogRankGroup(report.groups().get(i).group(), r.n()[i], r.observed()[i], r.expected()[i]));
        }
        return new LogRankView(r.chiSquare(), r.degreesOfFreedom(), r.pValue(), groups);
    }
}
