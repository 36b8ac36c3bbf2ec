package org.ventrack.platform.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV as the exports write it: a header row, CRLF line ends, fields with a comma, quote or line break quoted
 * and quotes doubled; null is an empty field, decimals are written plainly (no exponent, no trailing zeros).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    /** {@code body} as a CSV file to download, named {@code fileName}. */
    public static org.jboss.resteasy.reactive.RestResponse<String> attachment(String fileName, String body) {
        return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(body, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private Csv() {
    }

    public static String write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " fields under a header of " + header.size());
            }
            out.append(row.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    static String field(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        } else {
            text = String.valueOf(value);
        }
        // a leading =, +, - or @ would make a spreadsheet run the cell as a formula (negative numbers are left alone)
        String safe = text.matches("^[=+\\-@].*") && !text.matches("^-?\\d.*") ? "'" + text : text;
        return safe.matches("(?s).*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
