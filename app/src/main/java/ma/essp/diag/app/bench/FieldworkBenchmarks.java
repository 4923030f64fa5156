package ma.essp.diag.app.bench;

import static ma.essp.diag.database.jooq.Tables.ESSP;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.merge.MergeSource;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.template.FieldImport;
import ma.essp.diag.reporting.template.FieldTemplate;
import ma.essp.diag.reporting.template.TemplateKind;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jooq.DSLContext;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Issue 15's cases on the demo mission: the import of a national assessment template (every ESSP × every item of the
 * catalogue version) against a bare POI streaming read of the same cells, and the merge of two copies of the national
 * mission (about 10 % of the ESSPs edited on each side, 50 of them on the same field both sides) against a bare SQLite
 * {@code ATTACH} + {@code INSERT OR REPLACE} of the same rows.
 */
final class FieldworkBenchmarks {

    /** ESSPs edited on the same field on both sides at national scale: the conflicts of the merge. */
    static final int CONFLICTS = 50;

    private final Path work;
    private final Path mission;

    FieldworkBenchmarks(Path work, Path mission) {
        this.work = work;
        this.mission = mission;
    }

    List<BenchCase> cases() throws Exception {
        List<BenchCase> cases = new ArrayList<>();
        cases.add(importCase());
        cases.add(mergeCase());
        return cases;
    }

    // ------------------------------------------------------------------ import

    private BenchCase importCase() throws Exception {
        Path target = work.resolve("import-target.essp");
        Files.copy(mission, target, StandardCopyOption.REPLACE_EXISTING);
        Path workbook = work.resolve("assessment-national.xlsx");
        int rows;
        try (MissionFile m = MissionFile.open(target, work.resolve("schema-backups"))) {
            rows = FieldTemplate.write(m.dsl(), m.schemaVersion(), TemplateKind.ASSESSMENT, ReportScope.NATIONAL, ReportLanguage.FR,
                    workbook);
        }
        // the template as written holds the mission's answers: importing it checks every cell, then writes what differs
        return BenchCase.of("import assessment workbook (national scope, " + rows + " ESSPs; streaming check + apply)",
                () -> importWorkbook(target, workbook), "bare POI streaming read of the same cells", () -> readCells(workbook));
    }

    private Object importWorkbook(Path target, Path workbook) throws Exception {
        try (MissionFile m = MissionFile.open(target, work.resolve("schema-backups"))) {
            FieldImport.Check check = FieldImport.check(m.dsl(), m.schemaVersion(), workbook);
            if (!check.valid()) {
                throw new IllegalStateException("the bench workbook is refused: " + check.problems().getFirst());
            }
            return FieldImport.apply(m.dsl(), EditContext.system("bench"), check, false).rowsImported();
        }
    }

    /** Every cell of the data sheet through POI's event API (shared strings, the sheet's XML), nothing checked. */
    private static Object readCells(Path workbook) throws Exception {
        OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            long[] cells = new long[1];
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (!sheets.getSheetName().equals(TemplateKind.ASSESSMENT.sheet())) {
                        continue;
                    }
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) {
                                }

