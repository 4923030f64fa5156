package ma.essp.diag.reporting.merge;

import java.io.IOException;
import java.io.OutputStream;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.merge.MergePlan.FieldDiff;
import ma.essp.diag.database.merge.MergePlan.RowDiff;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The review workbook of a merge plan, as {@code essp-diag merge --report} and the Consolider window's "save the
 * review" write it: a summary per table, every changed field (base, mine, theirs), the duplicate candidates and the
 * ESSP codes given out on both laptops. Column headers and stored names stay as the command line prints them.
 */
public final class MergeReviewWorkbook {

    private MergeReviewWorkbook() {
    }

    /** Writes the workbook of {@code plan} to {@code os} (streamed; the caller closes the stream). */
    public static void write(MergePlan plan, OutputStream os) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook()) {
            Sheet summary = book.createSheet("Summary");
            row(summary, 0, "table", "added", "changed", "deleted", "parallel", "conflicts", "duplicates");
            int i = 1;
            for (MergePlan.TableSummary s : plan.summary()) {
                row(summary, i++, s.table(), s.added(), s.changed(), s.deleted(), s.parallel(), s.conflicts(), s.duplicates());
            }
            Sheet fields = book.createSheet("Fields");
            row(fields, 0, "table", "row", "uuid", "row kind", "field", "field kind", "base", "mine", "theirs");
            i = 1;
            for (RowDiff r : plan.rows()) {
                if (r.fields().isEmpty()) {
                    row(fields, i++, r.table(), r.label(), r.uuid(), r.kind().name(), "", "", "", "", "");
                }
                for (FieldDiff f : r.fields()) {
                    row(fields, i++, r.table(), r.label(), r.uuid(), r.kind().name(), f.field(), f.kind().name(),
                            f.base(), f.mine(), f.theirs());
                }
            }
            Sheet dups = book.createSheet("Duplicates");
            row(dups, 0, "table", "theirs", "here", "reason", "theirs uuid", "here uuid");
            i = 1;
            for (MergePlan.Duplicate d : plan.duplicates()) {
                row(dups, i++, d.table(), d.theirsLabel(), d.mineLabel(), d.reason().name(), d.theirsUuid(), d.mineUuid());
            }
            for (MergePlan.CodeClash c : plan.clashes()) {
                row(dups, i++, "essp", c.theirsLabel(), c.mineLabel(), "SAME_NEXT_CODE -> " + c.proposedCode(), c.theirsUuid(), "");
            }
            book.write(os);
            book.dispose();
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
        }
    }
}
