package org.ventrack.survival.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the JSON written by src/test/r/make-fixtures.R. R's NA and NaN (written as strings) become NaN, Inf becomes
 * +∞; numbers are compared to {@link #TOLERANCE} absolute, NaN only equals NaN.
 */
final class RFixture {

    static final double TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private RFixture(JsonNode root) {
        this.root = root;
    }

    static RFixture load(String file) {
        try (InputStream in = RFixture.class.getResourceAsStream("/r-fixtures/" + file)) {
            if (in == null) fail("missing fixture " + file);
            return new RFixture(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode node(String path) {
        JsonNode n = root;
        for (String part : path.split("/")) {
            n = n.get(part);
            if (n == null) fail("fixture has no " + path);
        }
        return n;
    }

    double number(String path) {
        return toDouble(node(path));
    }

    int integer(String path) {
        return node(path).asInt();
    }

    /** A vector (R writes a length-1 vector as a scalar under auto_unbox) or a matrix flattened row by row. */
    double[] doubles(String path) {
        java.util.List<JsonNode> leaves = new java.util.ArrayList<>();
        collectLeaves(node(path), leaves);
        double[] v = new double[leaves.size()];
        for (int i = 0; i < v.length; i++) v[i] = toDouble(leaves.get(i));
        return v;
    }

    private static void collectLeaves(JsonNode n, java.util.List<JsonNode> leaves) {
        if (n.isArray()) {
            for (JsonNode child : n) collectLeaves(child, leaves);
        } else {
            leaves.add(n);
        }
    }

    int[] ints(String path) {
        double[] d = doubles(path);
        int[] v = new int[d.length];
        for (int i = 0; i < d.length; i++) v[i] = (int) d[i];
        return v;
    }

    boolean[] booleans(String path) {
        double[] d = doubles(path);
        boolean[] v = new boolean[d.length];
        for (int i = 0; i < d.length; i++) v[i] = d[i] != 0;
        return v;
    }

    private static double toDouble(JsonNode n) {
        if (n.isNumber()) return n.asDouble();
        return switch (n.asText()) {
            case "NA", "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a number: " + n);
        };
    }

    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what); // assertEquals treats NaN as equal to NaN
        } else {
            assertTrue(Math.abs(expected - actual) <= TOLERANCE,
                    () -> what + ": R " + expected + ", Java " + actual);
        }
    }

    static void assertAllClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) assertClose(expected[i], actual[i], what + "[" + i + "]");
    }

    static void assertAllClose(double[] expected, int[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) assertClose(expected[i], actual[i], what + "[" + i + "]");
    }
}
