package ma.essp.diag.reporting.template;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Filling a template as a colleague would (POI's user model: tests only), and the checksum of a mission file. */
final class FieldTemplateTestSupport {

    private FieldTemplateTestSupport() {
    }

    /** Opens {@code template}, lets {@code edit} change it, saves it as {@code out}. */
    static Path fill(Path template, Path out, Consumer<Workbook> edit) throws Exception {
        try (InputStream in = Files.newInputStream(template); Workbook wb = new XSSFWorkbook(in)) {
            edit.accept(wb);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    /** The data row of an ESSP by its code (column 1), 0-based index as POI counts. */
    static Row rowOf(Sheet sheet, String esspCode) {
        for (Row row : sheet) {
            Cell c = row.getCell(1);
            if (row.getRowNum() >= FieldTemplate.FIRST_DATA_ROW - 1 && c != null && esspCode.equals(c.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + esspCode);
    }

    static int column(Sheet sheet, String key) {
        for (Cell c : sheet.getRow(0)) {
            if (key.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + key);
    }

    static void set(Sheet sheet, String esspCode, String key, Object value) {
        Row row = rowOf(sheet, esspCode);
        Cell cell = row.getCell(column(sheet, key));
        if (cell == null) {
            cell = row.createCell(column(sheet, key));
        }
        switch (value) {
            case null -> cell.setBlank();
            case Number n -> cell.setCellValue(n.doubleValue());
            case java.time.LocalDate d -> cell.setCellValue(d);
            default -> cell.setCellValue(value.toString());
        }
    }

    /** SHA-256 of the mission file and its write-ahead log: equal means nothing was written. */
    static String checksum(Path missionFile) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(missionFile));
        Path wal = missionFile.resolveSibling(missionFile.getFileName() + "-wal");
        if (Files.exists(wal)) {
            sha.update(Files.readAllBytes(wal));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
