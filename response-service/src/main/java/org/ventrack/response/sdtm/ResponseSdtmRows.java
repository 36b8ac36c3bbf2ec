package org.ventrack.response.sdtm;

import static org.ventrack.platform.export.sdtm.Sdtm.dtc;
import static org.ventrack.platform.export.sdtm.Sdtm.studyDay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ventrack.platform.export.sdtm.Sdtm;
import org.ventrack.platform.export.sdtm.SdtmDomain;
import org.ventrack.platform.export.sdtm.SdtmRow;
import org.ventrack.response.domain.criteria.Category;

/** response-service's results as SDTM-shaped RS rows. Plain Java; the columns are described in {@link SdtmDomain#RS}. */
public final class ResponseSdtmRows {

    /** One assessment's current result under one criteria set. */
    public record Result(String criteria, LocalDate date, Integer cycle, Category category) {
    }

    /** A subject's best overall response under one criteria set; {@code date} is empty when nothing was evaluable. */
    public record Best(String criteria, Category category, LocalDate date) {
    }

    /** A subject with the first venetoclax dose (RFSTDTC) and every current result. */
    public record Subject(String siteCode, String upn, Optional<LocalDate> referenceStart, List<Result> results,
            List<Best> bests) {
    }

    private ResponseSdtmRows() {
    }

    /**
     * For each subject (by USUBJID) and criteria set (in {@code criteriaOrder}): the assessments' responses by date,
     * then the best overall response.
     */
    public static List<SdtmRow> rs(String studyId, List<Subject> subjects, List<String> criteriaOrder) {
        List<SdtmRow> rows = new ArrayList<>();
        for (Subject s : subjects.stream().sorted(Comparator.comparing(s -> Sdtm.usubjid(studyId, s.siteCode(), s.upn())))
                .toList()) {
            String usubjid = Sdtm.usubjid(studyId, s.siteCode(), s.upn());
            for (String criteria : criteriaOrder) {
                s.results().stream().filter(r -> r.criteria().equals(criteria))
                        .sorted(Comparator.comparing(Result::date))
                        .forEach(r -> rows.add(row(usubjid, "OVRLRESP", "Overall Response", criteria, r.category(),
                                r.date(), s.referenceStart())
                                .set("VISITNUM", r.cycle())
                                .set("VISIT", r.cycle() == null ? null : "CYCLE " + r.cycle())));
                s.bests().stream().filter(b -> b.criteria().equals(criteria))
                        .forEach(b -> rows.add(row(usubjid, "BESTRSP", "Best Overall Response", criteria, b.category(),
                                b.date(), s.referenceStart())));
            }
        }
        return rows;
    }

    /** The category as the criteria print it, with NE for not evaluable in the standard result. */
    static String standard(Category category) {
        return category == Category.NOT_EVALUABLE ? "NE" : category.label();
    }

    private static SdtmRow row(String usubjid, String testcd, String test, String criteria, Category category,
            LocalDate date, Optional<LocalDate> start) {
        return new SdtmRow(SdtmDomain.RS).set("USUBJID", usubjid)
                .set("RSTESTCD", testcd)
                .set("RSTEST", test)
                .set("RSCAT", criteria)
                .set("RSORRES", category.label())
                .set("RSSTRESC", standard(category))
                .set("RSEVAL", "VENTRACK ALGORITHM")
                .set("RSDRVFL", "Y")
                .set("RSDTC", dtc(date))
                .set("RSDY", studyDay(date, start));
    }
}
