package org.ventrack.patient.fhir;

/**
 * The systems, codes and extension URLs of VenTrack's FHIR R4 mapping, in one place (the README's mapping table lists
 * them). Codes of public terminologies (LOINC, ICD-10, SNOMED CT, RxNorm, ATC, UCUM) where one fits; VenTrack's own
 * code systems under {@value #BASE} for the study's categories that no public terminology names.
 */
public final class FhirCodes {

    private FhirCodes() {
    }

    public static final String BASE = "https://ventrack.org/fhir";
    /** The study's pseudonymous patient number (UPN), unique within a site. The only identifier a Patient may carry. */
    public static final String UPN_SYSTEM = BASE + "/sid/upn";
    /** A study site's code (FR-RDB), as the identifier of Patient.managingOrganization. */
    public static final String SITE_SYSTEM = BASE + "/sid/site";

    public static final String DIAGNOSIS_SYSTEM = BASE + "/CodeSystem/diagnosis";
    public static final String OBSERVATION_SYSTEM = BASE + "/CodeSystem/observation";
    public static final String CLINICAL_EVENT_SYSTEM = BASE + "/CodeSystem/clinical-event";
    public static final String PROCEDURE_SYSTEM = BASE + "/CodeSystem/procedure";
    public static final String CTCAE_TERM_SYSTEM = BASE + "/CodeSystem/ctcae-v5-term";
    /** Enumerations of the patient document (regimen, dose basis, attribution, donor, ...): code = the enum constant. */
    public static final String ENUM_SYSTEM_PREFIX = BASE + "/CodeSystem/";

    public static final String EXT = BASE + "/StructureDefinition/";
    public static final String EXT_PRIOR_HSCT = EXT + "prior-hsct";
    public static final String EXT_PRIOR_HSCT_DATE = EXT + "prior-hsct-date";
    public static final String EXT_DEATH_CAUSE = EXT + "death-cause";
    public static final String EXT_PRIOR_RELAPSES = EXT + "prior-relapses";
    public static final String EXT_PRIOR_LINES = EXT + "prior-lines";
    public static final String EXT_CNS_STATUS = EXT + "cns-status";
    public static final String EXT_GENETIC_ALTERATION = EXT + "genetic-alteration";
    public static final String EXT_REGIMEN = EXT + "regimen";
    public static final String EXT_PARTNER_AGENT = EXT + "partner-agent";
    public static final String EXT_CYCLE_LENGTH = EXT + "cycle-length-days";
    public static final String EXT_ACTIVE_DAYS = EXT + "active-days";
    public static final String EXT_DOSE_BASIS = EXT + "dose-basis";
    public static final String EXT_RAMP_UP = EXT + "ramp-up";
    public static final String EXT_CYCLES_GIVEN = EXT + "cycles-given";
    public static final String EXT_END_REASON = EXT + "end-reason";
    public static final String EXT_HSCT_DONOR = EXT + "hsct-donor";
    public static final String EXT_HSCT_CONDITIONING = EXT + "hsct-conditioning";
    /** CTCAE v5 grade 1-5: R4 AdverseEvent has only severity mild/moderate/severe, which cannot carry five grades. */
    public static final String EXT_CTCAE_GRADE = EXT + "ctcae-grade";
    public static final String EXT_ATTRIBUTION = EXT + "attribution";
    public static final String EXT_BASELINE = EXT + "baseline-assessment";
    public static final String EXT_CYCLE = EXT + "treatment-cycle";
    public static final String EXT_LAST_DOSE_AT = EXT + "last-dose-at";
    public static final String EXT_DAILY_DOSE = EXT + "daily-dose";
    public static final String EXT_SAMPLE_KIND = EXT + "pk-sample-kind";
    public static final String EXT_LLOQ = EXT + "lloq";

    public static final String LOINC = "http://loinc.org";
    public static final String LOINC_BODY_WEIGHT = "29463-7";
    public static final String LOINC_BODY_HEIGHT = "8302-2";
    public static final String LOINC_MARROW_BLASTS = "11150-2";
    public static final String LOINC_PLATELETS = "777-3";
    public static final String LOINC_NEUTROPHILS = "751-8";

    /** Local codes where we know of no LOINC code we could verify (the README says so). */
    public static final String OBS_MARROW_ASSESSMENT = "marrow-assessment";
    public static final String OBS_MRD_STATUS = "mrd-status";
    public static final String OBS_MRD_LEVEL = "mrd-level-percent";
    public static final String OBS_CIRCULATING_BLASTS = "circulating-blasts";
    public static final String OBS_EXTRAMEDULLARY_DISEASE = "extramedullary-disease";
    public static final String OBS_EXTRAMEDULLARY_SITE = "extramedullary-site";
    public static final String OBS_TRANSFUSION_DEPENDENT = "transfusion-dependent";
    public static final String OBS_CELLULARITY = "marrow-cellularity-percent";
    public static final String OBS_CELLS_COUNTED = "cells-counted";
    public static final String OBS_VENETOCLAX_CONCENTRATION = "venetoclax-concentration";

    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ICD10_AML = "C92.0";
    public static final String ICD10_AML_MDS = "C92.8";
    public static final String ICD10_MDS = "D46.9";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String SNOMED_AML = "91861009";
    public static final String SNOMED_MDS = "109995007";
    public static final String SNOMED_HSCT = "234336002";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String RXNORM_VENETOCLAX = "1747556";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String ATC_VENETOCLAX = "L01XX52";

    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    public static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static String enumSystem(String name) {
        return ENUM_SYSTEM_PREFIX + name;
    }
}
