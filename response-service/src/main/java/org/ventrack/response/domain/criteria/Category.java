package org.ventrack.response.domain.criteria;

/** A response category, best first: CR > CRh > CRi > MLFS > PR > NR; NOT_EVALUABLE is no response at all. */
public enum Category {
    CR("CR", true, true),
    CRH("CRh", true, true),
    CRI("CRi", true, true),
    MLFS("MLFS", false, true),
    PR("PR", false, true),
    NR("NR", false, false),
    NOT_EVALUABLE("not evaluable", false, false);

    private final String label;
    private final boolean completeRemission;
    private final boolean response;

    Category(String label, boolean completeRemission, boolean response) {
        this.label = label;
        this.completeRemission = completeRemission;
        this.response = response;
    }

    public String label() {
        return label;
    }

    /** CR, CRh or CRi: a complete remission, counted in the CR + CRi rate. */
    public boolean completeRemission() {
        return completeRemission;
    }

    /** Counted in the overall response rate. */
    public boolean response() {
        return response;
    }

    public boolean evaluable() {
        return this != NOT_EVALUABLE;
    }

    public boolean betterThan(Category other) {
        return ordinal() < other.ordinal();
    }
}
