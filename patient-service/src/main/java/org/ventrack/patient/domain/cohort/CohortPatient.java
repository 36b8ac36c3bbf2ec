package org.ventrack.patient.domain.cohort;

/**
 * One patient as the cohort tables see it. {@code patientId} must be unique in a cohort (use the platform-wide
 * patient id, not the UPN, which is unique only within a site).
 */
public record CohortPatient(
    String patientId, String siteCode,
    String sex,                 // "MALE" | "FEMALE"
    java.time.LocalDate birthDate,
    String diagnosis,           // e.g. RELAPSED_AML, REFRACTORY_AML, MDS_RELATED_AML
    int priorRelapses, Integer priorLines, boolean priorHsct,
    Integer cnsStatus,          // 1..3 or null
    java.util.List<String> geneticLabels,  // e.g. "KMT2A t(9;11)", "PTPN11"
    java.time.LocalDate venetoclaxStart,   // null when no course yet
    String regimen,             // VEN_CHEMO | VEN_HMA | VEN_MONO | null
    java.math.BigDecimal cyclesGiven) {}   // e.g. 3.5, null when unknown
