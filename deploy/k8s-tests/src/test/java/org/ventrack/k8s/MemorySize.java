package org.ventrack.k8s;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes written as Quarkus ("256K", "200M") and ingress-nginx ("256k", "200m") write them: both mean powers of 1024,
 * whatever the case of the unit.
 */
final class MemorySize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgKMG]?)[bB]?");

    private MemorySize() {
    }

    static long bytes(String size) {
        Matcher matcher = SIZE.matcher(size.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> number << 10;
            case "m" -> number << 20;
            case "g" -> number << 30;
            default -> number;
        };
    }
}
