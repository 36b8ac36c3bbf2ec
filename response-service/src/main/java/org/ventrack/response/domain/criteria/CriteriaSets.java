package org.ventrack.response.domain.criteria;

import java.util.List;
import java.util.Optional;

/** The criteria sets the registry knows, by name. */
public final class CriteriaSets {

    public static final List<ResponseCriteria> ALL = List.of(new Cousson2025(), new Eln2022());

    private CriteriaSets() {
    }

    public static Optional<ResponseCriteria> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ResponseCriteria::name).toList();
    }
}
