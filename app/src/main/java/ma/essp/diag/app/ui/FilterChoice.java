package ma.essp.diag.app.ui;

/**
 * One entry of a filter ComboBox: a value (a code, or null for "all") and its translated label, which is also
 * what the ComboBox shows.
 */
public record FilterChoice(String value, String label) {

    public static FilterChoice all(String label) {
        return new FilterChoice(null, label);
    }

    public boolean isAll() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
