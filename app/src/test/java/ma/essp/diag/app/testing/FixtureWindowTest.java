package ma.essp.diag.app.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.stage.Stage;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The set-up of a window test class on the fixture mission, one per test class: its own mission file (the fixture
 * mission and what the class adds to it, {@link #createFixture} from the class's static {@code @BeforeAll}) and its own
 * window ({@link #open} from the class's {@code @Start}: TestFX calls only the {@code @Start} methods the test class
 * itself declares), closed after each test. A loaded build machine may take more than TestFX's default to show the
 * window: the set-up timeout is raised for the class and put back after it.
 *
 * <p>The folder is a static {@code @TempDir}: JUnit injects a new one and runs the static {@code @BeforeAll} again for
 * each test class (classes run one after the other), so two classes share no file. (An instance set-up under PER_CLASS
 * would come after TestFX's {@code @Start}, which would then find no mission.)
 */
@ExtendWith(ApplicationExtension.class)
public abstract class FixtureWindowTest {

    @TempDir
    protected static Path dir;
    protected static Path fixture;
    private static long setupTimeout;
    private ShellWindow window;

    /** What a test class adds to the fixture mission before its window opens. */
    @FunctionalInterface
    protected interface MissionSetUp {
        void addTo(DSLContext dsl, EditContext edit) throws Exception;
    }

    /** Raises TestFX's set-up timeout and writes this class's mission: the fixture mission, then {@code setUp}. */
    protected static void createFixture(MissionSetUp setUp) throws Exception {
        setupTimeout = FxToolkit.toolkitContext().getSetupTimeoutInMillis();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(Math.max(setupTimeout, 120_000));
        fixture = dir.resolve("fixture.essp");
        try (MissionFile mission = FixtureMission.create(fixture)) {
            setUp.addTo(mission.dsl(), EditContext.system("test"));
        }
    }

    /** Opens the window on this class's mission; each test class's {@code @Start} calls it. */
    protected void open(Stage stage) throws Exception {
        window = ShellWindow.open(stage, dir.resolve("home"), fixture);
    }

    @AfterEach
    void closeWindow() throws Exception {
        window.close();
    }

    @AfterAll
    static void restoreSetupTimeout() {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(setupTimeout);
    }

    /** The first column of the first row of {@code sql} on the mission file, as text. */
    protected static String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fixture); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.getString(1);
        }
    }
}
