package org.ventrack.patient.exchange;

import java.util.Iterator;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ventrack.platform.problem.ProblemException;

/** One patient document per line ({@code application/x-ndjson}); blank lines are skipped. */
@ApplicationScoped
public class NdjsonFormat implements ImportFormat {

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return "NDJSON";
    }

    @Override
    public boolean reads(String mediaType) {
        return mediaType.equals("application/x-ndjson") || mediaType.equals("application/ndjson")
                || mediaType.equals("application/jsonl");
    }

    @Override
    public long check(String text, String recordType) {
        if (recordType != null) {
            throw ProblemException.invalid("type", "is for CSV uploads; an NDJSON line holds a whole patient document");
        }
        long rows = text.lines().filter(l -> !l.isBlank()).count();
        if (rows == 0) {
            throw ProblemException.invalid("file", "is empty: no patient document");
        }
        return rows;
    }

    @Override
    public Iterator<ImportRow> rows(String text, String recordType) {
        Iterator<String> lines = text.lines().iterator();
        return new Iterator<>() {
            long line;
            ImportRow next = advance();

            private ImportRow advance() {
                while (lines.hasNext()) {
                    String l = lines.next();
                    line++;
                    if (!l.isBlank()) {
                        return read(line, l);
                    }
                }
                return null;
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
                next = advance();
                return row;
            }
        };
    }

    private ImportRow read(long line, String text) {
        try {
            return ImportRow.of(line, PatientDocument.fromJson(json.readTree(text)));
        } catch (JsonProcessingException e) {
            return ImportRow.unreadable(line, "", "not valid JSON: " + e.getOriginalMessage());
        } catch (PatientDocument.MalformedDocumentException e) {
            return ImportRow.unreadable(line, e.field(), e.getMessage());
        }
    }
}
