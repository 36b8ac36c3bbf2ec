package org.ventrack.survival.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;
import org.ventrack.survival.domain.report.Subjects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the subjects of a stateless request as they stream in, token by token (JSON) or line by line (CSV), into
 * primitive arrays: no tree of a million objects is built. Every bad value is a 400 naming the subject; more subjects
 * than the limit is a 413.
 */
final class SubjectsReader {

    /** The subjects and the options that came with them in a JSON body. */
    record Request(Subjects subjects, String confType, Double confLevel, List<String> times) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private SubjectsReader() {
    }

    /** {@code {"subjects": [{"time": 5, "event": true, "group": "A"}, ...], "confType": .., "confLevel": .., "times": [..]}} */
    static Request json(InputStream body, int maxSubjects) {
        Subjects subjects = new Subjects();
        String confType = null;
        Double confLevel = null;
        List<String> times = new ArrayList<>();
        try (JsonParser in = JSON.createParser(body)) {
            expect(in.nextToken() == JsonToken.START_OBJECT, "body", "must be a JSON object");
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "subjects" -> {
                        expect(value == JsonToken.START_ARRAY, "subjects", "must be an array");
                        while (in.nextToken() == JsonToken.START_OBJECT) {
                            readSubject(in, subjects, maxSubjects);
                        }
                    }
                    case "confType" -> {
                        expect(value == JsonToken.VALUE_STRING, "confType", "must be a string");
                        confType = in.getText();
                    }
                    case "confLevel" -> {
                        expect(value.isNumeric(), "confLevel", "must be a number");
                        confLevel = in.getDoubleValue();
                    }
                    case "times" -> {
                        expect(value == JsonToken.START_ARRAY, "times", "must be an array of numbers");
                        while (in.nextToken() != JsonToken.END_ARRAY) {
                            expect(in.currentToken().isNumeric(), "times", "must be an array of numbers");
                            times.add(in.getText());
                        }
                    }
                    default -> throw ProblemException.invalid(field, "is not a field of this request");
                }
            }
        } catch (JsonParseException e) {
            throw ProblemException.invalid("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the request body", e);
        }
        requireSubjects(subjects);
        return new Request(subjects, confType, confLevel, times);
    }

    private static void readSubject(JsonParser in, Subjects subjects, int maxSubjects) throws IOException {
        int index = subjects.size();
        Double time = null;
        Boolean event = null;
        String group = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "time" -> {
                    expect(value.isNumeric(), "subjects[" + index + "].time", "must be a number");
                    time = in.getDoubleValue();
                }
                case "event" -> {
                    expect(value.isBoolean(), "subjects[" + index + "].event", "must be true or false");
                    event = value == JsonToken.VALUE_TRUE;
                }
                case "group" -> {
                    expect(value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL,
                            "subjects[" + index + "].group", "must be a string");
                    group = in.getValueAsString();
                }
                default -> throw ProblemException.invalid("subjects[" + index + "]." + field, "is not a field of a subject");
            }
        }
        add(subjects, index, time, event, group, maxSubjects);
    }

    /** {@code time,event[,group]} with a header line; event is true/false or 1/0. */
    static Subjects csv(InputStream body, int maxSubjects) {
        Subjects subjects = new Subjects();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            expect(header != null && header.trim().toLowerCase(java.util.Locale.ROOT).startsWith("time,event"), "body",
                    "must start with the header time,event[,group]");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int index = subjects.size();
                String[] cells = line.split(",", -1);
                expect(cells.length == 2 || cells.length == 3, "line " + (index + 2), "must have 2 or 3 cells");
                Double time;
                try {
                    time = Double.valueOf(cells[0].trim());
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("subjects[" + index + "].time", "must be a number");
                }
                Boolean event = switch (cells[1].trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "1" -> true;
                    case "false", "0" -> false;
                    default -> throw ProblemException.invalid("subjects[" + index + "].event", "must be true or false (or 1/0)");
                };
                add(subjects, index, time, event, cells.length == 3 ? cells[2].trim() : null, maxSubjects);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read the request body", e);
        }
        requireSubjects(subjects);
        return subjects;
    }

    private static void add(Subjects subjects, int index, Double time, Boolean event, String group, int maxSubjects) {
        expect(time != null, "subjects[" + index + "].time", "is required");
        expect(Double.isFinite(time) && time >= 0, "subjects[" + index + "].time", "must be a finite number >= 0");
        expect(event != null, "subjects[" + index + "].event", "is required");
        if (index >= maxSubjects) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Too many subjects",
                    "A request may carry at most " + maxSubjects + " subjects."));
        }
        subjects.add(time, event, group);
    }

    private static void requireSubjects(Subjects subjects) {
        expect(subjects.size() > 0, "subjects", "must hold at least one subject");
    }

    private static void expect(boolean holds, String field, String message) {
        if (!holds) {
            throw ProblemException.invalid(field, message);
        }
    }
}
