package ma.essp.diag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MVVM and feature rules inside the app: view models never touch controls, features never reach into the
 * shell (the shell lists them), and the shared packages (ui, task, settings, mission) know no feature.
 */
class AppStructureTest {

    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ma.essp.diag.app");
    }

    @Test
    void viewModelsNeverReferenceControlsOrScenes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .check(app);
    }

    @Test
    void featuresNeverDependOnTheShell() {
        noClasses().that().resideInAnyPackage("ma.essp.diag.app.territory..", "ma.essp.diag.app.registry..", "ma.essp.diag.app.pms..")
                .should().dependOnClassesThat().resideInAPackage("ma.essp.diag.app.shell..")
                .check(app);
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        noClasses().that().resideInAnyPackage("ma.essp.diag.app.ui..", "ma.essp.diag.app.task..",
                        "ma.essp.diag.app.settings..", "ma.essp.diag.app.mission..", "ma.essp.diag.app.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("ma.essp.diag.app.shell..",
                        "ma.essp.diag.app.territory..", "ma.essp.diag.app.registry..")
                .check(app);
    }

    @Test
    void onlyViewsAndTheShellBuildScenes() {
        noClasses().that().resideInAnyPackage("ma.essp.diag.app.mission..", "ma.essp.diag.app.settings..",
                        "ma.essp.diag.app.task..", "ma.essp.diag.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(app);
    }
}
