package org.ventrack.survival.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.ventrack.survival.domain.stats.ConfType;

class SurvivalReportTest {

    /** R's aml data (survival package): weeks to relapse by maintenance. */
    private static Subjects aml() {
        double[] maintained = { 9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161 };
        int[] maintainedStatus = { 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0 };
        double[] non = { 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45 };
        int[] nonStatus = { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 };
        Subjects s = new Subjects();
        // the non-maintained first, so the report has to put the groups in name order itself
        for (int i = 0; i < non.length; i++) {
            s.add(non[i], nonStatus[i] == 1, "Nonmaintained");
        }
        for (int i = 0; i < maintained.length; i++) {
            s.add(maintained[i], maintainedStatus[i] == 1, "Maintained");
        }
        return s;
    }

    @Test
    void groupsInNameOrderWithTheLogRankOfR() {
        SurvivalReport report = SurvivalReport.of(aml(), ConfType.LOG, 0.95, new double[] { 12 });
        assertEquals("Maintained", report.groups().get(0).group());
        assertEquals(11, report.groups().get(0).n());
        assertEquals(7, report.groups().get(0).events());
        // R: survdiff(Surv(time, status) ~ x, data = aml): chisq 3.39638869898, p 0.0653393220405, exp 10.689335992
        assertEquals(3.39638869898, report.logRank().chiSquare(), 1e-9);
        assertEquals(0.0653393220405, report.logRank().pValue(), 1e-9);
        assertEquals(7, report.logRank().observed()[0]);
        assertEquals(11, report.logRank().observed()[1]);
        assertEquals(10.689335992, report.logRank().expected()[0], 1e-9);
        // R: median 31 (18, NA) for Maintained and 23 (8, NA) for Nonmaintained
        assertEquals(31, report.groups().get(0).median().time(), 0);
        assertEquals(18, report.groups().get(0).median().lower(), 0);
        assertEquals(Double.NaN, report.groups().get(0).median().upper());
        assertEquals(23, report.groups().get(1).median().time(), 0);
        // summary(fit, times = 12) for Nonmaintained: n.risk 8, survival by hand (1 - 2/12)(1 - 2/10)(1 - 1/8) = 7/12
        assertEquals(8, report.groups().get(1).atTimes().nRisk()[0]);
        assertEquals(7.0 / 12, report.groups().get(1).atTimes().surv()[0], 1e-12);
    }

    @Test
    void oneGroupHasNoLogRank() {
        Subjects s = new Subjects();
        s.add(1, true, null);
        s.add(2, false, null);
        SurvivalReport report = SurvivalReport.of(s, ConfType.PLAIN, 0.9, new double[0]);
        assertEquals(1, report.groups().size());
        assertEquals("all", report.groups().get(0).group());
        assertNull(report.logRank());
    }
}
