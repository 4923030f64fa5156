package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Wrapped Arabic text lays out: JavaFX 22 to 26 throw {@code ArrayIndexOutOfBoundsException} in
 * {@code PrismTextLayout.computeTrailingSpaceWidth} for every wrapped Arabic text, which is why the build stays on
 * JavaFX 21. Run against a newer JavaFX, this test fails; it is the check to pass before moving up.
 */
@ExtendWith(ApplicationExtension.class)
class ArabicWrappedTextTest {

    private static final I18n AR = new I18n(I18n.ARABIC);
    /** Sentences of the real Arabic bundle: the unsaved-changes question, the About box, a long hint. */
    private static final List<String> SENTENCES = List.of(AR.get("dialog.unsaved.message"), AR.get("about.purpose"),
            AR.get("about.synthetic"), AR.get("about.credits.population"));

    @Test
    void wrappedArabicLabelsLayOutAtEveryWidthFrom60To400() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        double[] heights = new double[2];
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
            Stage stage = new Stage();
            VBox box = new VBox();
            box.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
            for (String sentence : SENTENCES) {
                Label label = new Label(sentence);
                label.setWrapText(true);
                Text text = new Text(sentence);
                text.setWrappingWidth(150);
                box.getChildren().addAll(label, new TextFlow(new Text(sentence)), text);
            }
            stage.setScene(new Scene(new Group(box), 400, 900));
            stage.show();
            Label first = (Label) box.getChildren().getFirst();
            for (int width = 60; width <= 400; width += 5) {
                try {
                    box.applyCss();
                    box.resize(width, box.prefHeight(width));
                    box.layout();
                    if (width == 60) {
                        heights[0] = first.getHeight();
                    } else if (width == 400) {
                        heights[1] = first.getHeight();
                    }
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            }
            stage.close();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(errors).isEmpty();
        // it did wrap: the question takes several lines at 60 px, fewer at 400 px
        assertThat(heights[0]).isGreaterThan(2 * heights[1]);
    }

    @Test
    void anArabicAlertShowsItsWrappedMessage() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        double[] height = new double[1];
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
            try {
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, String.join(" ", SENTENCES), ButtonType.OK, ButtonType.CANCEL);
                alert.setHeaderText(AR.get("about.header"));
                alert.getDialogPane().setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
                alert.getDialogPane().setPrefWidth(360);
                alert.show();
                alert.getDialogPane().applyCss();
                alert.getDialogPane().layout();
                height[0] = alert.getDialogPane().lookup(".content").getBoundsInLocal().getHeight();
                alert.close();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(errors).isEmpty();
        assertThat(height[0]).as("the message wraps onto several lines").isGreaterThan(60);
    }
}
