package org.ventrack.platform.export.sdtm;

import static org.ventrack.platform.export.sdtm.SdtmVariable.chr;
import static org.ventrack.platform.export.sdtm.SdtmVariable.num;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SDTM-shaped datasets VenTrack exports (after SDTMIG 3.x), each with its columns in order. One definition serves
 * the CSV header, the check that a row has no unknown column, and the define-style README, so they cannot drift.
 * Which service serves the rows is in {@link #owner()}; patient-service serves all six.
 */
public enum SdtmDomain {

    DM("Demographics", "One record per subject", "patient-service", List.of(
            chr("SUBJID", "Subject Identifier for the Study", "", "patient upn"),
            chr("RFSTDTC", "Subject Reference Start Date/Time", "ISO 8601 date",
                    "first venetoclax dose: the earliest treatment course startDate"),
            chr("RFENDTC", "Subject Reference End Date/Time", "ISO 8601 date",
                    "end of participation: date of the DEATH clinical event, else the latest LAST_FOLLOW_UP date"),
            chr("RFXSTDTC", "Date/Time of First Study Treatment", "ISO 8601 date", "= RFSTDTC"),
            chr("RFXENDTC", "Date/Time of Last Study Treatment", "ISO 8601 date",
                    "latest treatment course endDate; empty while a course has no endDate"),
            chr("DTHDTC", "Date/Time of Death", "ISO 8601 date", "clinical event of kind DEATH, date"),
            chr("DTHFL", "Subject Death Flag", "Y or empty (NY)", "Y when a DEATH clinical event exists"),
            chr("SITEID", "Study Site Identifier", "", "patient siteCode"),
            chr("BRTHDTC", "Date/Time of Birth", "ISO 8601 date", "patient birthDate"),
            num("AGE", "Age", "", "completed years from birthDate to RFSTDTC; empty without RFSTDTC"),
            chr("AGEU", "Age Units", "YEARS (AGEU)", "constant YEARS when AGE is given"),
            chr("SEX", "Sex", "M, F, U (SEX)", "patient sex: MALE -> M, FEMALE -> F, missing -> U"),
            chr("ARMCD", "Planned Arm Code", "VEN_CHEMO, VEN_HMA, VEN_MONO",
                    "regimen of the first treatment course (a registry has no randomised arm)"),
            chr("ARM", "Description of Planned Arm", "", "description of ARMCD"),
            chr("ACTARMCD", "Actual Arm Code", "as ARMCD", "= ARMCD"),
            chr("ACTARM", "Description of Actual Arm", "", "= ARM"),
            chr("ARMNRS", "Reason Arm and/or Actual Arm is Null", "NOT ASSIGNED (ARMNRS)",
                    "NOT ASSIGNED for a patient without a treatment course"),
            chr("COUNTRY", "Country", "ISO 3166-1 alpha-3", "site country (alpha-2 in VenTrack), converted"))),

    EX("Exposure", "One record per venetoclax treatment course", "patient-service", List.of(
            chr("EXTRT", "Name of Treatment", "VENETOCLAX", "constant: every course is a venetoclax course"),
            chr("EXCAT", "Category of Treatment", "VEN_CHEMO, VEN_HMA, VEN_MONO", "treatment course regimen"),
            num("EXDOSE", "Dose", "", "treatment course dailyDoseMg (the target daily dose; ramp-up doses are not recorded)"),
            chr("EXDOSU", "Dose Units", "mg (UNIT)", "constant mg"),
            chr("EXDOSFRQ", "Dosing Frequency per Interval", "QD (FREQ)", "constant QD (once daily)"),
            chr("EXDOSRGM", "Intended Dose Regimen", "", "'<activeDays> OF <cycleLengthDays> DAYS' of the course"),
            chr("EXROUTE", "Route of Administration", "ORAL (ROUTE)", "constant ORAL"),
            chr("EXSTDTC", "Start Date/Time of Treatment", "ISO 8601 date", "treatment course startDate"),
            chr("EXENDTC", "End Date/Time of Treatment", "ISO 8601 date", "treatment course endDate"),
            num("EXSTDY", "Study Day of Start of Treatment", "", "derived from EXSTDTC and RFSTDTC (no day 0)"),
            num("EXENDY", "Study Day of End of Treatment", "", "derived from EXENDTC and RFSTDTC (no day 0)"))),

    CM("Concomitant Medications", "One record per co-medication", "patient-service", List.of(
            chr("CMTRT", "Reported Name of Drug, Med, or Therapy", "", "comedication drug, as recorded"),
            chr("CMCLAS", "Medication Class", "STRONG CYP3A INHIBITOR, MODERATE CYP3A INHIBITOR or empty",
                    "comedication cyp3aInhibition (VenTrack's maintained inhibitor list, not ATC)"),
            chr("CMSTDTC", "Start Date/Time of Medication", "ISO 8601 date", "comedication startDate"),
            chr("CMENDTC", "End Date/Time of Medication", "ISO 8601 date", "comedication endDate; empty while ongoing"),
            num("CMSTDY", "Study Day of Start of Medication", "", "derived from CMSTDTC and RFSTDTC (no day 0)"),
            num("CMENDY", "Study Day of End of Medication", "", "derived from CMENDTC and RFSTDTC (no day 0)"))),

    AE("Adverse Events", "One record per adverse event", "patient-service", List.of(
            chr("AETERM", "Reported Term for the Adverse Event", "CTCAE v5.0 term", "adverse event term"),
            chr("AEDECOD", "Dictionary-Derived Term", "CTCAE v5.0 term (not MedDRA-coded)", "= AETERM"),
            chr("AESEV", "Severity/Intensity", "MILD, MODERATE, SEVERE (AESEV)",
                    "derived from grade: 1 MILD, 2 MODERATE, 3-5 SEVERE"),
            chr("AETOXGR", "Standard Toxicity Grade", "1-5 (CTCAE v5.0)", "adverse event grade"),
            chr("AESER", "Serious Event", "Y, N (NY)", "adverse event serious"),
            chr("AEREL", "Causality", "NOT RELATED, UNLIKELY RELATED, POSSIBLY RELATED, PROBABLY RELATED, RELATED",
                    "adverse event attribution to venetoclax: UNRELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE"),
            chr("AESDTH", "Results in Death", "Y, N (NY)", "Y when grade is 5"),
            chr("AESTDTC", "Start Date/Time of Adverse Event", "ISO 8601 date", "adverse event onsetDate"),
            num("AESTDY", "Study Day of Start of Adverse Event", "", "derived from AESTDTC and RFSTDTC (no day 0)"))),

    RS("Disease Response", "One record per classified assessment and criteria set, and one best overall response "
            + "per subject and criteria set", "response-service", List.of(
            chr("RSTESTCD", "Assessment Short Name", "OVRLRESP, BESTRSP (RSTESTCD)",
                    "OVRLRESP for an assessment's response, BESTRSP for the subject's best overall response"),
            chr("RSTEST", "Assessment Name", "Overall Response, Best Overall Response (RSTEST)", "description of RSTESTCD"),
            chr("RSCAT", "Category for Assessment", "COUSSON_2025, ELN_2022",
                    "the response criteria set (Cousson et al. 2025, or ELN 2022) the result was derived under"),
            chr("RSORRES", "Result or Finding in Original Units", "CR, CRh, CRi, MLFS, PR, NR, not evaluable",
                    "GET /patients/{id}/responses: category (best response for BESTRSP)"),
            chr("RSSTRESC", "Character Result/Finding in Std Format", "CR, CRh, CRi, MLFS, PR, NR, NE",
                    "RSORRES with 'not evaluable' as NE"),
            chr("RSEVAL", "Evaluator", "", "constant 'VENTRACK ALGORITHM': derived by response-service from the "
                    + "site's marrow and blood counts, not read by an investigator"),
            chr("RSDRVFL", "Derived Flag", "Y (NY)", "constant Y"),
            num("VISITNUM", "Visit Number", "", "assessment cycle, when given"),
            chr("VISIT", "Visit Name", "", "'CYCLE <cycle>', when given"),
            chr("RSDTC", "Date/Time of Assessment", "ISO 8601 date",
                    "assessmentDate (OVRLRESP); date of the assessment that gave the best response (BESTRSP)"),
            num("RSDY", "Study Day of Assessment", "", "derived from RSDTC and RFSTDTC (no day 0)"))),

    PC("Pharmacokinetics Concentrations", "One record per venetoclax plasma sample", "pk-service", List.of(
            chr("PCTESTCD", "Pharmacokinetic Test Short Name", "VENETOC", "constant: the analyte is venetoclax"),
            chr("PCTEST", "Pharmacokinetic Test Name", "Venetoclax", "constant"),
            chr("PCORRES", "Result or Finding in Original Units", "", "sample concentrationNgPerMl; '<LLOQ' "
                    + "as '<' and lloqNgPerMl when belowLloq"),
            chr("PCORRESU", "Original Units", "ng/mL (PKUNIT)", "constant ng/mL"),
            chr("PCSTRESC", "Character Result/Finding in Std Format", "", "= PCORRES"),
            num("PCSTRESN", "Numeric Result/Finding in Standard Units", "", "concentrationNgPerMl; empty when below LLOQ"),
            chr("PCSTRESU", "Standard Units", "ng/mL (PKUNIT)", "constant ng/mL"),
            chr("PCSPEC", "Specimen Material Type", "PLASMA (SPECTYPE)", "constant PLASMA"),
            num("PCLLOQ", "Lower Limit of Quantitation", "", "sample lloqNgPerMl"),
            chr("PCTPT", "Planned Time Point Name", "TROUGH, PEAK or empty", "sample kind (OTHER is empty)"),
            chr("PCTPTREF", "Time Point Reference", "LAST DOSE", "constant LAST DOSE when PCRFTDTC is given"),
            chr("PCRFTDTC", "Date/Time of Reference Time Point", "ISO 8601 date-time", "sample lastDoseAt"),
            chr("PCDTC", "Date/Time of Specimen Collection", "ISO 8601 date-time", "sample sampledAt"),
            num("PCDY", "Study Day of Specimen Collection", "", "derived from the date of PCDTC and RFSTDTC (no day 0)")));

    private final String label;
    private final String structure;
    private final String owner;
    private final List<SdtmVariable> variables;

    SdtmDomain(String label, String structure, String owner, List<SdtmVariable> own) {
        this.label = label;
        this.structure = structure;
        this.owner = owner;
        List<SdtmVariable> all = new ArrayList<>(List.of(
                chr("STUDYID", "Study Identifier", "", "configured: ventrack.export.sdtm.study-id"),
                chr("DOMAIN", "Domain Abbreviation", name(), "constant " + name()),
                chr("USUBJID", "Unique Subject Identifier", "STUDYID-SITEID-SUBJID",
                        "STUDYID, patient siteCode and upn joined by '-'")));
        if (!"DM".equals(name())) {
            all.add(num(name() + "SEQ", "Sequence Number", "", "1, 2, ... per USUBJID in the order of the rows"));
        }
        all.addAll(own);
        this.variables = List.copyOf(all);
    }

    public String label() {
        return label;
    }

    public String structure() {
        return structure;
    }

    /** The service whose data the rows are. */
    public String owner() {
        return owner;
    }

    public List<SdtmVariable> variables() {
        return variables;
    }

    public List<String> names() {
        return variables.stream().map(SdtmVariable::name).toList();
    }

    /** The sequence variable ({@code AESEQ}), empty for DM. */
    public Optional<String> sequenceVariable() {
        return "DM".equals(name()) ? Optional.empty() : Optional.of(name() + "SEQ");
    }

    /** The file name of the dataset in exports, e.g. {@code ae.csv}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".csv";
    }

    /** The domain of that name, in any case. */
    public static Optional<SdtmDomain> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }
}
