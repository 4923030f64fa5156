package ma.essp.diag.database.repository;

/**
 * An edit refused because it would break a rule of the model that the schema cannot express (a province keeps
 * two or more circonscriptions, communes move only inside their province...). {@link #rule()} is a stable code
 * the user interface translates; the message is for logs.
 */
public final class EditRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public EditRuleException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
