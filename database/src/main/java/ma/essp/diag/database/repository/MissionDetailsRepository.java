package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.jooq.tables.records.TeamMemberRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.rules.MissionRules;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The mission's details (name, beneficiary, dates: what the reports' cover shows) and its team (the members who say
 * who they are before editing), edited from the mission details screen. Every write goes through {@link SyncedRows}
 * with the version the screen read; the rules of {@link MissionRules} are checked again here before writing
 * ({@link EditRuleException} with the rule's code, in lower case: {@code mission.name_required}).
 */
public final class MissionDetailsRepository {

    /** The schema's default beneficiary ({@code mission.beneficiary}). */
    public static final String DEFAULT_BENEFICIARY = "Ministère de la Santé et de la Protection Sociale";

    /** The rule code of a member removing themselves from the team. */
    public static final String RULE_SELF_REMOVAL = "mission.self_removal";

    private final DSLContext dsl;
    private final EditContext edit;

    public MissionDetailsRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** The details as the screen edits them. */
    public record Details(String name, String beneficiary, LocalDate startedOn, LocalDate endedOn) {
    }

    /** The stored details: the mission row's id and version (null for a file without its row yet), and the values. */
    public record StoredDetails(Integer id, int version, Details values) {
    }

    /** A team member as the screen edits them (role: a {@code TEAM_ROLE} code; initials may be null). */
    public record MemberValues(String fullName, String role, String initials) {
    }

    public record StoredMember(int id, int version, String uuid, MemberValues values) {
    }

    /** The mission's details; a file without its row gets the schema's default beneficiary and no name. */
    public StoredDetails details() {
        Optional<MissionRecord> row = dsl.selectFrom(MISSION).where(MISSION.DELETED.isFalse()).orderBy(MISSION.ID).limit(1)
                .fetchOptional();
        return row.map(r -> new StoredDetails(r.getId(), r.getVersion(),
                        new Details(r.getName(), r.getBeneficiary(), r.getStartedOn(), r.getEndedOn())))
                .orElseGet(() -> new StoredDetails(null, 0, new Details("", DEFAULT_BENEFICIARY, null, null)));
    }

    /** The live team members, by name. */
    public List<StoredMember> team() {
        return dsl.selectFrom(TEAM_MEMBER).where(TEAM_MEMBER.DELETED.isFalse()).orderBy(TEAM_MEMBER.FULL_NAME, TEAM_MEMBER.ID)
                .fetch(r -> new StoredMember(r.getId(), r.getVersion(), r.getUuid(),
                        new MemberValues(r.getFullName(), r.getRole(), r.getInitials())));
    }

    /**
     * Writes the details over the mission row still at {@code expectedVersion} (inserts it when {@code id} is null);
     * returns the row's id and version now.
     */
    public StoredDetails saveDetails(Integer id, int expectedVersion, Details details) {
        check(MissionRules.name(details.name()));
        check(MissionRules.beneficiary(details.beneficiary()));
        check(MissionRules.dates(details.startedOn(), details.endedOn()));
        Details clean = new Details(details.name().strip(), details.beneficiary().strip(), details.startedOn(), details.endedOn());
        if (id == null) {
            MissionRecord r = dsl.newRecord(MISSION);
            r.setName(clean.name());
            r.setBeneficiary(clean.beneficiary());
            r.setStartedOn(clean.startedOn());
            r.setEndedOn(clean.endedOn());
            r.setCreatedAt(edit.now());
            int newId = SyncedRows.insert(dsl, edit, r);
            return new StoredDetails(newId, 1, clean);
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(MISSION.NAME, clean.name());
        changes.put(MISSION.BENEFICIARY, clean.beneficiary());
        changes.put(MISSION.STARTED_ON, clean.startedOn());
        changes.put(MISSION.ENDED_ON, clean.endedOn());
        return new StoredDetails(id, SyncedRows.update(dsl, edit, MISSION, id, expectedVersion, changes), clean);
    }

    /** Adds a member to the team; their id. */
    public int addMember(MemberValues values) {
        MemberValues clean = checked(values);
        TeamMemberRecord r = dsl.newRecord(TEAM_MEMBER);
        r.setFullName(clean.fullName());
        r.setRole(clean.role());
        r.setInitials(clean.initials());
        return SyncedRows.insert(dsl, edit, r);
    }

    /** Changes a member still at {@code expectedVersion}; the version now. */
    public int updateMember(int id, int expectedVersion, MemberValues values) {
        MemberValues clean = checked(values);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(TEAM_MEMBER.FULL_NAME, clean.fullName());
        changes.put(TEAM_MEMBER.ROLE, clean.role());
        changes.put(TEAM_MEMBER.INITIALS, clean.initials());
        return SyncedRows.update(dsl, edit, TEAM_MEMBER, id, expectedVersion, changes);
    }

    /**
     * Removes a member (soft: their stamps and audit rows keep naming them) still at {@code expectedVersion}; the
     * member who edits cannot remove themselves ({@code mission.self_removal}). The version now.
     */
    public int removeMember(int id, int expectedVersion) {
        String uuid = dsl.select(TEAM_MEMBER.UUID).from(TEAM_MEMBER).where(TEAM_MEMBER.ID.eq(id)).fetchOne(TEAM_MEMBER.UUID);
        if (edit.member().equals(uuid)) {
            throw new EditRuleException(RULE_SELF_REMOVAL, "the member who edits cannot remove themselves");
        }
        return SyncedRows.softDelete(dsl, edit, TEAM_MEMBER, id, expectedVersion);
    }

    /** Brings a removed member back to the team (an undo) if still at {@code expectedVersion}; the version now. */
    public int restoreMember(int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, TEAM_MEMBER, id, expectedVersion);
    }

    private static MemberValues checked(MemberValues values) {
        check(MissionRules.memberName(values.fullName()));
        check(MissionRules.role(values.role()));
        check(MissionRules.initials(values.initials()));
        String initials = values.initials() == null || values.initials().isBlank() ? null : values.initials().strip();
        return new MemberValues(values.fullName().strip(), values.role(), initials);
    }

    private static void check(Optional<MissionRules.Code> problem) {
        problem.ifPresent(code -> {
            throw new EditRuleException("mission." + code.name().toLowerCase(java.util.Locale.ROOT), code.name());
        });
    }
}
