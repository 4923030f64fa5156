package ma.essp.diag.app.map.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputTarget;

/**
 * A picture of the map as plain pixels (taken from the screen on the FX thread), written as a PNG off it.
 *
 * @param argb {@code width × height} pixels, row by row, as 0xAARRGGBB
 */
public record MapImage(int width, int height, int[] argb) {

    public MapImage {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("not a " + width + "×" + height + " picture: " + argb.length + " pixels");
        }
    }

    /**
     * Writes the picture as a PNG to {@code out}: all or nothing (a temporary file moved over it), and never over
     * a mission or another database ({@link OutputTarget}).
     *
     * @return the file written
     */
    public Path writePng(Path out) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
            if (!ImageIO.write(image, "png", part.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
