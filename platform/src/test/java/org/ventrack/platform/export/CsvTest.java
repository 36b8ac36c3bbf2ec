package org.ventrack.platform.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesAHeaderAndQuotesOnlyWhatNeedsQuoting() {
        String csv = Csv.write(List.of("a", "b", "c"), List.of(
                Arrays.asList("plain", null, 3),
                List.of("with, comma", "say \"hi\"", "two\nline\nbreaks")));
        assertEquals("a,b,c\r\nplain,,3\r\n\"with, comma\",\"say \"\"hi\"\"\",\"two\nline\nbreaks\"\r\n", csv);
    }

    @Test
    void neutralisesSpreadsheetFormulasButNotNegativeNumbers() {
        assertEquals("'=SUM(A1)", Csv.field("=SUM(A1)"));
        assertEquals("'@cmd", Csv.field("@cmd"));
        assertEquals("'+x", Csv.field("+x"));
        assertEquals("-3", Csv.field(-3));
        assertEquals("-0.5", Csv.field("-0.5"));
    }

    @Test
    void writesDecimalsPlainly() {
        assertEquals("250", Csv.field(new BigDecimal("250.00")));
        assertEquals("1500", Csv.field(new BigDecimal("1.5E+3")));
        assertEquals("0.75", Csv.field(new BigDecimal("0.750")));
        assertEquals("0", Csv.field(new BigDecimal("0.000")));
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> Csv.write(List.of("a", "b"), List.of(List.of("only one"))));
    }
}
