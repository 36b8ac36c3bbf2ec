package org.ventrack.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ventrack.devstack.LocalStack;

/**
 * Looks for the clinical values a drill posted in every log file of a stack: the four services, Kafka and
 * PostgreSQL. A value is found only as a whole token ({@code 37.41} is not found in {@code 137.412}), so the values
 * a drill posts should be ones no log would contain by chance (odd decimals, dates long past).
 */
final class ClinicalValueScan {

    private ClinicalValueScan() {
    }

    /**
     * The stack's logs: each service's, the Kafka broker's and PostgreSQL's (not Kafka's data directory, whose
     * segment files are named {@code *.log} too but hold the events themselves).
     */
    static List<Path> logFiles(LocalStack stack) {
        List<Path> files = new ArrayList<>();
        LocalStack.SERVICES.forEach(service -> files.add(stack.logFile(service)));
        if (stack.kafka() != null) {
            files.add(stack.kafka().logFile());
        }
        if (stack.database().logFile() != null) {
            files.add(stack.database().logFile());
        }
        return files.stream().filter(Files::isRegularFile).toList();
    }

    /** Every line of {@code files} that contains one of {@code values}, with its file, line number and the value. */
    static List<String> linesContaining(List<Path> files, Collection<String> values) throws IOException {
        List<Pattern> patterns = values.stream()
                .map(v -> Pattern.compile("(?<![0-9A-Za-z.-])" + Pattern.quote(v) + "(?![0-9A-Za-z])"))
                .toList();
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : patterns) {
                    Matcher matcher = pattern.matcher(lines.get(i));
                    if (matcher.find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + " [" + matcher.group() + "] " + abbreviate(lines.get(i)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Fails if any log of the stack holds one of {@code values}; the logs must hold something (a drill whose services
     * wrote nothing would prove nothing).
     */
    static void assertNoneIn(LocalStack stack, Collection<String> values) throws IOException {
        List<Path> files = logFiles(stack);
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> content = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                lines += content.count();
            }
        }
        if (files.size() < LocalStack.SERVICES.size() || lines == 0) {
            throw new AssertionError("nothing to scan: " + files);
        }
        List<String> found = linesContaining(files, values);
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " log line(s) carry a clinical value posted by the drill:\n"
                    + String.join("\n", found.subList(0, Math.min(found.size(), 20))));
        }
        System.out.printf("log scan: %d values, %d files, %d lines, none found%n", values.size(), files.size(), lines);
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
