package ma.essp.diag.app.dataflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowTable;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The data-flow area in the real window on the small demo: the national summary shows the CLI's reporting rate; an
 * observation typed with more reports received than expected is refused on its field and nothing changes; fixed, it
 * is saved and the dashboard's figure moves.
 */
@ExtendWith(ApplicationExtension.class)
class DataFlowsUiTest {

    @TempDir
    static Path dir;
    private static Path demo;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        if (demo == null) {
            demo = dir.resolve("demo-small.essp");
            new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        }
        window = ShellWindow.open(stage, dir.resolve("home"), ShellWindow.identifiedSettings(dir.resolve("home"), demo), demo, 1366, 768);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(30, condition);
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#dataflowsSummary").queryAs(Label.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anObservationWithAnErrorIsFixedAndTheDashboardChanges(FxRobot robot) throws Exception {
        DataFlowData data;
        try (MissionFile mission = MissionFile.open(demo, dir.resolve("backups"))) {
            data = new DataFlowRepository(mission.dsl()).load();
        }
        DataFlowFigures.UnitRow nation = DataFlowFigures.byUnit(data, AggregationLevel.NATIONAL, DataVerification.Band.DEFAULT).getFirst();
        waitUntil(() -> robot.lookup("#nav-dataflows").tryQuery().isPresent() && !robot.lookup("#nav-dataflows").query().isDisabled());
        robot.clickOn("#nav-dataflows");
        waitUntil(() -> robot.lookup("#dataflowsSummary").tryQuery().isPresent() && !summary(robot).isEmpty());
        String before = summary(robot);
        // the CLI's digits with the French decimal comma
        assertThat(before).startsWith("Maroc — rapports reçus : " + DataFlowTable.rate(nation.rates().completeness()).replace('.', ',') + " %");
        assertThat(robot.lookup("#dataflowsUnits").queryAs(TableView.class).getItems()).hasSize(12);

        // an ESSP of the demo and its region's first ESSP link
        DataFlowData.Observation known = data.observations().stream().filter(o -> o.esspId() != null).findFirst().orElseThrow();
        String esspCode = data.essps().stream().filter(e -> e.id() == known.esspId()).findFirst().orElseThrow().code();
        robot.interact(() -> robot.lookup("#dataflowsTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ComboBox<DataFlowsViewModel.Link> link = robot.lookup("#observationLink").queryAs(ComboBox.class);
        robot.interact(() -> link.setValue(link.getItems().stream().filter(l -> l.row().id() == known.linkId()).findFirst().orElseThrow()));
        robot.clickOn("#observationEssp").write(esspCode);
        robot.clickOn("#observationPeriod").write("2026-10");
        robot.clickOn("#observationExpected").write("1");
        robot.clickOn("#observationReceived").write("2");
        robot.clickOn("#observationOnTime").write("1");
        robot.clickOn("#observationSave");
        waitUntil(() -> !robot.lookup("#receivedError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#receivedError").queryAs(Label.class).getText()).isEqualTo("Plus de rapports reçus qu’attendus");
        assertThat(summary(robot)).isEqualTo(before);

        TextField received = robot.lookup("#observationReceived").queryAs(TextField.class);
        robot.interact(received::clear);
        robot.clickOn(received).write("1");
        robot.clickOn("#observationSave");
        waitUntil(() -> !summary(robot).equals(before));
        assertThat(robot.lookup("#receivedError").queryAs(Label.class).getText()).isEmpty();
        long expected = nation.rates().expected() + 1;
        long got = nation.rates().received() + 1;
        // one more expected and received: the CLI's rate of the new counts
        assertThat(summary(robot)).contains(DataFlowTable.rate((double) got / expected).replace('.', ',') + " %");
    }
}
