package org.ventrack.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ventrack.devstack.LocalStack;

/**
 * What the benchmarks beyond the REST table share: quick mode, one JSON line per result appended to the file named
 * by {@code benchmark.results} (run-all.sh turns them into report.md/report.json), percentiles, RSS from /proc and
 * JDBC connections to the services' databases.
 */
final class BenchmarkResults {

    private BenchmarkResults() {
    }

    /** {@code -Dbenchmark.quick=true}: smaller sizes and shorter phases, for trying the benchmarks out. */
    static boolean quick() {
        return Boolean.getBoolean("benchmark.quick");
    }

    static int intProperty(String name, int full, int quick) {
        String value = System.getProperty(name);
        return value != null && !value.isBlank() ? Integer.parseInt(value.trim()) : quick() ? quick : full;
    }

    /** Appends {@code {"section": section, ...fields}} as one line; prints it too. */
    static void write(String section, Map<String, ?> fields) throws IOException {
        StringBuilder json = new StringBuilder("{\"section\":").append(json(section));
        fields.forEach((key, value) -> json.append(',').append(json(key)).append(':').append(json(value)));
        String line = json.append('}').toString();
        System.out.println("RESULT " + line);
        String file = System.getProperty("benchmark.results");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String json(Object value) {
        if (value == null || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "null";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
                Map.Entry<?, ?> entry = it.next();
                out.append(json(String.valueOf(entry.getKey()))).append(':').append(json(entry.getValue()));
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? "," : "").append(json(list.get(i)));
            }
            return out.append(']').toString();
        }
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** The {@code p} quantile (nearest rank) of {@code values}, NaN when empty. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN
                : sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)));
    }

    /** {@code VmRSS} and {@code VmHWM} (peak) of a process, in MiB. */
    static Map<String, Long> memoryMiB(long pid) throws IOException {
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return Map.of("rssMiB", rss, "peakRssMiB", peak);
    }

    static Connection connect(LocalStack stack, String service) throws SQLException {
        return DriverManager.getConnection(stack.database().jdbcUrl(LocalStack.databaseOf(service)),
                stack.database().user(), stack.database().password());
    }

    static long count(LocalStack stack, String service, String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(stack, service); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var result = statement.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }
}
