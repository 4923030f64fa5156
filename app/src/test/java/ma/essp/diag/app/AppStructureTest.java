package ma.essp.diag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /** The packages every feature may use; everything else under app is a feature, except these entry points. */
    static final Set<String> SHARED = Set.of("ui", "task", "settings", "mission", "i18n");
    static final Set<String> ENTRY_POINTS = Set.of("shell", "cli", "bench");

    /** The feature packages of app, found in the classes (a new feature is covered without editing this test). */
    static Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass c : app) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(APP + ".")) {
                String top = pkg.substring(APP.length() + 1).split("\\.")[0];
                if (!SHARED.contains(top) && !ENTRY_POINTS.contains(top)) {
                    features.add(top);
                }
            }
        }
        return features;
    }

    private static final String APP = "ma.essp.diag.app";

    @Test
    void theFeaturesAreFoundInTheClasses() {
        assertThat(features()).contains("hr", "map", "pms", "registry", "reports", "territory")
                .doesNotContainAnyElementsOf(SHARED).doesNotContainAnyElementsOf(ENTRY_POINTS);
    }

    @Test
    void aFeatureUsesNoOtherFeatureNorTheShellOnlyTheSharedPackages() {
        Set<String> features = features();
        for (String feature : features) {
            List<String> forbidden = new ArrayList<>();
            features.stream().filter(f -> !f.equals(feature)).forEach(f -> forbidden.add(APP + "." + f + ".."));
            ENTRY_POINTS.forEach(e -> forbidden.add(APP + "." + e + ".."));
            noClasses().that().resideInAPackage(APP + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("feature '" + feature + "' uses no other feature, nor " + ENTRY_POINTS)
                    .check(app);
        }
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        List<String> notShared = new ArrayList<>();
        features().forEach(f -> notShared.add(APP + "." + f + ".."));
        ENTRY_POINTS.forEach(e -> notShared.add(APP + "." + e + ".."));
        noClasses().that().resideInAnyPackage(SHARED.stream().map(s -> APP + "." + s + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(notShared.toArray(String[]::new))
                .check(app);
    }

    private static ArchRule reachNoJavaFx(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp..");
    }

    @Test
    void theCommandLineAndTheBenchmarksNeverReachJavaFxEvenThroughTheClassesTheyUse() {
        reachNoJavaFx(APP + ".cli..", APP + ".bench..").check(app);
    }

    /** Uses a view model (JavaFX properties) without naming a JavaFX class itself. */
    static final class IndirectOffender {
        Object registry(ma.essp.diag.app.registry.EsspRegistryViewModel viewModel) {
            return viewModel;
        }
    }

    @Test
    void theJavaFxRuleSeesAReachThroughAnotherClass() {
        JavaClasses offender = new ClassFileImporter().importClasses(IndirectOffender.class,
                ma.essp.diag.app.registry.EsspRegistryViewModel.class);
        assertThatThrownBy(() -> reachNoJavaFx(APP).check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("IndirectOffender").hasMessageContaining("EsspRegistryViewModel");
    }

    @Test
    void dialogsAndFileChoosersGoThroughTheDialogService() {
        noClasses().that().doNotHaveFullyQualifiedName(APP + ".ui.FxDialogService")
                .should().dependOnClassesThat().areAssignableTo("javafx.scene.control.Dialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser")
                .because("view models ask through DialogService, so that tests can answer")
                .check(app);
    }

    @Test
    void onlyTheTaskExecutorStartsThreads() {
        noClasses().that().resideOutsideOfPackage(APP + ".task..")
                .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Thread.class))))
                .because("background work goes through the TaskExecutor (progress, cancel, the mission's task group)")
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
