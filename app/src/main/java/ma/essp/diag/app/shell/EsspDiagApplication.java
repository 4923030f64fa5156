package ma.essp.diag.app.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the main window on a mission. */
public final class EsspDiagApplication extends Application {

    public static void start(String[] args) {
        Application.launch(EsspDiagApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("ESSP Diagnostic");
        stage.setScene(new Scene(new Label("ESSP Diagnostic"), 1200, 800));
        stage.show();
    }
}
