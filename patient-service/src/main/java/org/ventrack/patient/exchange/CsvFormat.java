package org.ventrack.patient.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ventrack.platform.problem.ProblemException;

/**
 * One record type per upload ({@code text/csv}, {@code ?type=} one of {@link CsvTemplates#types()}): a header line
 * naming the template's columns (in any order; optional ones may be left out; unknown or repeated ones refuse the
 * file) and one record per row. A patients row registers a patient; any other row adds one record to the patient its
 * {@code siteCode} and {@code upn} name (registered before, or earlier in the same import).
 */
@ApplicationScoped
public class CsvFormat implements ImportFormat {

    @Override
    public String name() {
        return "CSV";
    }

    @Override
    public boolean reads(String mediaType) {
        return mediaType.equals("text/csv");
    }

    @Override
    public long check(String text, String recordType) {
        CsvTemplates.Template template = template(recordType);
        CsvParser parser = new CsvParser(text);
        CsvParser.Row header;
        try {
            header = parser.next();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("header", e.getMessage());
        }
        if (header == null) {
            throw ProblemException.invalid("file", "is empty: expected the header line " + String.join(",", template.header()));
        }
        columns(header, template);
        long rows = 0;
        try {
            while (parser.next() != null) {
                rows++;
            }
        } catch (IllegalArgumentException e) {
            rows++; // the unclosed row is reported in the job
        }
        if (rows == 0) {
            throw ProblemException.invalid("file", "has a header but no rows");
        }
        return rows;
    }

    @Override
    public Iterator<ImportRow> rows(String text, String recordType) {
        CsvTemplates.Template template = template(recordType);
        CsvParser parser = new CsvParser(text);
        List<CsvTemplates.Column> columns = columns(parser.next(), template);
        return new Iterator<>() {
            ImportRow next = advance();

            private ImportRow advance() {
                try {
                    CsvParser.Row row = parser.next();
                    return row == null ? null : read(row, columns, template);
                } catch (CsvParser.UnclosedQuote e) {
                    return ImportRow.unreadable(e.line, "", "a quoted field is not closed; nothing after this line was read");
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ImportRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ImportRow row = next;
                next = row.problem() != null && row.problem().startsWith("a quoted field is not closed") ? null : advance();
                return row;
            }
        };
    }

    static ImportRow read(CsvParser.Row row, List<CsvTemplates.Column> columns, CsvTemplates.Template template) {
        if (row.cells().size() != columns.size()) {
            return ImportRow.unreadable(row.line(), "", "has " + row.cells().size() + " cells; the header has "
                    + columns.size() + " columns");
        }
        ObjectNode patient = JsonNodeFactory.instance.objectNode();
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        try {
            for (int i = 0; i < columns.size(); i++) {
                CsvTemplates.Column column = columns.get(i);
                boolean patientColumn = template.section() == Section.PATIENT || column.name().equals("siteCode")
                        || column.name().equals("upn");
                CsvTemplates.put(patientColumn ? patient : record, column, row.cells().get(i));
            }
        } catch (CsvTemplates.CellException e) {
            return ImportRow.unreadable(row.line(), e.column, e.getMessage());
        }
        PatientDocument document = PatientDocument.of(patient);
        return ImportRow.of(row.line(), template.section() == Section.PATIENT ? document : document.with(template.section(), record));
    }

    /** The template's columns in the header's order; a 400 problem for an unknown, repeated or missing column. */
    static List<CsvTemplates.Column> columns(CsvParser.Row header, CsvTemplates.Template template) {
        List<CsvTemplates.Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : header.cells()) {
            String name = cell.trim();
            CsvTemplates.Column column = template.column(name).orElseThrow(() -> ProblemException.invalid("header",
                    "'" + name + "' is not a column of the " + template.type() + " template (columns: "
                            + String.join(",", template.header()) + ")"));
            if (!seen.add(name)) {
                throw ProblemException.invalid("header", "'" + name + "' appears twice");
            }
            columns.add(column);
        }
        List<String> missing = template.columns().stream().filter(CsvTemplates.Column::required)
                .map(CsvTemplates.Column::name).filter(n -> !seen.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "misses the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(",", missing) + " (is the header line missing?)");
        }
        return columns;
    }

    private static CsvTemplates.Template template(String recordType) {
        if (recordType == null || recordType.isBlank()) {
            throw ProblemException.invalid("type", "is required for a CSV upload: one of " + CsvTemplates.types());
        }
        return CsvTemplates.byType(recordType).orElseThrow(() -> ProblemException.invalid("type",
                "'" + recordType + "' is not a record type; one of " + CsvTemplates.types()));
    }
}
