package ma.essp.diag.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.RecordingDialogService;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A filtered, sorted table with a hidden and a moved column, exported to xlsx and CSV and read back: exactly the rows
 * and columns shown, in their order, numbers as numbers; the selected rows copied as tab-separated text; the menu
 * opened from the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class TableExportUiTest {

    record Essp(String code, String name, Long population, String density, FilterChoice kind) {
    }

    @TempDir
    Path dir;
    private final I18n french = new I18n(I18n.FRENCH);
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private TableView<Essp> table;
    private TableColumn<Essp, String> code;
    private TableColumn<Essp, String> name;
    private TableColumn<Essp, Long> population;
    private TableColumn<Essp, String> density;
    private TableColumn<Essp, FilterChoice> kind;

    private static <T> TableColumn<Essp, T> column(String header, java.util.function.Function<Essp, T> value) {
        TableColumn<Essp, T> c = new TableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    @Start
    void start(Stage stage) {
        ObservableList<Essp> all = FXCollections.observableArrayList(
                new Essp("0151", "CSU Médina", 30_000L, "0,7", new FilterChoice("urban", "Urbain")),
                new Essp("E002", "CSR Gzenaya", 12_000L, "—", new FilterChoice("rural", "Rural")),
                new Essp("E003", "CSR-2 Hjar Nhal", 8_500L, "1 234,5", new FilterChoice("rural", "Rural")),
                new Essp("E004", "=HYPERLINK(\"x\")", null, "2", new FilterChoice("rural", "Rural")),
                new Essp("E005", "Dispensaire; Dar Chaoui", 4_000L, "12", new FilterChoice("rural", "Rural")));
        FilteredList<Essp> filtered = new FilteredList<>(all, e -> !e.code().equals("E002"));
        table = new TableView<>();
        SortedList<Essp> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        code = column("Code", Essp::code);
        name = column("Nom", Essp::name);
        population = column("Population", Essp::population);
        population.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        density = column("Densité", Essp::density);
        kind = column("Milieu", Essp::kind);
        table.getColumns().setAll(List.of(code, name, population, density, kind));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableExport.install(table, new TableExport.Context(french, dialogs, new CurrentThreadTaskExecutor(), dir, () -> "Registre des ESSP"));
        stage.setScene(new Scene(table, 700, 300));
        stage.show();
    }

    /** Sorted by population, largest first; the name column moved first; the milieu hidden; E002 filtered out. */
    private void arrange(FxRobot robot) {
        robot.interact(() -> {
            population.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(population));
            table.getColumns().setAll(List.of(name, code, population, density, kind));
            kind.setVisible(false);
        });
    }

    @Test
    void theXlsxHoldsTheRowsAndColumnsAsShownWithNumbersAsNumbers(FxRobot robot) throws Exception {
        arrange(robot);
        Path file = dir.resolve("registre.xlsx");
        dialogs.nextChosenFile = file;
        robot.interact(() -> TableExport.export(table, TableExport.Format.XLSX, new TableExport.Context(french, dialogs,
                new CurrentThreadTaskExecutor(), dir, () -> "Registre des ESSP")));
        assertThat(dialogs.fileQuestions).singleElement().satisfies(q -> {
            assertThat(q.suggestedName()).isEqualTo("Registre des ESSP.xlsx");
            assertThat(q.pattern()).isEqualTo("*.xlsx");
        });
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4); // header + 4 rows (E002 filtered out)
            Row header = sheet.getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()))
                    .containsExactly("Nom", "Code", "Population", "Densité");
            assertThat(header.getLastCellNum()).isEqualTo((short) 4); // the hidden milieu is not written
            // descending population: 30 000, 8 500, 4 000, then the ESSP without a population
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("CSU Médina");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).as("a code with a leading zero stays text").isEqualTo("0151");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(30_000);
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.7);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("CSR-2 Hjar Nhal");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).as("French grouping and decimal comma").isEqualTo(1234.5);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("E005");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("E004");
            assertThat(sheet.getRow(4).getCell(0).getCellType()).as("a formula-like name is text").isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(4).getCell(2)).as("no population: empty").isNull();
        }
        assertThat(dialogs.shown).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("info");
            assertThat(s.message()).startsWith("4 ligne(s) écrite(s) dans ").contains("registre.xlsx");
        });
    }

    @Test
    void theCsvIsUtf8WithABomSemicolonsAndLocaleFreeNumbersAndAnExistingFileIsReplacedOnlyIfAsked(FxRobot robot) throws Exception {
        arrange(robot);
        Path file = dir.resolve("registre"); // no extension typed: .csv added
        dialogs.nextChosenFile = file;
        TableExport.Context context = new TableExport.Context(french, dialogs, new CurrentThreadTaskExecutor(), dir, () -> "Registre");
        robot.interact(() -> TableExport.export(table, TableExport.Format.CSV, context));
        Path csv = dir.resolve("registre.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1)).isEqualTo("""
                Nom;Code;Population;Densité
                CSU Médina;0151;30000;0.7
                CSR-2 Hjar Nhal;E003;8500;1234.5
                "Dispensaire; Dar Chaoui";E005;4000;12
                "'=HYPERLINK(""x"")";E004;;2
                """);

        // the same file again: asked first; "no" leaves it as it was
        dialogs.nextChosenFile = csv;
        dialogs.confirmAnswer = false;
        robot.interact(() -> table.getColumns().remove(code));
        robot.interact(() -> TableExport.export(table, TableExport.Format.CSV, context));
        assertThat(dialogs.shown).extracting(RecordingDialogService.Shown::kind).containsExactly("info", "confirm");
        assertThat(dialogs.shown.get(1).message()).contains("registre.csv");
        assertThat(Files.readAllBytes(csv)).isEqualTo(bytes);
        dialogs.confirmAnswer = true;
        robot.interact(() -> TableExport.export(table, TableExport.Format.CSV, context));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFNom;Population;Densité\n");
    }

    @Test
    void copyPutsTheSelectedRowsInOrderAsTabSeparatedTextAndTheKeyboardOpensTheMenu(FxRobot robot) throws Exception {
        arrange(robot);
        robot.interact(() -> {
            table.getSelectionModel().select(2); // E005
            table.getSelectionModel().select(0); // CSU Médina
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        // rows in the table's order, numbers as the window writes them in French
        String nbsp = new I18n(I18n.FRENCH).formatNumber(30_000).substring(2, 3);
        assertThat(copied[0]).isEqualTo("CSU Médina\t0151\t30" + nbsp + "000\t0,7\n"
                + "Dispensaire; Dar Chaoui\tE005\t4" + nbsp + "000\t12\n");

        ContextMenu menu = table.getContextMenu();
        assertThat(menu.getItems()).extracting(MenuItem::getText).containsExactly("Copier les lignes sélectionnées (Ctrl+C)",
                "Exporter le tableau vers Excel…", "Exporter le tableau en CSV…");
        assertThat(menu.isShowing()).isFalse();
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).isFalse();
        robot.interact(() -> table.requestFocus());
        robot.press(KeyCode.CONTEXT_MENU).release(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).isTrue();
        robot.interact(menu::hide);
    }
}
