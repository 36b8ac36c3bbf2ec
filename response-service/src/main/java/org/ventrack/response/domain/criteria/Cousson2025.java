package org.ventrack.response.domain.criteria;

import static org.ventrack.response.domain.criteria.Judge.fromBaseline;
import static org.ventrack.response.domain.criteria.Judge.gPerL;
import static org.ventrack.response.domain.criteria.Judge.percent;

import java.math.BigDecimal;

/**
 * The criteria of Cousson et al., Br J Haematol 2025 (the registry's founding series). The paper's wording leaves
 * boundaries and overlaps open; this is the reading implemented, boundary by boundary:
 * <ul>
 * <li>CR: bone-marrow blasts &le; 5 %, no extramedullary disease, platelets &gt; 75 G/L and ANC &gt; 0.75 G/L
 * (exactly 75 or 0.75 is not recovery).</li>
 * <li>CRi: as CR, without that recovery. Both counts are needed to tell CR from CRi.</li>
 * <li>PR ("blasts decreased to 5-20 % or a decrease &gt; 50 %"): blasts &le; 20 % and lower than at baseline, OR
 * blasts below half the baseline (a decrease of exactly 50 % is not &gt; 50 %). Either branch suffices; a marrow
 * &le; 5 % with extramedullary disease is judged here. An increase is never PR.</li>
 * <li>NR: everything else, i.e. blasts &gt; 20 % (or increased) with a decrease of 50 % or less. The paper's
 * "reduction &lt; 50 %" does not override a PR branch already met.</li>
 * <li>PR and NR need the baseline marrow; without it the result is NOT_EVALUABLE, never NR.</li>
 * </ul>
 */
public final class Cousson2025 implements ResponseCriteria {

    public static final String NAME = "COUSSON_2025";
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final BigDecimal PLATELETS = BigDecimal.valueOf(75);
    private static final BigDecimal ANC = new BigDecimal("0.75");

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
        if (judge.check("bone-marrow blasts <= 5 %", blasts.compareTo(FIVE) <= 0, "blasts " + percent(blasts))) {
            if (!judge.require("extramedullary disease known", "extramedullaryDisease", m.extramedullaryDisease())) {
                return judge.notEvaluable();
            }
            boolean emd = m.extramedullaryDisease();
            if (judge.check("no extramedullary disease", !emd, emd ? "extramedullary disease present" : "none")) {
                if (!judge.require("platelets and ANC known (CR or CRi)", "platelets", m.platelets(), "anc", m.anc())) {
                    return judge.notEvaluable();
                }
                boolean platelets = judge.check("platelets > 75 G/L", m.platelets().compareTo(PLATELETS) > 0,
                        gPerL("platelets", m.platelets()));
                boolean anc = judge.check("ANC > 0.75 G/L", m.anc().compareTo(ANC) > 0, gPerL("ANC", m.anc()));
                return judge.result(platelets && anc ? Category.CR : Category.CRI, m.mrd() == Mrd.NEGATIVE);
            }
        }
        if (!judge.require("baseline marrow known (PR or NR)", "baseline", baseline)) {
            return judge.notEvaluable();
        }
        String values = fromBaseline(blasts, baseline);
        boolean toTwenty = judge.check("blasts decreased to <= 20 %",
                blasts.compareTo(TWENTY) <= 0 && blasts.compareTo(baseline) < 0, values);
        boolean halved = judge.check("blasts decreased by more than 50 %", Judge.compareToHalfOf(blasts, baseline) < 0,
                values);
        return judge.result(toTwenty || halved ? Category.PR : Category.NR, false);
    }

    /** Blasts back above 5 %, or extramedullary disease. */
    @Override
    public boolean relapse(Marrow m) {
        return (m.blastPercent() != null && m.blastPercent().compareTo(FIVE) > 0)
                || Boolean.TRUE.equals(m.extramedullaryDisease());
    }
}
