package org.ventrack.survival.domain.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ventrack.survival.domain.stats.ConfType;
import org.ventrack.survival.domain.stats.KaplanMeier;
import org.ventrack.survival.domain.stats.KaplanMeierFit;
import org.ventrack.survival.domain.stats.LogRank;
import org.ventrack.survival.domain.stats.LogRankResult;
import org.ventrack.survival.domain.stats.QuantileEstimate;
import org.ventrack.survival.domain.stats.SurvivalAtTimes;

/**
 * Kaplan-Meier curves per group, read at chosen times, with medians and quartiles, and the log-rank test across the
 * groups when there are two or more: what {@code survfit}, {@code summary(fit, times)}, {@code quantile(fit)} and
 * {@code survdiff} give in R.
 */
public record SurvivalReport(List<GroupCurve> groups, LogRankResult logRank) {

    /** One group's curve; {@code quartiles} are at 25, 50 and 75 % (the median is the middle one). */
    public record GroupCurve(String group, int n, int events, KaplanMeierFit fit, SurvivalAtTimes atTimes,
            QuantileEstimate[] quartiles) {

        public QuantileEstimate median() {
            return quartiles[1];
        }
    }

    /** @param atTimes times to read the curves at, in the unit of the subjects' times; may be empty */
    public static SurvivalReport of(Subjects subjects, ConfType confType, double confLevel, double[] atTimes) {
        double[] times = subjects.times();
        boolean[] events = subjects.events();
        int[] groups = subjects.groups();
        List<String> names = subjects.groupNames();
        List<GroupCurve> curves = new ArrayList<>();
        if (names.size() == 1) {
            curves.add(curve(names.get(0), times, events, confType, confLevel, atTimes));
            return new SurvivalReport(curves, null);
        }
        int[] counts = new int[names.size()];
        for (int g : groups) {
            counts[g]++;
        }
        double[][] groupTimes = new double[names.size()][];
        boolean[][] groupEvents = new boolean[names.size()][];
        for (int g = 0; g < names.size(); g++) {
            groupTimes[g] = new double[counts[g]];
            groupEvents[g] = new boolean[counts[g]];
        }
        int[] filled = new int[names.size()];
        for (int i = 0; i < times.length; i++) {
            int g = groups[i];
            groupTimes[g][filled[g]] = times[i];
            groupEvents[g][filled[g]++] = events[i];
        }
        for (int g = 0; g < names.size(); g++) {
            curves.add(curve(names.get(g), groupTimes[g], groupEvents[g], confType, confLevel, atTimes));
        }
        LogRankResult logRank = LogRank.test(times, events, groups);
        // groups in name order, as R orders factor levels; the log-rank arrays follow the same order
        Integer[] order = new Integer[names.size()];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(order, Comparator.comparing(names::get));
        List<GroupCurve> sorted = new ArrayList<>();
        for (int g : order) {
            sorted.add(curves.get(g));
        }
        return new SurvivalReport(sorted, reorder(logRank, order));
    }

    private static GroupCurve curve(String group, double[] times, boolean[] events, ConfType confType, double confLevel,
            double[] atTimes) {
        KaplanMeierFit fit = KaplanMeier.fit(times, events, confType, confLevel);
        int eventCount = 0;
        for (boolean e : events) {
            eventCount += e ? 1 : 0;
        }
        return new GroupCurve(group, times.length, eventCount, fit, fit.at(atTimes), fit.quantiles(0.25, 0.5, 0.75));
    }

    private static LogRankResult reorder(LogRankResult r, Integer[] order) {
        int k = order.length;
        int[] n = new int[k];
        int[] observed = new int[k];
        double[] expected = new double[k];
        double[][] variance = new double[k][k];
        for (int i = 0; i < k; i++) {
            n[i] = r.n()[order[i]];
            observed[i] = r.observed()[order[i]];
            expected[i] = r.expected()[order[i]];
            for (int j = 0; j < k; j++) {
                variance[i][j] = r.variance()[order[i]][order[j]];
            }
        }
        return new LogRankResult(n, observed, expected, variance, r.chiSquare(), r.degreesOfFreedom(), r.pValue());
    }
}
