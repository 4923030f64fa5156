package ma.essp.diag.database.mission;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Who edits, on which laptop, and when: built once when a mission is opened (the window after the consultant
 * said who they are, the command line from {@code --as}) and handed to every repository. The member is the
 * uuid of a {@code team_member} row of the mission; the device is the laptop's stable id (generated once, kept in
 * the user's settings). Every row the writer ({@code SyncedRows}) stamps and every audit row names both.
 */
public final class EditContext {

    private final String member;
    private final String device;
    private final Clock clock;

    /**
     * @param member the {@code team_member.uuid} of who edits
     * @param device the stable id of this laptop
     * @param clock  the time source of every stamp (tests pass a fixed one)
     */
    public EditContext(String member, String device, Clock clock) {
        if (member == null || member.isBlank() || device == null || device.isBlank()) {
            throw new IllegalArgumentException("an edit needs a member and a device");
        }
        this.member = member;
        this.device = device;
        this.clock = clock;
    }

    /** A context for tests and tools that write as a fixed member on device {@code local}, now. */
    public static EditContext system(String member) {
        return new EditContext(member, "local", Clock.systemUTC());
    }

    /** The uuid of the team member who edits ({@code updated_by} of every row written). */
    public String member() {
        return member;
    }

    /** The id of this laptop, recorded in every audit row. */
    public String device() {
        return device;
    }

    public String now() {
        return Instant.now(clock).toString();
    }

    /**
     * Stamps a new row: version 1, not deleted, now, this member; a fresh uuid unless the row already carries one
     * (a row coming from another laptop keeps its identity).
     */
    public <R extends Record> R stampNew(R record) {
        Field<?> uuid = record.field("uuid");
        if (uuid == null || record.get(uuid) == null) {
            set(record, "uuid", UUID.randomUUID().toString());
        }
        set(record, "version", 1);
        set(record, "deleted", Boolean.FALSE);
        set(record, "updated_at", now());
        set(record, "updated_by", member);
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
