package org.ventrack.platform.export.sdtm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The derivations every SDTM domain shares: subject identifier, ISO 8601 dates and study days. */
public final class Sdtm {

    private Sdtm() {
    }

    /**
     * {@code STUDYID-SITEID-SUBJID}, e.g. {@code VENTRACK-FR-RDB-UPN03}. Unique because a UPN is unique within its
     * site, and readable back because a site code always has exactly one dash (two letters, dash, capitals or digits).
     */
    public static String usubjid(String studyId, String siteCode, String upn) {
        return studyId + "-" + siteCode + "-" + upn;
    }

    /**
     * The SDTM study day of {@code date} relative to {@code reference} (RFSTDTC): day 1 is the reference date, the day
     * before is day -1; there is no day 0. Empty when either date is missing.
     */
    public static Integer studyDay(LocalDate date, LocalDate reference) {
        if (date == null || reference == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(reference, date);
        return Math.toIntExact(days >= 0 ? days + 1 : days);
    }

    public static Integer studyDay(LocalDate date, Optional<LocalDate> reference) {
        return studyDay(date, reference.orElse(null));
    }

    /** ISO 8601 date, {@code 2020-09-07}; null stays null. */
    public static String dtc(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** ISO 8601 date and time to the minute (seconds only when recorded), {@code 2020-01-23T08:00}. */
    public static String dtc(LocalDateTime time) {
        return time == null ? null : time.toString();
    }

    /** Y or N (the NY codelist). */
    public static String ny(boolean value) {
        return value ? "Y" : "N";
    }
}
