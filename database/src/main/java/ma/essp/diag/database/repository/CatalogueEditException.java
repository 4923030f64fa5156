package ma.essp.diag.database.repository;

/**
 * An edit of a catalogue version that was refused, with the reason as a code the GUI translates. Nothing was
 * written when this is thrown.
 */
public final class CatalogueEditException extends RuntimeException {

    public enum Reason {
        /** The version is published: it is frozen, since assessments were computed with it. */
        PUBLISHED,
        /** The row does not exist (or is deleted). */
        NOT_FOUND,
        /** Another live row of the same version has this code. */
        DUPLICATE_CODE,
        /** A code or French label is blank. */
        BLANK,
        /** A general readiness item needs a domain of scope 'general', a service item one of scope 'service'. */
        DOMAIN_SCOPE,
        /** The requirement is not one of required, optional, not_expected, or the category is unknown. */
        INVALID_REQUIREMENT,
        /** Moving a service to an area of another version. */
        OTHER_VERSION,
        /**
         * The draft is already the version of live assessments: changing it would change their indices, so it is
         * frozen like a published one (draft a new version from it instead).
         */
        IN_USE
    }

    private final Reason reason;

    public CatalogueEditException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
