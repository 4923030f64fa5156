package ma.essp.diag.database.mission;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Who edits and when: fills the synchronisation columns (uuid, version, updated_at, updated_by, deleted)
 * that every editable row carries, so that laptops can later be merged row by row.
 */
public final class EditContext {

    private final Supplier<String> user;
    private final Clock clock;

    public EditContext(Supplier<String> user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    public static EditContext system(String user) {
        return new EditContext(() -> user, Clock.systemUTC());
    }

    public String user() {
        return user.get();
    }

    public String now() {
        return Instant.now(clock).toString();
    }

    /** Stamps a new row: fresh UUID, version 1, not deleted. */
    public <R extends Record> R stampNew(R record) {
        set(record, "uuid", UUID.randomUUID().toString());
        set(record, "version", 1);
        set(record, "deleted", Boolean.FALSE);
        set(record, "updated_at", now());
        set(record, "updated_by", user());
        return record;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record record, String name, T value) {
        Field<T> field = (Field<T>) record.field(name);
        if (field == null) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no sync column " + name);
        }
        record.set(field, value);
    }
}
