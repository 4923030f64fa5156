package ma.essp.diag.app.ui;

import org.kordamp.ikonli.Ikon;

/** An area announced in the navigation but not built yet: shown disabled, with a tooltip saying so. */
public record PlannedArea(String id, String titleKey, Ikon icon) implements NavigationEntry {
}
