package ma.essp.diag.app.ui.map;

import java.util.Locale;

/**
 * A colour of the map as plain numbers, so that the map's figures are prepared (and benchmarked by the CLI) without
 * JavaFX; the canvas turns it into a JavaFX colour.
 */
public record Rgb(int red, int green, int blue) {

    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("not an 8-bit colour: " + red + "," + green + "," + blue);
        }
    }

    /** {@code "#1f4e79"}. */
    public static Rgb web(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    /** {@code "#1f4e79"}, for CSS. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }
}
