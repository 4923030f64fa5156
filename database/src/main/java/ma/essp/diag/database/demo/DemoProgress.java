package ma.essp.diag.database.demo;

/** Receives the progress of a demo generation; called on the generating thread. */
@FunctionalInterface
public interface DemoProgress {

    DemoProgress NONE = (what, fractionDone) -> { };

    /** {@code what} is a short French label of the step just done; {@code fractionDone} is in 0..1. */
    void step(String what, double fractionDone);
}
