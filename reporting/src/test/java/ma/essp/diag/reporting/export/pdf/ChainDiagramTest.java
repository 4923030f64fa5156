package ma.essp.diag.reporting.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import ma.essp.diag.reporting.export.ReportData.ChainLink;
import ma.essp.diag.reporting.export.ReportData.ChainRow;
import org.junit.jupiter.api.Test;

class ChainDiagramTest {

    private static final List<String> LEGEND = List.of("≥ 80 %", "50–80 %", "< 50 %", "n.m.", "ressaisie");

    @Test
    void arrowsTakeTheColourOfTheirOnTimeRateAndTheImageGrowsWithTheChains() throws Exception {
        // ESSP → circonscription 90 % on time (green), circonscription → central 30 % and re-keyed (red, dashed)
        ChainRow act = new ChainRow("ACT — Activité", List.of(
                new ChainLink("essp", "circonscription", "ESSP", "Circonscription", "Papier", false, 0.9),
                new ChainLink("circonscription", "central", "Circonscription", "Niveau central", "DHIS2", true, 0.3)), true, 1);
        ChainDiagram one = new ChainDiagram(List.of(act), "Ressaisies :", "incomplète", LEGEND);
        ChainDiagram two = new ChainDiagram(List.of(act, act), "Ressaisies :", "incomplète", LEGEND);
        assertThat(two.height() - one.height()).isEqualTo(ChainDiagram.ROW);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(one.png()));
        assertThat(image.getWidth()).isEqualTo(2 * ChainDiagram.WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * one.height());
        // the first chain's arrows lie on y = 18 + 9 points; the green one left of the red one
        int y = 2 * 27;
        int firstGreen = -1;
        int firstRed = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            Color c = new Color(image.getRGB(x, y));
            if (firstGreen < 0 && c.equals(ChainDiagram.GOOD)) {
                firstGreen = x;
            }
            if (firstRed < 0 && c.equals(ChainDiagram.POOR)) {
                firstRed = x;
            }
        }
        assertThat(firstGreen).as("a green arrow").isPositive();
        assertThat(firstRed).as("a red arrow").isGreaterThan(firstGreen);
    }

    @Test
    void coloursFollowTheScreensThresholds() {
        assertThat(ChainDiagram.colour(0.8)).isEqualTo(ChainDiagram.GOOD);
        assertThat(ChainDiagram.colour(0.79)).isEqualTo(ChainDiagram.MEDIUM);
        assertThat(ChainDiagram.colour(0.5)).isEqualTo(ChainDiagram.MEDIUM);
        assertThat(ChainDiagram.colour(0.49)).isEqualTo(ChainDiagram.POOR);
        assertThat(ChainDiagram.colour(null)).isEqualTo(ChainDiagram.UNKNOWN);
    }
}
