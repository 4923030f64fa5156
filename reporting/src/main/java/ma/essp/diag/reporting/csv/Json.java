package ma.essp.diag.reporting.csv;

/**
 * The JSON literals of the {@code --format json} outputs (indices, figures of every axis), written by hand because
 * the outputs are flat tables: a text as a JSON string (RFC 8259 escaping; null as {@code null}) and a number already
 * formatted by our code as itself ({@code ""} or null, an undefined figure, as {@code null}).
 */
public final class Json {

    private Json() {
    }

    /** {@code s} as a JSON string literal, quotes, backslashes and control characters escaped; null as {@code null}. */
    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A number formatted by our code ({@code 12.5}), or {@code null} for an empty or null (undefined) figure. */
    public static String number(String formatted) {
        return formatted == null || formatted.isEmpty() ? "null" : formatted;
    }
}
