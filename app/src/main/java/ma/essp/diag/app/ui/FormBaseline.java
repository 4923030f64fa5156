package ma.essp.diag.app.ui;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Whether the fields of a form differ from what it last showed or saved: the form calls {@link #mark()} once it shows
 * a row (or an empty form) or has written one, and {@link #changedProperty()} is true while any field holds something
 * else. A blank text and no value count as the same (an emptied field that was empty is no edit). Used by the editors
 * that tell the shell about their unsaved state ({@link UnsavedChanges}). FX thread only.
 */
public final class FormBaseline {

    private final List<ObservableValue<?>> fields;
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private List<Object> baseline;

    public FormBaseline(List<? extends ObservableValue<?>> fields) {
        this.fields = List.copyOf(fields);
        this.fields.forEach(f -> f.addListener((obs, old, now) -> refresh()));
        baseline = values();
    }

    /** What the fields hold now is the starting point: no unsaved edit. */
    public void mark() {
        baseline = values();
        refresh();
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public boolean isChanged() {
        return changed.get();
    }

    private List<Object> values() {
        return fields.stream().map(f -> normalised(f.getValue())).toList();
    }

    private static Object normalised(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }

    private void refresh() {
        changed.set(!Objects.equals(values(), baseline));
    }
}
