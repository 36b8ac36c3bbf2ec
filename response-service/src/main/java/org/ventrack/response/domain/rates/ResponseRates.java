package org.ventrack.response.domain.rates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ventrack.response.domain.criteria.Category;

/**
 * Response rates of a group of patients from their best overall responses. The denominator is every patient who
 * started venetoclax, as in the paper (12): patients without an evaluable assessment count as non-responders.
 * ORR counts every response category (CR, CRh, CRi, MLFS, PR); the CR + CRi rate counts complete remissions (CR, CRh,
 * CRi).
 */
public final class ResponseRates {

    /** One group's rates; {@code counts} has every category, zero included. */
    public record GroupRates(String group, int n, Map<Category, Integer> counts, Rate overallResponse,
            Rate completeRemission) {
    }

    /** A patient's group (e.g. its regimen) and best response. */
    public record PatientResponse(String group, Category bestResponse) {
    }

    private ResponseRates() {
    }

    public static GroupRates of(String group, List<Category> bestResponses, double confLevel) {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            counts.put(c, 0);
        }
        int responders = 0;
        int remissions = 0;
        for (Category c : bestResponses) {
            counts.merge(c, 1, Integer::sum);
            responders += c.response() ? 1 : 0;
            remissions += c.completeRemission() ? 1 : 0;
        }
        int n = bestResponses.size();
        return new GroupRates(group, n, counts, Rate.of(responders, n, confLevel), Rate.of(remissions, n, confLevel));
    }

    /** One entry per group, in group order; a patient without a group is counted under "unknown". */
    public static List<GroupRates> byGroup(List<PatientResponse> patients, double confLevel) {
        Map<String, List<Category>> groups = new TreeMap<>();
        for (PatientResponse p : patients) {
            groups.computeIfAbsent(p.group() == null ? "unknown" : p.group(), g -> new ArrayList<>()).add(p.bestResponse());
        }
        List<GroupRates> rates = new ArrayList<>();
        groups.forEach((group, responses) -> rates.add(of(group, responses, confLevel)));
        return rates;
    }
}
