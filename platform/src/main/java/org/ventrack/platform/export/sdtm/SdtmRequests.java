package org.ventrack.platform.export.sdtm;

import java.util.List;
import java.util.stream.Collectors;

import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;

/** The domain a request names, among those a service serves; anything else is a 404 problem listing them. */
public final class SdtmRequests {

    private SdtmRequests() {
    }

    public static SdtmDomain domain(String requested, List<SdtmDomain> served) {
        return SdtmDomain.named(requested).filter(served::contains).orElseThrow(() -> {
            String names = served.stream().map(Enum::name).collect(Collectors.joining(", "));
            String elsewhere = served.size() < SdtmDomain.values().length
                    ? " patient-service serves every domain (" + java.util.Arrays.stream(SdtmDomain.values())
                            .map(Enum::name).collect(Collectors.joining(", ")) + ")."
                    : "";
            return new ProblemException(Problem.of(404, "unknown-sdtm-domain", "Unknown SDTM domain",
                    "No SDTM domain '" + requested + "' here; this service serves " + names + "." + elsewhere));
        });
    }
}
