package ma.essp.diag.app.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.export.excel.BareSxssfBaseline;
import ma.essp.diag.reporting.export.pdf.BareJasperBaseline;

/**
 * The cold bench's floor for the exports: a process of its own that reads the report's cells (or PDF rows), saved
 * by the bench in a small binary file, and writes them with the bare library (SXSSF, or Jasper fill + export) — no
 * mission, no figures, no styles. Run as {@code java -cp <the launcher's class path> ma.essp.diag.app.bench.BareExport
 * xlsx|pdf ROWS OUT}.
 */
public final class BareExport {

    private static final byte NULL = 0;
    private static final byte NUMBER = 1;
    private static final byte DATE = 2;
    private static final byte TEXT = 3;

    private BareExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("xlsx", "pdf").contains(args[0])) {
            System.err.println("usage: BareExport xlsx|pdf ROWS OUT");
            System.exit(2);
        }
        Path rows = Path.of(args[1]);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])))) {
            if (args[0].equals("xlsx")) {
                BareSxssfBaseline.write(readSheets(rows), out);
            } else {
                List<String[]> lines = new ArrayList<>();
                for (Object[] row : readSheets(rows).getOrDefault("rows", List.of())) {
                    String[] text = new String[row.length];
                    for (int i = 0; i < row.length; i++) {
                        text[i] = row[i] == null ? null : row[i].toString();
                    }
                    lines.add(text);
                }
                BareJasperBaseline.write(lines, out);
            }
        }
    }

    /** The PDF rows saved as one sheet named "rows". */
    static void writeRows(List<String[]> rows, Path file) throws IOException {
        writeSheets(Map.of("rows", new ArrayList<>(rows)), file);
    }

    /** Saves sheets of cells: numbers, dates and text (anything else as its text), nulls kept. */
    static void writeSheets(Map<String, ? extends List<? extends Object[]>> sheets, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(sheets.size());
            for (Map.Entry<String, ? extends List<? extends Object[]>> sheet : sheets.entrySet()) {
                text(out, sheet.getKey());
                out.writeInt(sheet.getValue().size());
                for (Object[] row : sheet.getValue()) {
                    out.writeInt(row.length);
                    for (Object v : row) {
                        switch (v) {
                            case null -> out.writeByte(NULL);
                            case Number n -> {
                                out.writeByte(NUMBER);
                                out.writeDouble(n.doubleValue());
                            }
                            case LocalDate d -> {
                                out.writeByte(DATE);
                                out.writeLong(d.toEpochDay());
                            }
                            default -> {
                                out.writeByte(TEXT);
                                text(out, v.toString());
                            }
                        }
                    }
                }
            }
        }
    }

    static Map<String, List<Object[]>> readSheets(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int sheets = in.readInt();
            Map<String, List<Object[]>> result = new LinkedHashMap<>();
            for (int s = 0; s < sheets; s++) {
                String name = text(in);
                int count = in.readInt();
                List<Object[]> rows = new ArrayList<>(count);
                for (int r = 0; r < count; r++) {
                    Object[] row = new Object[in.readInt()];
                    for (int i = 0; i < row.length; i++) {
                        byte tag = in.readByte();
                        row[i] = switch (tag) {
                            case NULL -> null;
                            case NUMBER -> in.readDouble();
                            case DATE -> LocalDate.ofEpochDay(in.readLong());
                            case TEXT -> text(in);
                            default -> throw new IOException("not a rows file: cell tag " + tag);
                        };
                    }
                    rows.add(row);
                }
                result.put(name, rows);
            }
            return result;
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
