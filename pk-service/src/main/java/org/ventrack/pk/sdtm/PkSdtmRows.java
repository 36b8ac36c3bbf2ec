package org.ventrack.pk.sdtm;

import static org.ventrack.platform.export.sdtm.Sdtm.dtc;
import static org.ventrack.platform.export.sdtm.Sdtm.studyDay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ventrack.pk.domain.trough.SampleKind;
import org.ventrack.platform.export.sdtm.Sdtm;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmRow;

/** pk-service's venetoclax samples as SDTM-shaped PC rows. Plain Java; the columns are described in {@link SdtmDomain#PC}. */
public final class PkSdtmRows {

    /** A sample as posted: concentration empty when below the LLOQ. */
    public record Concentration(LocalDateTime sampledAt, LocalDateTime lastDoseAt, BigDecimal ngPerMl, BigDecimal lloq,
            boolean belowLloq, SampleKind kind) {
    }

    /** A subject with the first venetoclax dose (RFSTDTC) and its samples. */
    public record Subject(String siteCode, String upn, Optional<LocalDate> referenceStart, List<Concentration> samples) {
    }

    private PkSdtmRows() {
    }

    public static List<SdtmRow> pc(String studyId, List<Subject> subjects) {
        List<SdtmRow> rows = new ArrayList<>();
        for (Subject s : subjects.stream().sorted(Comparator.comparing(s -> Sdtm.usubjid(studyId, s.siteCode(), s.upn())))
                .toList()) {
            String usubjid = Sdtm.usubjid(studyId, s.siteCode(), s.upn());
            s.samples().stream().sorted(Comparator.comparing(Concentration::sampledAt)).forEach(c -> {
                String result = c.belowLloq() ? (c.lloq() == null ? "<LLOQ" : "<" + plain(c.lloq())) : plain(c.ngPerMl());
                rows.add(new SdtmRow(SdtmDomain.PC).set("USUBJID", usubjid)
                        .set("PCTESTCD", "VENETOC")
                        .set("PCTEST", "Venetoclax")
                        .set("PCORRES", result)
                        .set("PCORRESU", "ng/mL")
                        .set("PCSTRESC", result)
                        .set("PCSTRESN", c.belowLloq() ? null : c.ngPerMl())
                        .set("PCSTRESU", "ng/mL")
                        .set("PCSPEC", "PLASMA")
                        .set("PCLLOQ", c.lloq())
                        .set("PCTPT", c.kind() == SampleKind.OTHER ? null : c.kind().name())
                        .set("PCTPTREF", c.lastDoseAt() == null ? null : "LAST DOSE")
                        .set("PCRFTDTC", dtc(c.lastDoseAt()))
                        .set("PCDTC", dtc(c.sampledAt()))
                        .set("PCDY", studyDay(c.sampledAt().toLocalDate(), s.referenceStart())));
            });
        }
        return rows;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
