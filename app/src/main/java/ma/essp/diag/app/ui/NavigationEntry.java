package ma.essp.diag.app.ui;

import org.kordamp.ikonli.Ikon;

/**
 * An area of the mission in the left navigation: either a built {@link FeatureArea} or a {@link PlannedArea}
 * that is listed, disabled, so that users see what is coming without a fake screen.
 */
public sealed interface NavigationEntry permits FeatureArea, PlannedArea {

    /** Stable identifier, e.g. {@code territory}. */
    String id();

    /** Bundle key of the area's name. */
    String titleKey();

    Ikon icon();
}
