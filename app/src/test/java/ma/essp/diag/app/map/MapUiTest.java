package ma.essp.diag.app.map;

import ma.essp.diag.app.ui.map.MapCanvas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map in the real window at 1366×768 (headless, real background executor): zoom to the mission, wheel zoom
 * around the pointer, drag, keyboard, and a click at the zoomed and panned position still selects the province
 * drawn there. The fixture mission has ESSPs in Tanger-Assilah (E001–E004) and Casablanca (E005, E006) only.
 */
@ExtendWith(ApplicationExtension.class)
class MapUiTest {

    /** A point inland in Tanger-Assilah and one in Casablanca (the city), longitude then latitude. */
    private static final double[] TANGER = {-5.81, 35.70};
    private static final double[] CASABLANCA = {-7.58, 33.55};
    /** Dakhla, far south: not part of the mission's area. */
    private static final double[] DAKHLA = {-15.93, 23.70};

    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        Path home = dir.resolve("home");
        window = ShellWindow.open(stage, home, ShellWindow.identifiedSettings(home, fixture), fixture, 1366, 768);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(20, condition);
    }

    private MapCanvas openMap(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-map");
        waitUntil(() -> robot.lookup("#mapCanvas").tryQuery().isPresent()
                && robot.lookup("#mapLegend").queryAs(javafx.scene.layout.VBox.class).getChildren().size() > 1);
        return robot.lookup("#mapCanvas").queryAs(MapCanvas.class);
    }

    private static Point2D screen(MapCanvas canvas, double[] lonLat) {
        double[] xy = canvas.toCanvas(lonLat[0], lonLat[1]);
        return canvas.localToScreen(xy[0], xy[1]);
    }

    private static boolean onCanvas(MapCanvas canvas, double[] lonLat) {
        double[] xy = canvas.toCanvas(lonLat[0], lonLat[1]);
        return xy[0] >= 0 && xy[1] >= 0 && xy[0] <= canvas.getWidth() && xy[1] <= canvas.getHeight();
    }

    /**
     * The headless platform opens a tooltip right under the pointer (a desktop opens it below the cursor): the next
     * click would land on it, so the test closes it first.
     */
    private static void hideTooltips(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip)
                .forEach(w -> {
                    ((javafx.scene.control.Tooltip) w).hide();
                }));
    }

    @SuppressWarnings("unchecked")
    private static int tableRows(FxRobot robot) {
        return ((TableView<Object>) robot.lookup("#mapEsspTable").query()).getItems().size();
    }

    @Test
    void zoomToTheMissionThenWheelDragAndKeysKeepClicksOnTheProvinceDrawnThere(FxRobot robot) throws Exception {
        MapCanvas canvas = openMap(robot);
        assertThat(canvas.zoom()).isEqualTo(1.0);
        double radius = canvas.pointRadius();
        assertThat(onCanvas(canvas, DAKHLA)).isTrue();

        // the two provinces of the mission fill the map; the far south is out of the view
        robot.clickOn("#mapZoomMission");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isGreaterThan(4);
        assertThat(onCanvas(canvas, TANGER)).isTrue();
        assertThat(onCanvas(canvas, CASABLANCA)).isTrue();
        assertThat(onCanvas(canvas, DAKHLA)).isFalse();
        robot.clickOn(screen(canvas, TANGER));
        waitUntil(() -> robot.lookup("#mapSelected").queryAs(Label.class).getText().contains("Tanger-Assilah"));
        waitUntil(() -> tableRows(robot) == 4);

        // the wheel zooms around the pointer: Casablanca stays under it. A wheel turned away from the user
        // (deltaY > 0) zooms in; the headless robot sends deltaY = +1 per notch for DOWN: 40 notches, e^0.2
        Point2D before = screen(canvas, CASABLANCA);
        double zoom = canvas.zoom();
        robot.moveTo(before).scroll(40, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isCloseTo(zoom * Math.exp(0.2), within(1e-6));
        Point2D after = screen(canvas, CASABLANCA);
        assertThat(after.getX()).isCloseTo(before.getX(), within(1.0));
        assertThat(after.getY()).isCloseTo(before.getY(), within(1.0));
        assertThat(canvas.pointRadius()).as("dots keep their size").isEqualTo(radius);
        // a click at the zoomed position selects the province drawn there
        robot.clickOn(after);
        waitUntil(() -> robot.lookup("#mapSelected").queryAs(Label.class).getText().contains("Casablanca"));
        waitUntil(() -> tableRows(robot) == 2);

        // keyboard on the focused map: 0 = whole country, + zooms in one step, an arrow pans
        robot.write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isEqualTo(1.0);
        assertThat(onCanvas(canvas, DAKHLA)).isTrue();
        robot.write("+");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.zoom()).isCloseTo(MapCanvas.ZOOM_STEP, within(1e-9));
        Point2D centre = screen(canvas, TANGER);
        robot.type(javafx.scene.input.KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen(canvas, TANGER).getX()).isGreaterThan(centre.getX() + 10);
        // the buttons do the same
        robot.clickOn("#mapZoomOut");
        assertThat(canvas.zoom()).isCloseTo(1.0, within(1e-9));
        robot.clickOn("#mapZoomIn").clickOn("#mapZoomIn");
        assertThat(canvas.zoom()).isCloseTo(MapCanvas.ZOOM_STEP * MapCanvas.ZOOM_STEP, within(1e-9));
        robot.clickOn("#mapZoomAll");
        assertThat(canvas.zoom()).isEqualTo(1.0);
        robot.clickOn(screen(canvas, TANGER));
        waitUntil(() -> robot.lookup("#mapSelected").queryAs(Label.class).getText().contains("Tanger-Assilah"));
        // the hovered province's tooltip: its name and value
        robot.moveTo(screen(canvas, CASABLANCA)).moveBy(1, 1);
        waitUntil(() -> canvas.tooltipText() != null && canvas.tooltipText().startsWith("Casablanca"));
        hideTooltips(robot);

        // a drag moves the map by the drag, is not a click, and the hit test follows: Casablanca is found where it is
        // now drawn. (A robot click right after a robot drag never reaches the window on the headless platform, so
        // the click is checked above, after zooms and keys, and the hit test here.)
        Point2D from = screen(canvas, CASABLANCA);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveBy(-60, 40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D dragged = screen(canvas, CASABLANCA);
        assertThat(dragged.getX()).isCloseTo(from.getX() - 60, within(1.5));
        assertThat(dragged.getY()).isCloseTo(from.getY() + 40, within(1.5));
        assertThat(robot.lookup("#mapSelected").queryAs(Label.class).getText()).as("a drag is not a click").contains("Tanger-Assilah");
        Point2D local = canvas.screenToLocal(dragged);
        assertThat(canvas.provinceAt(local.getX(), local.getY())).contains("MA-CAS");
        assertThat(canvas.pointRadius()).as("dots keep their size").isEqualTo(radius);
    }
}
