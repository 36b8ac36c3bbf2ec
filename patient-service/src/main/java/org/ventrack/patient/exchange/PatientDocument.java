package org.ventrack.patient.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One patient and its records, the interchange unit of every import (NDJSON line, CSV rows, FHIR Bundle): exactly
 * the shape of {@code demo/cousson-2025/UPN*.json}. {@code patient} is the POST /patients body, or only
 * {@code siteCode} and {@code upn} to add records to a patient registered earlier. Elements stay JSON until the
 * applier binds them, so one malformed record is reported on its own instead of failing the document.
 *
 * @param patient the patient (registration body or site + UPN reference)
 * @param records the record lists by section; sections absent from the map have no records
 */
public record PatientDocument(JsonNode patient, Map<Section, List<JsonNode>> records) {

    public PatientDocument {
        EnumMap<Section, List<JsonNode>> copy = new EnumMap<>(Section.class);
        records.forEach((section, list) -> copy.put(section, List.copyOf(list)));
        records = Collections.unmodifiableMap(copy);
    }

    /** A document with the patient and no records yet; add them with {@link #with}. */
    public static PatientDocument of(JsonNode patient) {
        return new PatientDocument(patient, Map.of());
    }

    /** A copy with {@code record} appended to {@code section}. */
    public PatientDocument with(Section section, JsonNode record) {
        if (section == Section.PATIENT) {
            throw new IllegalArgumentException("the patient is not a record list");
        }
        EnumMap<Section, List<JsonNode>> copy = new EnumMap<>(Section.class);
        copy.putAll(records);
        List<JsonNode> list = new ArrayList<>(records(section));
        list.add(record);
        copy.put(section, list);
        return new PatientDocument(patient, copy);
    }

    public List<JsonNode> records(Section section) {
        return records.getOrDefault(section, List.of());
    }

    public String siteCode() {
        return patient == null ? null : text(patient.get("siteCode"));
    }

    public String upn() {
        return patient == null ? null : text(patient.get("upn"));
    }

    /** Only site and UPN: the records are for a patient registered before. */
    public boolean patientIsReference() {
        if (patient == null || !patient.isObject()) {
            return false;
        }
        Iterator<String> names = patient.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("siteCode") && !name.equals("upn")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a document; an unknown top-level property is a {@link MalformedDocumentException} naming it (a typo such
     * as {@code treatmentCourse} must not silently drop records).
     */
    public static PatientDocument fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new MalformedDocumentException("", "a patient document must be a JSON object");
        }
        JsonNode patient = json.get("patient");
        if (patient == null || !patient.isObject()) {
            throw new MalformedDocumentException("patient", "is required and must be an object");
        }
        EnumMap<Section, List<JsonNode>> records = new EnumMap<>(Section.class);
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("patient")) {
                continue;
            }
            Section section = Section.byJsonName(field.getKey()).orElseThrow(() -> new MalformedDocumentException(
                    field.getKey(), "is not a section of a patient document (expected one of "
                            + Section.RECORDS.stream().map(Section::jsonName).toList() + ")"));
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isArray()) {
                throw new MalformedDocumentException(field.getKey(), "must be a list");
            }
            List<JsonNode> list = new ArrayList<>();
            field.getValue().forEach(list::add);
            records.put(section, list);
        }
        return new PatientDocument(patient, records);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("patient", patient);
        for (Section section : Section.RECORDS) {
            if (records.containsKey(section)) {
                json.putArray(section.jsonName()).addAll(records.get(section));
            }
        }
        return json;
    }

    /** Total number of records, the patient included. */
    public int size() {
        return 1 + records.values().stream().mapToInt(List::size).sum();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A document whose shape is wrong before any record can be looked at. */
    public static class MalformedDocumentException extends RuntimeException {
        private final String field;

        public MalformedDocumentException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
