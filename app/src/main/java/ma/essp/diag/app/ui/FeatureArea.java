package ma.essp.diag.app.ui;

/**
 * A built area of the application. A feature package provides one (e.g. {@code TerritoryArea}) and the shell
 * lists it in {@code ShellNavigation}; the shell opens a fresh screen whenever the area is selected, the
 * mission changes or the language changes, and disposes the previous one.
 */
public non-sealed interface FeatureArea extends NavigationEntry {

    FeatureScreen open(FeatureContext context);

    /** The key of the area's short help text (F1). */
    String helpKey();
}
