package ma.essp.diag.app.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Modèles Excel screen at laptop width (issue 15: its problem column cut long messages): the import report's
 * selected problem is written whole under the table (sheet, row, column, value and why), wrapped over the lines it
 * needs; the first problem is selected when the report arrives and choosing another shows that one.
 */
@ExtendWith(ApplicationExtension.class)
class FieldworkProblemDetailUiTest {

    /** The screen's width on a 1366 px laptop: the window less the navigation column. */
    private static final double WIDTH = 1366 - 300;

    @TempDir
    static Path dir;
    private MissionFile mission;
    private FieldworkViewModel viewModel;
    private RecordingDialogService dialogs;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        mission = FixtureMission.create(dir.resolve("m-" + System.nanoTime() + ".essp"));
        dialogs = new RecordingDialogService();
        I18n i18n = new I18n(Locale.FRENCH);
        viewModel = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir, new CurrentThreadTaskExecutor(), i18n,
                dialogs, () -> { });
        FieldworkView view = new FieldworkView(viewModel, i18n);
        viewModel.load();
        Scene scene = new Scene((javafx.scene.Parent) view.view(), WIDTH, 620);
        scene.getStylesheets().add(FieldworkProblemDetailUiTest.class.getResource("/ma/essp/diag/app/shell/essp-diag.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        stage.setMaximized(false);
        stage.setWidth(WIDTH);
        stage.setHeight(620);
    }

    @AfterEach
    void stop() throws Exception {
        mission.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSelectedProblemIsReadWholeUnderTheTable(FxRobot robot) throws Exception {
        Path template = dir.resolve("modele-" + System.nanoTime() + ".xlsx");
        dialogs.nextChosenFile = template;
        robot.interact(viewModel::writeTemplate);
        Path filled = dir.resolve("rempli-" + System.nanoTime() + ".xlsx");
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("ESSP");
            for (Row row : s) {
                if (row.getCell(1) != null && "E001".equals(row.getCell(1).getStringCellValue())) {
                    row.getCell(12).setCellFormula("19000+120"); // population_served: a formula, its cached value not trusted
                }
                if (row.getCell(1) != null && "E003".equals(row.getCell(1).getStringCellValue())) {
                    row.getCell(6).setCellValue("montagne"); // milieu
                }
            }
            try (OutputStream out = Files.newOutputStream(filled)) {
                wb.write(out);
            }
        }
        dialogs.nextChosenFile = filled;
        robot.interact(viewModel::chooseWorkbook);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.problems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<FieldworkViewModel.ProblemRow> table = robot.lookup("#fieldworkProblems").queryAs(TableView.class);
        Label detail = robot.lookup("#fieldworkProblemDetail").queryAs(Label.class);
        FieldworkViewModel.ProblemRow formula = viewModel.problems().stream().filter(p -> p.column().equals("population_served"))
                .findFirst().orElseThrow();
        FieldworkViewModel.ProblemRow unknown = viewModel.problems().stream().filter(p -> p.column().equals("milieu"))
                .findFirst().orElseThrow();
        assertThat(formula.problem().length()).as("a message longer than its column at 1366 px").isGreaterThan(60);
        // the first problem is selected and written whole
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(detail.getText()).isEqualTo(FieldworkView.detailText(new I18n(Locale.FRENCH), viewModel.problems().getFirst()));

        robot.interact(() -> table.getSelectionModel().select(formula));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detail.getText()).startsWith("Feuille ESSP, ligne " + formula.row() + ", colonne population_served")
                .endsWith(" : " + formula.problem());
        assertWhole(detail);

        robot.interact(() -> table.getSelectionModel().select(unknown));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detail.getText()).isEqualTo("Feuille ESSP, ligne 5, colonne milieu, valeur « montagne » : "
                + "Valeur inconnue ; valeurs acceptées : rural, urbain.");
        assertWhole(detail);
    }

    /** The label draws its whole text (wrapped if need be), no ellipsis, inside the screen's width. */
    private static void assertWhole(Label label) {
        Text drawn = (Text) label.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst().orElseThrow();
        assertThat(drawn.getText()).isEqualTo(label.getText());
        assertThat(label.getScene().getWidth()).isEqualTo(WIDTH);
        assertThat(label.localToScene(label.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(WIDTH);
    }
}
