package org.ventrack.platform.export.sdtm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ventrack.platform.export.Csv;

/** A domain's rows written as CSV: the header is the domain's variables, --SEQ counts 1, 2, ... per subject. */
public final class SdtmDataset {

    private SdtmDataset() {
    }

    /** The rows, in the order given (the mapper orders them by subject, then date), as RFC 4180 CSV. */
    public static String csv(SdtmDomain domain, String studyId, List<SdtmRow> rows) {
        List<List<Object>> lines = new ArrayList<>();
        Map<Object, Integer> sequence = new HashMap<>();
        for (SdtmRow row : rows) {
            if (row.domain() != domain) {
                throw new IllegalArgumentException("a " + row.domain() + " row in " + domain);
            }
            row.set("STUDYID", studyId).set("DOMAIN", domain.name());
            domain.sequenceVariable().ifPresent(seq -> row.set(seq, sequence.merge(row.get("USUBJID"), 1, Integer::sum)));
            lines.add(domain.names().stream().map(row::get).toList());
        }
        return Csv.write(domain.names(), lines);
    }
}
