package org.ventrack.pk.config;

import org.ventrack.pk.domain.BodySurfaceArea;
import org.ventrack.pk.domain.model.PopPkModel;

import io.smallrye.config.ConfigMapping;

/**
 * The population PK model of the individual estimate, every number a setting. The values and their sources are in
 * application.properties ({@code ventrack.pk.model.*}): the published model of {@link PopPkModel#zhao2026()}.
 */
@ConfigMapping(prefix = "ventrack.pk.model")
public interface PopPkModelConfig {

    String source();

    double absorptionRatePerHour();

    double lagTimeHours();

    double clearanceLPerHour();

    double volumeL();

    BodySurfaceArea.Formula bsaFormula();

    double referenceBsaM2();

    double clearanceBsaExponent();

    double volumeBsaExponent();

    double referenceTotalProteinGPerL();

    double volumeTotalProteinExponent();

    double strongInhibitorClearanceCoefficient();

    double moderateInhibitorClearanceCoefficient();

    double weakInhibitorClearanceCoefficient();

    double omegaSquaredClearance();

    double omegaSquaredVolume();

    double proportionalError();

    double additiveErrorNgPerMl();

    double dosingIntervalHours();

    default PopPkModel model() {
        return new PopPkModel(source(), absorptionRatePerHour(), lagTimeHours(), clearanceLPerHour(), volumeL(),
                bsaFormula(), referenceBsaM2(), clearanceBsaExponent(), volumeBsaExponent(), referenceTotalProteinGPerL(),
                volumeTotalProteinExponent(), strongInhibitorClearanceCoefficient(),
                moderateInhibitorClearanceCoefficient(), weakInhibitorClearanceCoefficient(), omegaSquaredClearance(),
                omegaSquaredVolume(), proportionalError(), additiveErrorNgPerMl(), dosingIntervalHours());
    }
}
