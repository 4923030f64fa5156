package ma.essp.diag.app.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What an editor tells the shell about its edits, so that leaving an area, opening another mission or closing the
 * window never drops them without asking (see {@link UnsavedChangesGuard}). Every screen that edits something
 * returns one from {@link FeatureScreen#unsavedChanges()}; a screen with several editors combines them with
 * {@link #anyOf(List)}. All methods are called on the FX thread.
 */
public interface UnsavedChanges {

    /** Nothing to lose: screens that only show data. */
    UnsavedChanges NONE = new UnsavedChanges() {
        private final ReadOnlyBooleanWrapper never = new ReadOnlyBooleanWrapper(false);

        @Override
        public ReadOnlyBooleanProperty unsavedProperty() {
            return never.getReadOnlyProperty();
        }

        @Override
        public CompletionStage<Boolean> save() {
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public void discard() {
        }
    };

    /** True while the editor holds edits that are not written to the mission. */
    ReadOnlyBooleanProperty unsavedProperty();

    default boolean hasUnsavedChanges() {
        return unsavedProperty().get();
    }

    /**
     * Validates and writes the edits in the background. Completes with {@code true} once they are written, with
     * {@code false} when they were refused (the editor then shows why: field messages, a duplicate to confirm, a
     * write error), never exceptionally.
     */
    CompletionStage<Boolean> save();

    /** Drops the edits: the editor goes back to what was last loaded or saved. */
    void discard();

    /** Several editors of one screen as one: unsaved when any is; saving saves each in turn and stops at a refusal. */
    static UnsavedChanges anyOf(List<UnsavedChanges> editors) {
        List<UnsavedChanges> all = List.copyOf(editors);
        ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(false);
        any.bind(Bindings.createBooleanBinding(() -> all.stream().anyMatch(UnsavedChanges::hasUnsavedChanges),
                all.stream().map(e -> (ObservableBooleanValue) e.unsavedProperty()).toArray(ObservableBooleanValue[]::new)));
        return new UnsavedChanges() {
            @Override
            public ReadOnlyBooleanProperty unsavedProperty() {
                return any.getReadOnlyProperty();
            }

            @Override
            public CompletionStage<Boolean> save() {
                CompletionStage<Boolean> chain = CompletableFuture.completedFuture(true);
                for (UnsavedChanges editor : all) {
                    chain = chain.thenCompose(ok -> ok && editor.hasUnsavedChanges() ? editor.save() : CompletableFuture.completedFuture(ok));
                }
                return chain;
            }

            @Override
            public void discard() {
                all.stream().filter(UnsavedChanges::hasUnsavedChanges).forEach(UnsavedChanges::discard);
            }
        };
    }
}
