package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cells that a spreadsheet would run as formulas are made inert. */
class CsvCellsTest {
    @Test
    void formulaPrefixesAreNeutralized() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.neutralize("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+1", CsvCells.neutralize("+1+1"));
        assertEquals("'-2+3", CsvCells.neutralize("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.neutralize("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.neutralize("\tx"));
        assertEquals("'\rx", CsvCells.neutralize("\rx"));
        assertEquals("C:\\Windows", CsvCells.neutralize("C:\\Windows"));
        assertEquals("'-", CsvCells.neutralize("-"), "every cell starting with a dash, even Windows' lone 'none'");
        assertEquals("'--", CsvCells.neutralize("--"));
        assertEquals("'-1", CsvCells.neutralize("-1"));
    }

    @Test
    void cellsAreQuotedPerRfc4180() {
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
        assertEquals("\"'=1,2\"", CsvCells.cell("=1,2"));
        assertEquals("a,\"b\nc\",\r\n", CsvCells.row("a", "b\nc", ""));
    }
}
