package ma.essp.diag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of the tree, enforced: logic never depends on the GUI, and no package cycles. */
class LayerRulesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the database module's test fixture
                .importPackages("ma.essp.diag");
    }

    @Test
    void databaseAndReportingNeverDependOnJavaFxOrTheApp() {
        noClasses().that().resideInAnyPackage("ma.essp.diag.database..", "ma.essp.diag.reporting..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..", "ma.essp.diag.app..")
                .check(classes);
    }

    @Test
    void databaseNeverDependsOnReporting() {
        noClasses().that().resideInAPackage("ma.essp.diag.database..")
                .should().dependOnClassesThat().resideInAPackage("ma.essp.diag.reporting..")
                .check(classes);
    }

    @Test
    void theCommandLineNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("ma.essp.diag.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "ma.essp.diag.app.shell..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        // database and reporting come as jars in a reactor build, so jars are imported (only ma.essp.diag packages)
        // the jOOQ code generated from the schema is excluded: its Keys/Tables/records reference each other by design
        JavaClasses handWritten = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the database module's test fixture
                .withImportOption(location -> !location.contains("/ma/essp/diag/database/jooq/"))
                .importPackages("ma.essp.diag");
        slices().matching("ma.essp.diag.(**)").should().beFreeOfCycles().check(handWritten);
    }
}
