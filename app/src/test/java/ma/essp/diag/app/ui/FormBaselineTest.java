package ma.essp.diag.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** A form's fields against what it last showed: typed, typed back, blank against none, marked after a save. */
class FormBaselineTest {

    @Test
    void changedWhileAFieldDiffersFromWhatWasLastShown() {
        SimpleStringProperty title = new SimpleStringProperty("");
        SimpleObjectProperty<Integer> hours = new SimpleObjectProperty<>(null);
        FormBaseline form = new FormBaseline(List.of(title, hours));
        assertThat(form.isChanged()).isFalse();

        title.set("Séminaire");
        assertThat(form.isChanged()).isTrue();
        title.set("");
        assertThat(form.isChanged()).as("typed back to what it was").isFalse();
        title.set(null);
        assertThat(form.isChanged()).as("no text and a blank text are the same").isFalse();
        title.set("   ");
        assertThat(form.isChanged()).isFalse();

        hours.set(12);
        assertThat(form.changedProperty().get()).isTrue();
        form.mark(); // saved: the values shown are the new starting point
        assertThat(form.isChanged()).isFalse();
        hours.set(null);
        assertThat(form.isChanged()).isTrue();
    }
}
