package ma.essp.diag.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.settings.Settings.WindowBounds;

/**
 * What the window remembers between sessions in the {@link Settings}: its bounds and whether it was maximized, and
 * the divider positions of every split pane (with an id) of every area.
 */
final class WindowMemory {

    /** Height of the title bar that must stay on a screen for the window to be moved back. */
    static final double TITLE_BAR = 30;

    private WindowMemory() {
    }

    /**
     * The remembered bounds fitted into the screen that holds the middle of their title bar: never larger than that
     * screen and moved to lie inside it. Empty when nothing is remembered or the title bar would be on no screen
     * (the screen it was on is gone): the window then opens as on a first start.
     */
    static Optional<WindowBounds> restorable(Optional<WindowBounds> remembered, List<Rectangle2D> screens) {
        if (remembered.isEmpty()) {
            return Optional.empty();
        }
        WindowBounds b = remembered.get();
        double titleX = b.x() + b.width() / 2;
        double titleY = b.y() + TITLE_BAR / 2;
        return screens.stream().filter(s -> s.contains(titleX, titleY)).findFirst().map(s -> {
            double width = Math.min(b.width(), s.getWidth());
            double height = Math.min(b.height(), s.getHeight());
            double x = Math.max(s.getMinX(), Math.min(b.x(), s.getMaxX() - width));
            double y = Math.max(s.getMinY(), Math.min(b.y(), s.getMaxY() - height));
            return new WindowBounds(x, y, width, height, b.maximized());
        });
    }

    /**
     * Puts back the remembered divider positions of the split panes in {@code view} and remembers them as the user
     * drags them. Keyed by area, split pane id and divider index; split panes without an id are left alone.
     */
    static void restoreDividers(String area, Node view, Settings settings) {
        for (SplitPane split : splitPanes(view)) {
            List<SplitPane.Divider> dividers = split.getDividers();
            for (int i = 0; i < dividers.size(); i++) {
                String key = area + "." + split.getId() + "." + i;
                SplitPane.Divider divider = dividers.get(i);
                OptionalDouble position = settings.divider(key);
                if (position.isPresent()) {
                    divider.setPosition(position.getAsDouble());
                }
                divider.positionProperty().addListener((obs, old, now) -> settings.setDivider(key, now.doubleValue()));
            }
        }
    }

    /** The split panes with an id in {@code node}, looking into tabs, scroll panes and titled panes not shown yet. */
    static List<SplitPane> splitPanes(Node node) {
        List<SplitPane> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(Node node, List<SplitPane> found) {
        if (node == null) {
            return;
        }
        switch (node) {
            case SplitPane split -> {
                if (split.getId() != null) {
                    found.add(split);
                }
                split.getItems().forEach(item -> collect(item, found));
            }
            case TabPane tabs -> tabs.getTabs().stream().map(Tab::getContent).forEach(content -> collect(content, found));
            case ScrollPane scroll -> collect(scroll.getContent(), found);
            case TitledPane titled -> collect(titled.getContent(), found);
            case Parent parent -> parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
            default -> { }
        }
    }
}
