package org.ventrack.platform.export.sdtm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SDTM-shaped export; every service that serves a domain must be given the same values. */
@ConfigMapping(prefix = "ventrack.export.sdtm")
public interface SdtmConfig {

    /** STUDYID of every record, and the first part of USUBJID. */
    @WithDefault("VENTRACK")
    String studyId();
}
