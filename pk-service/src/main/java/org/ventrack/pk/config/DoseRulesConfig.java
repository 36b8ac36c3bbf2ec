package org.ventrack.pk.config;

import java.util.List;
import java.util.Set;

import org.ventrack.pk.domain.dose.AgeBand;
import org.ventrack.pk.domain.dose.DoseRuleSettings;

import io.smallrye.config.ConfigMapping;

/**
 * The numbers of the dose rules ({@code ventrack.pk.dose.*}); values and sources in application.properties, the same as
 * {@link DoseRuleSettings#defaults()} (a test keeps them equal).
 */
@ConfigMapping(prefix = "ventrack.pk.dose")
public interface DoseRulesConfig {

    double ageBandLimitYears();

    /** Age bands below the limit, each {@code from-to:mgPerM2} in years, e.g. {@code 1-2:290}. */
    List<String> youngChildBands();

    double mgPerM2();

    double maxDailyDoseMg();

    List<Double> rampUpFractions();

    double adultDoseMg();

    double posaconazoleAdultDoseMg();

    double otherStrongAdultDoseMg();

    Set<String> posaconazoleNames();

    double moderateOrPgpFactor();

    int resumeDaysAfterInhibitorStop();

    List<Integer> tabletStrengthsMg();

    double tabletStepMg();

    double suspensionStepMg();

    default DoseRuleSettings settings() {
        return new DoseRuleSettings(ageBandLimitYears(), youngChildBands().stream().map(AgeBand::parse).toList(),
                mgPerM2(), maxDailyDoseMg(), rampUpFractions(), adultDoseMg(), posaconazoleAdultDoseMg(),
                otherStrongAdultDoseMg(), posaconazoleNames(), moderateOrPgpFactor(), resumeDaysAfterInhibitorStop(),
                tabletStrengthsMg(), tabletStepMg(), suspensionStepMg());
    }
}
