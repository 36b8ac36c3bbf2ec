package org.ventrack.platform.export.sdtm;

import java.util.List;

/** The define-style description of the export, as plain text: the README.txt of the zip. */
public final class SdtmDefine {

    /** What the export is not, said wherever the export is described. */
    public static final String NOT_CERTIFIED = """
            This is an SDTM-shaped export, not a certified SDTM submission package: there is no define.xml, no SEND,
            no trial design domains (TA, TE, TS...), no SUPP-- datasets, and it has not been validated with Pinnacle 21
            or any other conformance checker. Variable names and controlled terms follow SDTMIG 3.x where VenTrack
            records the data; what is approximated is listed below.""";

    static final String APPROXIMATED = """
            Approximated or left out:
            - ARM/ARMCD: a registry has no planned arm; the regimen of the first venetoclax course stands for both the
              planned and the actual arm.
            - EX: one record per course with the target daily dose over the whole course (start to end date); the days
              off in each cycle, ramp-up doses and interruptions are not recorded. Partner agents (chemotherapy,
              hypomethylating agents) and the dose basis are not exported (they would go to EX records of their own and
              SUPPEX).
            - AEDECOD is the CTCAE v5.0 term, not a MedDRA preferred term; AESEV is derived from the CTCAE grade.
            - AE end dates, outcome and action taken are not recorded, so AEENDTC, AEOUT and AEACN are absent.
            - CMDECOD is absent: co-medications are not WHODrug-coded; CMCLAS is VenTrack's CYP3A inhibitor class.
            - RS results are derived by VenTrack's response criteria from the marrow and blood counts (RSEVAL says so);
              the counts themselves (blasts, platelets, ANC, MRD) would belong to LB/MB and are not exported.
              RSSTRESC uses the category abbreviations; CDISC's codelist for haematological responses was not checked.
            - PC: the sampling time is local time as the site recorded it (no time zone); PCELTM and PK parameters (PP)
              are not exported.
            - RACE, ETHNIC and other variables VenTrack does not collect are absent rather than empty.""";

    private SdtmDefine() {
    }

    /** The README.txt of the zip: what the files are, the caveats, and every column of every dataset. */
    public static String readme(String studyId, List<SdtmDomain> domains) {
        StringBuilder text = new StringBuilder("VenTrack SDTM-shaped export, study " + studyId + "\n\n");
        text.append(NOT_CERTIFIED).append("\n\n");
        text.append("""
                Files: one CSV per domain (RFC 4180, UTF-8, header row of SDTM variable names, CRLF line ends).
                Dates are ISO 8601. Study days (--DY) count from RFSTDTC, the first venetoclax dose: day 1 is that
                date, the day before is -1, there is no day 0. USUBJID is STUDYID-SITEID-SUBJID (SUBJID is the
                patient's UPN, unique within its site). Records are limited to the sites of the token that asked.
                """).append('\n');
        text.append(APPROXIMATED).append("\n\n");
        for (SdtmDomain domain : domains) {
            text.append(domain.fileName()).append(": ").append(domain.name()).append(" - ").append(domain.label())
                    .append(" (").append(domain.structure()).append("; from ").append(domain.owner()).append(")\n");
            text.append(String.format("  %-9s | %-42s | %-4s | %-40s | %s%n", "Variable", "Label", "Type",
                    "Controlled terms / format", "Origin"));
            for (SdtmVariable v : domain.variables()) {
                text.append(String.format("  %-9s | %-42s | %-4s | %-40s | %s%n", v.name(), v.label(), v.type(),
                        v.codelist(), v.origin()));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
