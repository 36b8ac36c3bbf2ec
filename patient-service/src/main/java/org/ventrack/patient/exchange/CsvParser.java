package org.ventrack.patient.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled), CRLF or LF line ends,
 * line breaks allowed inside quoted fields. Each record keeps the line it starts on, for the job's report.
 */
final class CsvParser {

    /** One CSV record and the 1-based line of the file it starts on. */
    record Row(long line, List<String> cells) {
    }

    /** A quoted field still open at the end of the file: every following line would be swallowed into it. */
    static final class UnclosedQuote extends IllegalArgumentException {
        final long line;

        UnclosedQuote(long line) {
            super("line " + line + ": a quoted field is not closed");
            this.line = line;
        }
    }

    private final String text;
    private int position;
    private long line = 1;

    CsvParser(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    Row next() {
        while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            if (text.charAt(position) == '\n') {
                line++;
            }
            position++;
        }
        if (position >= text.length()) {
            return null;
        }
        long start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (quoted) {
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        cell.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                line++;
                break;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new UnclosedQuote(start);
        }
        cells.add(cell.toString());
        return new Row(start, cells);
    }
}
