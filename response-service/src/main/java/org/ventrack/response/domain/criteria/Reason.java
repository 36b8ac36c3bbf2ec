package org.ventrack.response.domain.criteria;

/**
 * One threshold of a criteria set, as judged on an assessment.
 *
 * @param criterion the rule, e.g. "bone-marrow blasts <= 5 %"
 * @param met       whether it holds; null when an input it needs is missing
 * @param values    the values it was judged on, e.g. "blasts 3.5 %"
 */
public record Reason(String criterion, Boolean met, String values) {
}
