package org.ventrack.response.domain.criteria;

import static org.ventrack.response.domain.criteria.Judge.fromBaseline;
import static org.ventrack.response.domain.criteria.Judge.gPerL;
import static org.ventrack.response.domain.criteria.Judge.percent;

import java.math.BigDecimal;

/**
 * ELN 2022 response criteria (D&ouml;hner et al., Blood 2022;140:1345-1377), as implemented:
 * <ul>
 * <li>CR: bone-marrow blasts &lt; 5 %, no circulating blasts, no extramedullary disease, ANC &ge; 1.0 G/L and
 * platelets &ge; 100 G/L.</li>
 * <li>CRh: as CR, with partial recovery only: ANC &ge; 0.5 and platelets &ge; 50.</li>
 * <li>CRi: as CR, with one of the two counts recovered (ANC &ge; 1.0 or platelets &ge; 100) but not both, and not
 * CRh.</li>
 * <li>MLFS: as CR with neither count recovered; the marrow must be evaluable (cellularity &ge; 10 % or &ge; 200
 * cells counted), an aplastic marrow is NOT_EVALUABLE.</li>
 * <li>PR: every haematological criterion of CR, blasts decreased to &le; 25 % (the "5-25 %" range read as at most
 * 25 %, so a marrow &lt; 5 % with circulating blasts or extramedullary disease is judged here) and by at least 50 %
 * from baseline (exactly 50 % qualifies).</li>
 * <li>NR: none of the above. SD and PD are not distinguished. The MRD-negative qualifier applies to CR, CRh and CRi
 * with negative MRD by flow cytometry.</li>
 * </ul>
 * CR, CRh, CRi and MLFS need both counts and the circulating-blast and extramedullary findings; PR needs the baseline
 * and both counts; missing inputs give NOT_EVALUABLE.
 */
public final class Eln2022 implements ResponseCriteria {

    public static final String NAME = "ELN_2022";
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal TWENTY_FIVE = BigDecimal.valueOf(25);
    private static final BigDecimal PLATELETS_FULL = BigDecimal.valueOf(100);
    private static final BigDecimal PLATELETS_PARTIAL = BigDecimal.valueOf(50);
    private static final BigDecimal ANC_FULL = BigDecimal.ONE;
    private static final BigDecimal ANC_PARTIAL = new BigDecimal("0.5");
    private static final BigDecimal CELLULARITY = BigDecimal.TEN;
    private static final int CELLS_COUNTED = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public Classification classify(Marrow m, BigDecimal baseline) {
        Judge judge = new Judge(this);
        if (!judge.require("bone-marrow blasts known", "blastPercent", m.blastPercent())) {
            return judge.notEvaluable();
        }
        BigDecimal blasts = m.blastPercent();
        if (judge.check("bone-marrow blasts < 5 %", blasts.compareTo(FIVE) < 0, "blasts " + percent(blasts))) {
            if (!judge.require("circulating blasts and extramedullary disease known", "circulatingBlasts",
                    m.circulatingBlasts(), "extramedullaryDisease", m.extramedullaryDisease())) {
                return judge.notEvaluable();
            }
            boolean noCirculating = judge.check("no circulating blasts", !m.circulatingBlasts(),
                    m.circulatingBlasts() ? "circulating blasts present" : "none");
            boolean noEmd = judge.check("no extramedullary disease", !m.extramedullaryDisease(),
                    m.extramedullaryDisease() ? "extramedullary disease present" : "none");
            if (noCirculating && noEmd) {
                return completeRemissionFamily(judge, m);
            }
        }
        if (!judge.require("baseline marrow known (PR or NR)", "baseline", baseline)) {
            return judge.notEvaluable();
        }
        String values = fromBaseline(blasts, baseline);
        boolean toTwentyFive = judge.check("blasts decreased to <= 25 %", blasts.compareTo(TWENTY_FIVE) <= 0, values);
        boolean halved = judge.check("blasts decreased by at least 50 %",
                baseline.signum() > 0 && Judge.compareToHalfOf(blasts, baseline) <= 0, values);
        if (!(toTwentyFive && halved)) {
            return judge.result(Category.NR, false);
        }
        if (!judge.require("platelets and ANC known (PR)", "platelets", m.platelets(), "anc", m.anc())) {
            return judge.notEvaluable();
        }
        boolean anc = judge.check("ANC >= 1.0 G/L", m.anc().compareTo(ANC_FULL) >= 0, gPerL("ANC", m.anc()));
        boolean platelets = judge.check("platelets >= 100 G/L", m.platelets().compareTo(PLATELETS_FULL) >= 0,
                gPerL("platelets", m.platelets()));
        return judge.result(anc && platelets ? Category.PR : Category.NR, false);
    }

    private Classification completeRemissionFamily(Judge judge, Marrow m) {
        if (!judge.require("platelets and ANC known (CR, CRh, CRi or MLFS)", "platelets", m.platelets(), "anc", m.anc())) {
            return judge.notEvaluable();
        }
        boolean mrdNegative = m.mrd() == Mrd.NEGATIVE;
        boolean ancFull = judge.check("ANC >= 1.0 G/L", m.anc().compareTo(ANC_FULL) >= 0, gPerL("ANC", m.anc()));
        boolean plateletsFull = judge.check("platelets >= 100 G/L", m.platelets().compareTo(PLATELETS_FULL) >= 0,
                gPerL("platelets", m.platelets()));
        if (ancFull && plateletsFull) {
            return judge.result(Category.CR, mrdNegative);
        }
        boolean partial = judge.check("ANC >= 0.5 and platelets >= 50 G/L (CRh)",
                m.anc().compareTo(ANC_PARTIAL) >= 0 && m.platelets().compareTo(PLATELETS_PARTIAL) >= 0,
                gPerL("ANC", m.anc()) + ", " + gPerL("platelets", m.platelets()));
        if (partial) {
            return judge.result(Category.CRH, mrdNegative);
        }
        if (judge.check("one count recovered (CRi)", ancFull || plateletsFull,
                gPerL("ANC", m.anc()) + ", " + gPerL("platelets", m.platelets()))) {
            return judge.result(Category.CRI, mrdNegative);
        }
        if (!judge.require("marrow cellularity or cells counted known (MLFS)", "cellularityPercent or cellsCounted",
                m.cellularityPercent() == null && m.cellsCounted() == null ? null : Boolean.TRUE)) {
            return judge.notEvaluable();
        }
        boolean evaluable = judge.check("marrow evaluable: cellularity >= 10 % or >= 200 cells counted",
                (m.cellularityPercent() != null && m.cellularityPercent().compareTo(CELLULARITY) >= 0)
                        || (m.cellsCounted() != null && m.cellsCounted() >= CELLS_COUNTED),
                "cellularity " + (m.cellularityPercent() == null ? "not given" : percent(m.cellularityPercent()))
                        + ", cells counted " + (m.cellsCounted() == null ? "not given" : m.cellsCounted()));
        return evaluable ? judge.result(Category.MLFS, false) : judge.notEvaluable();
    }

    /** Blasts back to 5 % or more, or extramedullary disease. */
    @Override
    public boolean relapse(Marrow m) {
        return (m.blastPercent() != null && m.blastPercent().compareTo(FIVE) >= 0)
                || Boolean.TRUE.equals(m.extramedullaryDisease());
    }
}
