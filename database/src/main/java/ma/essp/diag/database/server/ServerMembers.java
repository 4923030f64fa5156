package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.MEMBER_SCOPE;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.util.List;
import ma.essp.diag.database.jooq.tables.records.MemberScopeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TeamRepository;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The territory each member may write on the team server ({@code member_scope}, schema V18): a PostgreSQL login, the
 * team member it is, and a region (the whole region) or a province (with the préfectures d'arrondissements of a
 * prefecture). The server's row-level security reads it (db/postgresql/afterMigrate__roles.sql): a consultant's login
 * writes only the rows of its places. Only a coordinator may write it (the server refuses anyone else).
 */
public final class ServerMembers {

    private ServerMembers() {
    }

    /** One place given to a login: {@code provinceCode} null for a whole region; {@code place} its French name. */
    public record Scope(String login, String memberUuid, String memberName, String regionCode, String provinceCode,
                        String place) {
    }

    /** The live places given to logins, by login then region and province. */
    public static List<Scope> list(DSLContext dsl) {
        return dsl.select(MEMBER_SCOPE.SERVER_LOGIN, TEAM_MEMBER.UUID, TEAM_MEMBER.FULL_NAME, REGION.CODE, PROVINCE.CODE,
                        REGION.NAME_FR, PROVINCE.NAME_FR)
                .from(MEMBER_SCOPE)
                .join(TEAM_MEMBER).on(TEAM_MEMBER.ID.eq(MEMBER_SCOPE.TEAM_MEMBER_ID))
                .join(REGION).on(REGION.ID.eq(MEMBER_SCOPE.REGION_ID))
                .leftJoin(PROVINCE).on(PROVINCE.ID.eq(MEMBER_SCOPE.PROVINCE_ID))
                .where(MEMBER_SCOPE.DELETED.isFalse())
                .orderBy(MEMBER_SCOPE.SERVER_LOGIN, REGION.CODE, PROVINCE.CODE.nullsFirst())
                .fetch(r -> new Scope(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value5() == null ? r.value6() : r.value7()));
    }

    /**
     * Gives {@code place} (a province's or a region's code) to {@code login}, the PostgreSQL login of team member
     * {@code member} (full name or uuid). Giving a place the login already has changes nothing.
     *
     * @throws ServerException no such member or place, or the login already belongs to another member
     */
    public static Scope grant(DSLContext dsl, EditContext edit, String login, String member, String place)
            throws ServerException {
        if (login == null || login.isBlank()) {
            throw new ServerException("a login is the member's PostgreSQL role name");
        }
        ServerSync.lock(dsl);
        TeamRepository.Member who = new TeamRepository(dsl).find(member).orElseThrow(() -> new ServerException(
                "no team member '" + member + "' in the server's mission"));
        int memberId = dsl.select(TEAM_MEMBER.ID).from(TEAM_MEMBER).where(TEAM_MEMBER.UUID.eq(who.uuid())).fetchOne().value1();
        List<String> others = dsl.selectDistinct(TEAM_MEMBER.FULL_NAME).from(MEMBER_SCOPE)
                .join(TEAM_MEMBER).on(TEAM_MEMBER.ID.eq(MEMBER_SCOPE.TEAM_MEMBER_ID))
                .where(MEMBER_SCOPE.SERVER_LOGIN.eq(login), MEMBER_SCOPE.DELETED.isFalse(), MEMBER_SCOPE.TEAM_MEMBER_ID.ne(memberId))
                .fetch(TEAM_MEMBER.FULL_NAME);
        if (!others.isEmpty()) {
            throw new ServerException("the login " + login + " is already " + others.getFirst() + "'s: remove it first");
        }
        Record2<Integer, Integer> where = placeIds(dsl, place);
        boolean given = dsl.fetchExists(MEMBER_SCOPE, MEMBER_SCOPE.SERVER_LOGIN.eq(login), MEMBER_SCOPE.DELETED.isFalse(),
                MEMBER_SCOPE.REGION_ID.eq(where.value1()), where.value2() == null ? MEMBER_SCOPE.PROVINCE_ID.isNull()
                        : MEMBER_SCOPE.PROVINCE_ID.eq(where.value2()));
        if (!given) {
            MemberScopeRecord r = dsl.newRecord(MEMBER_SCOPE);
            r.setTeamMemberId(memberId);
            r.setServerLogin(login);
            r.setRegionId(where.value1());
            r.setProvinceId(where.value2());
            SyncedRows.insert(dsl, edit, r);
        }
        return list(dsl).stream().filter(s -> s.login().equals(login) && s.regionCode().equals(regionCode(dsl, where.value1()))
                && (where.value2() == null ? s.provinceCode() == null : place.strip().equals(s.provinceCode()))).findFirst().orElseThrow();
    }

    /**
     * Takes {@code place} (null: every place) back from {@code login} (soft delete); the number of places taken back.
     *
     * @throws ServerException no such place
     */
    public static int revoke(DSLContext dsl, EditContext edit, String login, String place) throws ServerException {
        ServerSync.lock(dsl);
        var condition = MEMBER_SCOPE.SERVER_LOGIN.eq(login).and(MEMBER_SCOPE.DELETED.isFalse());
        if (place != null) {
            Record2<Integer, Integer> where = placeIds(dsl, place);
            condition = condition.and(MEMBER_SCOPE.REGION_ID.eq(where.value1())).and(where.value2() == null
                    ? MEMBER_SCOPE.PROVINCE_ID.isNull() : MEMBER_SCOPE.PROVINCE_ID.eq(where.value2()));
        }
        var rows = dsl.select(MEMBER_SCOPE.ID, MEMBER_SCOPE.VERSION).from(MEMBER_SCOPE).where(condition).fetch();
        rows.forEach(r -> SyncedRows.softDelete(dsl, edit, MEMBER_SCOPE, r.value1(), r.value2()));
        return rows.size();
    }

    /** The region id and province id (null for a region) of a province's or region's code. */
    private static Record2<Integer, Integer> placeIds(DSLContext dsl, String place) throws ServerException {
        String code = place == null ? "" : place.strip();
        Record2<Integer, Integer> province = dsl.select(PROVINCE.REGION_ID, PROVINCE.ID).from(PROVINCE)
                .where(PROVINCE.CODE.eq(code), PROVINCE.DELETED.isFalse()).fetchOne();
        if (province != null) {
            return province;
        }
        Record2<Integer, Integer> region = dsl.select(REGION.ID, org.jooq.impl.DSL.castNull(Integer.class)).from(REGION)
                .where(REGION.CODE.eq(code), REGION.DELETED.isFalse()).fetchOne();
        if (region == null) {
            throw new ServerException("no province or region with the code '" + code + "' in the server's mission");
        }
        return region;
    }

    private static String regionCode(DSLContext dsl, int regionId) {
        return dsl.select(REGION.CODE).from(REGION).where(REGION.ID.eq(regionId)).fetchOne().value1();
    }
}