                                @Override
                                public void endRow(int rowNum) {
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    cells[0] += value == null ? 0 : 1;
                                }
                            }, false));
                    parser.parse(new InputSource(in));
                }
            }
            return cells[0];
        } finally {
            pkg.revert();
        }
    }

    // ------------------------------------------------------------------ merge

    private BenchCase mergeCase() throws Exception {
        Path pristine = work.resolve("merge-mine.essp");
        Path theirs = work.resolve("merge-theirs.essp");
        Files.copy(mission, pristine, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(mission, theirs, StandardCopyOption.REPLACE_EXISTING);
        List<String> theirsChanged = new ArrayList<>();
        int essps;
        int conflicts;
        try (MissionFile mine = MissionFile.open(pristine, work.resolve("schema-backups"));
             MissionFile other = MissionFile.open(theirs, work.resolve("schema-backups"))) {
            List<EsspRecord> all = mine.dsl().selectFrom(ESSP).where(ESSP.DELETED.isFalse()).orderBy(ESSP.ID).fetch();
            essps = all.size();
            EditContext amina = EditContext.system("bench-amina");
            EditContext brahim = EditContext.system("bench-brahim");
            int tenth = essps / 10;
            // 50 conflicts at national scale (about 3,000 ESSPs), fewer on a smaller demo: never more than a tenth
            conflicts = Math.min(CONFLICTS, tenth);
            // mine: the notes of ESSPs 0..tenth-1; theirs: the opening hours of the next tenth; both: the population of
            // the first CONFLICTS of mine's tenth, to different values
            edit(mine.dsl(), amina, all.subList(0, tenth), e -> Map.of(ESSP.NOTES, "vu sur place (A)"));
            edit(other.dsl(), brahim, all.subList(tenth, 2 * tenth), e -> Map.of(ESSP.OPENING_HOURS, "8h-16h (B)"));
            edit(mine.dsl(), amina, all.subList(0, conflicts), e -> Map.of(ESSP.POPULATION_SERVED, 1_000 + e.getId()));
            edit(other.dsl(), brahim, all.subList(0, conflicts), e -> Map.of(ESSP.POPULATION_SERVED, 2_000 + e.getId()));
            all.subList(tenth, 2 * tenth).forEach(e -> theirsChanged.add(e.getUuid()));
            all.subList(0, conflicts).forEach(e -> theirsChanged.add(e.getUuid()));
        }
        String uuids = theirsChanged.stream().map(u -> "'" + u + "'").collect(Collectors.joining(","));
        return BenchCase.of("merge two copies of the mission (" + essps + " ESSPs, 10 % edited each side, " + conflicts
                        + " conflicts taken from theirs; copy of the target included)",
                () -> merge(pristine, theirs), "bare SQLite: copy + ATTACH + INSERT OR REPLACE of the same ESSP rows",
                () -> bareMerge(pristine, theirs, uuids));
    }

    private static void edit(DSLContext dsl, EditContext who, List<EsspRecord> rows,
                             java.util.function.Function<EsspRecord, Map<org.jooq.Field<?>, Object>> change) {
        dsl.transaction(tx -> {
            for (EsspRecord e : rows) {
                int version = SyncedRows.currentVersions(tx.dsl(), ESSP, List.of(e.getId())).get(e.getId());
                SyncedRows.update(tx.dsl(), who, ESSP, e.getId(), version, change.apply(e));
            }
        });
    }

    private Path freshTarget(Path pristine) throws Exception {
        Path target = work.resolve("merge-target.essp");
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
        Files.copy(pristine, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private Object merge(Path pristine, Path theirs) throws Exception {
        Path target = freshTarget(pristine);
        try (MissionFile m = MissionFile.open(target, work.resolve("schema-backups"));
             MergeSource source = MergeSource.open(theirs, m, work.resolve("merge-scratch"))) {
            MergeEngine engine = new MergeEngine();
            MergePlan plan = engine.analyse(m.dsl(), source.dsl(), theirs.getFileName().toString(), source.missionUuid());
            return engine.apply(m.dsl(), EditContext.system("bench"), plan,
                    MergeDecisions.of(MergeDecisions.Take.THEIRS, MergeDecisions.DuplicateChoice.KEEP, true), null).rowsWritten();
        }
    }

    private Object bareMerge(Path pristine, Path theirs, String uuids) throws Exception {
        Path target = freshTarget(pristine);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + theirs.toString().replace("'", "''") + "' AS theirs");
            c.setAutoCommit(false);
            int n = s.executeUpdate("INSERT OR REPLACE INTO main.essp SELECT * FROM theirs.essp WHERE uuid IN (" + uuids + ")");
            c.commit();
            return n;
        }
    }
}
