package org.ventrack.response.domain.criteria;

import java.util.List;

/**
 * The response of one assessment under one criteria set, with every threshold judged and, when the category is
 * NOT_EVALUABLE, the inputs that are missing.
 *
 * @param mrdNegative a complete remission (CR, CRh, CRi) with negative MRD by flow cytometry
 */
public record Classification(String criteria, String criteriaVersion, Category category, boolean mrdNegative,
        List<Reason> reasons, List<String> missing) {
}
