package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_PERIOD;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_REFERRAL;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_SITE;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roll-out writes: the stage gate and the period rules refuse with their code and write nothing; the rest is read back. */
class PerpetratorCareRepositoryTest {

    private static final LocalDate JAN = LocalDate.parse("2026-01-01");

    @TempDir
    Path dir;

    private static String rule(Runnable write) {
        try {
            write.run();
        } catch (EditRuleException e) {
            return e.rule();
        }
        throw new AssertionError("no rule broken");
    }

    @Test
    void anEsspSiteNamesAnEsspOfItsProvinceAndOtherKindsKeepNone() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("k.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var c = ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
            var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            int provinceId = dsl.select(c.PROVINCE_ID).from(c).where(c.ID.eq(essp.getCirconscriptionId())).fetchOne(c.PROVINCE_ID);
            int otherProvince = dsl.select(ma.essp.diag.database.jooq.Tables.PROVINCE.ID).from(ma.essp.diag.database.jooq.Tables.PROVINCE)
                    .where(ma.essp.diag.database.jooq.Tables.PROVINCE.ID.ne(provinceId)).limit(1)
                    .fetchOne(ma.essp.diag.database.jooq.Tables.PROVINCE.ID);
            PerpetratorCareRepository care = new PerpetratorCareRepository(dsl);
            int before = dsl.fetchCount(PERPETRATOR_CARE_SITE);

            assertThat(rule(() -> care.addSite(edit, "Consultation", provinceId, "essp", null, JAN))).isEqualTo("ESSP_REQUIRED");
            assertThat(rule(() -> care.addSite(edit, "Consultation", otherProvince, "essp", essp.getId(), JAN)))
                    .isEqualTo("ESSP_OTHER_PROVINCE");
            assertThat(dsl.fetchCount(PERPETRATOR_CARE_SITE)).isEqualTo(before);
            assertThat(care.essps(provinceId)).extracting(PerpetratorCareRepository.EsspChoice::id).contains(essp.getId());
            assertThat(care.essps(otherProvince)).extracting(PerpetratorCareRepository.EsspChoice::id).doesNotContain(essp.getId());

            int hosted = care.addSite(edit, "Consultation CSU", provinceId, "essp", essp.getId(), JAN);
            // a psychiatric service keeps no ESSP even when one is passed
            int psychiatry = care.addSite(edit, "Service de psychiatrie", provinceId, "psychiatric_service", essp.getId(), JAN);
            var rows = care.load().sites();
            var h = rows.stream().filter(s -> s.id() == hosted).findFirst().orElseThrow();
            var p = rows.stream().filter(s -> s.id() == psychiatry).findFirst().orElseThrow();
            assertThat(h.kind()).isEqualTo("essp");
            assertThat(h.esspId()).isEqualTo(essp.getId());
            assertThat(p.kind()).isEqualTo("psychiatric_service");
            assertThat(p.esspId()).isNull();

            // the kind changed: to essp without an ESSP refused (version unchanged), to hospital clears the ESSP
            assertThat(rule(() -> care.updateSiteKind(edit, psychiatry, 1, "essp", null))).isEqualTo("ESSP_REQUIRED");
            assertThat(dsl.fetchOne(PERPETRATOR_CARE_SITE, PERPETRATOR_CARE_SITE.ID.eq(psychiatry)).getVersion()).isEqualTo(1);
            assertThat(care.updateSiteKind(edit, hosted, 1, "hospital", essp.getId())).isEqualTo(2);
            var updated = dsl.fetchOne(PERPETRATOR_CARE_SITE, PERPETRATOR_CARE_SITE.ID.eq(hosted));
            assertThat(updated.getKind()).isEqualTo("hospital");
            assertThat(updated.getEsspId()).isNull();
        }
    }

    @Test
    void aSiteMovesToImplementationOnlyWithItsEvidence() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            int provinceId = dsl.select(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID)
                    .from(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                    .where(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID.eq(essp.getCirconscriptionId()))
                    .fetchOne(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID);
            StaffPositionRecord position = dsl.newRecord(STAFF_POSITION);
            position.setEsspId(essp.getId());
            position.setCadreCode("doctor_gp");
            position.setHolderName("Amina Alaoui");
            int positionId = SyncedRows.insert(dsl, edit, position);
            PerpetratorCareRepository care = new PerpetratorCareRepository(dsl);

            assertThat(rule(() -> care.addSite(edit, " ", provinceId, null, JAN))).isEqualTo("NAME_REQUIRED");
            int site = care.addSite(edit, "Consultation Médina", provinceId, essp.getId(), JAN);

            // launched refused: no trained staff, then no patients; nothing written
            assertThat(rule(() -> care.moveStage(edit, site, 1, "launched", JAN.plusMonths(3))))
                    .isEqualTo("STAGE_NEEDS_TRAINED_STAFF");
            care.addStaff(edit, site, positionId, null, null, "Médecin référent", JAN.plusDays(10), 30.0);
            assertThat(rule(() -> care.moveStage(edit, site, 1, "launched", JAN.plusMonths(3))))
                    .isEqualTo("STAGE_NEEDS_PATIENTS");
            assertThat(dsl.fetchOne(PERPETRATOR_CARE_SITE, PERPETRATOR_CARE_SITE.ID.eq(site)).getStage()).isEqualTo("identified");

            // periods: reversed, overlapping, drop-outs above patients refused
            int q1 = care.savePeriod(edit, site, null, null, JAN, LocalDate.parse("2026-03-31"), 8, 8, 20, 1);
            assertThat(rule(() -> care.savePeriod(edit, site, null, null, LocalDate.parse("2026-06-30"),
                    LocalDate.parse("2026-04-01"), 5, 5, null, null))).isEqualTo("DATES_REVERSED");
            assertThat(rule(() -> care.savePeriod(edit, site, null, null, LocalDate.parse("2026-03-01"),
                    LocalDate.parse("2026-05-31"), 5, 5, null, null))).isEqualTo("PERIOD_OVERLAP");
            assertThat(rule(() -> care.savePeriod(edit, site, null, null, LocalDate.parse("2026-04-01"),
                    LocalDate.parse("2026-06-30"), 5, 5, null, 6))).isEqualTo("DROPOUTS_ABOVE_FOLLOWED");
            int q2 = care.savePeriod(edit, site, null, null, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"),
                    0, 0, null, null);
            assertThat(dsl.fetchCount(PERPETRATOR_CARE_PERIOD)).isEqualTo(2);
            // referrals in a period with no patients refused, all or none
            assertThat(rule(() -> care.setReferrals(edit, q2, Map.of("justice", 2)))).isEqualTo("REFERRALS_WITHOUT_PATIENTS");
            care.setReferrals(edit, q1, Map.of("justice", 5, "police", 3, "self", 0));
            assertThat(dsl.fetchCount(PERPETRATOR_CARE_REFERRAL)).isEqualTo(2);
            // a period with referrals cannot lose its patients
            assertThat(rule(() -> care.savePeriod(edit, site, q1, 1, JAN, LocalDate.parse("2026-03-31"), 0, 0, null, null)))
                    .isEqualTo("REFERRALS_WITHOUT_PATIENTS");

            // now launched is accepted, on a date not before the current stage's
            assertThat(rule(() -> care.moveStage(edit, site, 1, "launched", JAN.minusDays(1))))
                    .isEqualTo("STAGE_DATE_BEFORE_CURRENT");
            int version = care.moveStage(edit, site, 1, "launched", JAN.plusMonths(3));
            assertThat(version).isEqualTo(2);
            assertThat(rule(() -> care.moveStage(edit, site, 2, "routine", JAN.plusMonths(4)))).isEqualTo("STAGE_NEEDS_SIX_MONTHS");
            care.setPlanned(edit, site, "routine", LocalDate.parse("2026-12-31"));

            PerpetratorCareData data = care.load();
            assertThat(data.sites()).singleElement().satisfies(s -> {
                assertThat(s.stage()).isEqualTo("launched");
                assertThat(s.stageSince()).isEqualTo(JAN.plusMonths(3));
            });
            assertThat(data.stages()).extracting(PerpetratorCareData.StageStep::stage, PerpetratorCareData.StageStep::reachedOn,
                    PerpetratorCareData.StageStep::plannedOn).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("identified", JAN, null),
                    org.assertj.core.groups.Tuple.tuple("launched", JAN.plusMonths(3), null),
                    org.assertj.core.groups.Tuple.tuple("routine", null, LocalDate.parse("2026-12-31")));
            assertThat(data.staff()).singleElement().satisfies(s -> {
                assertThat(s.fullName()).isEqualTo("Amina Alaoui");
                assertThat(s.cadreCode()).isEqualTo("doctor_gp");
                assertThat(s.positionHolder()).isEqualTo("Amina Alaoui");
            });
            assertThat(data.referrals()).extracting(PerpetratorCareData.Referral::referrals).containsExactlyInAnyOrder(5, 3);
        }
    }

    @Test
    void theUndoWritesPutAStageBackAndAPeriodBackUnlessAnotherNowCoversItsQuarter() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("u.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var c = ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
            var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            int provinceId = dsl.select(c.PROVINCE_ID).from(c).where(c.ID.eq(essp.getCirconscriptionId())).fetchOne(c.PROVINCE_ID);
            PerpetratorCareRepository care = new PerpetratorCareRepository(dsl);
            int site = care.addSite(edit, "Consultation", provinceId, "hospital", null, JAN);

            // a period is a calendar quarter: a month off is refused by the repository too, nothing written
            assertThat(rule(() -> care.addPeriod(edit, site, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30"),
                    4, 4, null, null))).isEqualTo("PERIOD_NOT_QUARTER");
            assertThat(dsl.fetchCount(PERPETRATOR_CARE_PERIOD)).isZero();
            int q1 = care.addPeriod(edit, site, JAN, LocalDate.parse("2026-03-31"), 4, 4, null, null);
            assertThat(rule(() -> care.updatePeriod(edit, q1, 1, JAN, LocalDate.parse("2026-06-30"), 4, 4, null, null)))
                    .isEqualTo("PERIOD_NOT_QUARTER");
            assertThat(care.updatePeriod(edit, q1, 1, JAN, LocalDate.parse("2026-03-31"), 6, 4, null, null)).isEqualTo(2);

            // deleted, another Q1 typed meanwhile: the first cannot come back over it
            assertThat(care.deletePeriod(edit, q1, 2)).isEqualTo(3);
            int other = care.addPeriod(edit, site, JAN, LocalDate.parse("2026-03-31"), 5, 5, null, null);
            assertThat(rule(() -> care.restorePeriod(edit, q1, 3))).isEqualTo("PERIOD_OVERLAP");
            care.deletePeriod(edit, other, 1);
            assertThat(care.restorePeriod(edit, q1, 3)).isEqualTo(4);
            assertThat(care.load().periods()).extracting(PerpetratorCareData.Period::id).containsExactly(q1);

            // launched on 1 April, then put back at identified since 1 January: no gate going back, launched no longer reached
            care.addStaff(edit, site, null, "Amina Alaoui", "doctor_gp", null, JAN.plusDays(10), 20.0);
            assertThat(care.moveStage(edit, site, 1, "launched", LocalDate.parse("2026-04-01"))).isEqualTo(2);
            assertThat(care.stageBack(edit, site, 2, "identified", JAN, "launched", null)).isEqualTo(3);
            PerpetratorCareData data = care.load();
            assertThat(data.sites()).singleElement().satisfies(s -> {
                assertThat(s.stage()).isEqualTo("identified");
                assertThat(s.stageSince()).isEqualTo(JAN);
            });
            assertThat(data.stages()).filteredOn(g -> g.stage().equals("launched"))
                    .extracting(PerpetratorCareData.StageStep::reachedOn).containsOnlyNulls();
            // a stale version is refused
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> care.stageBack(edit, site, 2, "identified", JAN, "launched", null))
                    .isInstanceOf(StaleEditException.class);
        }
    }
}
