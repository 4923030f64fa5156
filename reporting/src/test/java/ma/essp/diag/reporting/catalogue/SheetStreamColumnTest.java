package ma.essp.diag.reporting.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

/** The column of a cell reference, read by the import without POI's {@link CellReference} parser. */
class SheetStreamColumnTest {

    @Test
    void theLettersOfAReferenceGiveItsColumnCountedFromZero() {
        assertEquals(0, SheetStream.column("A1"));
        assertEquals(25, SheetStream.column("Z1"));
        assertEquals(26, SheetStream.column("AA1")); // 1 × 26 + 1, minus 1
        assertEquals(27, SheetStream.column("AB12"));
        assertEquals(52, SheetStream.column("BA3")); // 2 × 26 + 1, minus 1
        assertEquals(16_383, SheetStream.column("XFD1048576")); // (24 × 26 + 6) × 26 + 4, minus 1: Excel's last column
        assertEquals(2, SheetStream.column("$C$3"));
        assertEquals(2, SheetStream.column("c3"));
    }

    @Test
    void everyColumnOfASheetIsReadAsPoiReadsIt() {
        for (int col = 0; col < 16_384; col++) {
            String reference = CellReference.convertNumToColString(col) + (col % 1000 + 1);
            assertEquals(new CellReference(reference).getCol(), SheetStream.column(reference), reference);
            assertEquals(col, SheetStream.column(reference), reference);
        }
    }
}
