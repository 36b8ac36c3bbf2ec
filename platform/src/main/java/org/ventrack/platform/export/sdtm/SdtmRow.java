package org.ventrack.platform.export.sdtm;

import java.util.LinkedHashMap;
import java.util.Map;

/** One record of a domain, by variable name; STUDYID, DOMAIN and --SEQ are filled in by {@link SdtmDataset}. */
public final class SdtmRow {

    private final SdtmDomain domain;
    private final Map<String, Object> values = new LinkedHashMap<>();

    public SdtmRow(SdtmDomain domain) {
        this.domain = domain;
    }

    /** Sets a variable of the domain; an unknown name is a programming error. */
    public SdtmRow set(String variable, Object value) {
        if (!domain.names().contains(variable)) {
            throw new IllegalArgumentException(variable + " is not a variable of " + domain);
        }
        values.put(variable, value);
        return this;
    }

    public Object get(String variable) {
        return values.get(variable);
    }

    public SdtmDomain domain() {
        return domain;
    }
}
