package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import ma.essp.diag.database.jooq.tables.records.TeamMemberRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;

/**
 * The mission's team: who a consultant says they are before editing (every stamp and audit row names a member's
 * uuid). Read before any {@link EditContext} exists, so it takes none; a new member writes their own row.
 */
public final class TeamRepository {

    private final DSLContext dsl;

    public TeamRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A team member as the "who are you" choice shows them. */
    public record Member(String uuid, String fullName, String role) {
    }

    /** The live members, by name. */
    public List<Member> members() {
        return dsl.selectFrom(TEAM_MEMBER).where(TEAM_MEMBER.DELETED.isFalse()).orderBy(TEAM_MEMBER.FULL_NAME)
                .fetch(TeamRepository::member);
    }

    /** The live member whose uuid is {@code nameOrUuid}, else the one with that full name (case and spacing ignored). */
    public Optional<Member> find(String nameOrUuid) {
        if (nameOrUuid == null || nameOrUuid.isBlank()) {
            return Optional.empty();
        }
        String wanted = nameOrUuid.strip();
        List<Member> live = members();
        return live.stream().filter(m -> m.uuid().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> live.stream().filter(m -> key(m.fullName()).equals(key(wanted))).findFirst());
    }

    /**
     * Adds a member (role expert) who is the one editing: the row names its own uuid as {@code updated_by}, written
     * through the writer on {@code device} at {@code clock}'s time. Refused when the name is blank.
     */
    public Member add(String fullName, String device, Clock clock) {
        if (fullName == null || fullName.isBlank()) {
            throw new EditRuleException("team.name-required", "a team member needs a name");
        }
        String uuid = UUID.randomUUID().toString();
        TeamMemberRecord r = dsl.newRecord(TEAM_MEMBER);
        r.setUuid(uuid);
        r.setFullName(fullName.strip());
        r.setRole("expert");
        SyncedRows.insert(dsl, new EditContext(uuid, device, clock), r);
        return member(r);
    }

    private static Member member(TeamMemberRecord r) {
        return new Member(r.getUuid(), r.getFullName(), r.getRole());
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
