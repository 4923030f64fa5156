package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.repository.EsspEditRepository.BulkField;
import ma.essp.diag.database.repository.EsspEditRepository.DuplicateReason;
import ma.essp.diag.database.repository.EsspEditRepository.EsspDraft;
import ma.essp.diag.database.repository.EsspEditRepository.StoredEssp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsspEditRepositoryTest {

    @TempDir
    Path dir;
    RegistryFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new RegistryFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void createdEsspStartsAtVersionOneStampedByTheEditor() {
        int id = f.essps.create(RegistryFixture.draft("01571-0001", " CSU Souika ", f.urban, 35.57, -5.37));
        StoredEssp s = f.essps.find(id).orElseThrow();
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.deleted()).isFalse();
        assertThat(s.updatedBy()).isEqualTo("tester");
        assertThat(s.values().nameFr()).isEqualTo("CSU Souika");
    }

    @Test
    void everyUpdateIncrementsTheVersionAndIsAudited() {
        int id = f.essps.create(RegistryFixture.draft("01571-0001", "CSU Souika", f.urban, null, null));
        EsspDraft renamed = RegistryFixture.draft("01571-0001", "CSU Souika II", f.urban, null, null);
        assertThat(f.essps.update(id, 1, renamed)).isEqualTo(2);
        // saving the same values again is no change: nothing written, the version stays (no false merge conflict)
        assertThat(f.essps.update(id, 2, renamed)).isEqualTo(2);
        EsspDraft moved = RegistryFixture.draft("01571-0001", "CSU Souika II", f.urban, 35.5, -5.4);
        assertThat(f.essps.update(id, 2, moved)).isEqualTo(3);
        StoredEssp s = f.essps.find(id).orElseThrow();
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.values().nameFr()).isEqualTo("CSU Souika II");
        var audit = f.mission.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ROW_UUID.eq(s.uuid())).orderBy(AUDIT_LOG.ID).fetch();
        assertThat(audit).extracting(r -> r.getAction() + " " + r.getField() + " " + r.getOldValue() + " -> " + r.getNewValue()
                        + " " + r.getOldVersion() + "->" + r.getNewVersion() + " " + r.getMemberUuid() + "@" + r.getDeviceId())
                .containsExactly("insert null null -> null null->1 tester@local",
                        "update name_fr CSU Souika -> CSU Souika II 1->2 tester@local",
                        "update latitude null -> 35.5 2->3 tester@local",
                        "update longitude null -> -5.4 2->3 tester@local");
    }

    @Test
    void anUpdateFromAStaleVersionIsRefusedAndWritesNothing() {
        int id = f.essps.create(RegistryFixture.draft("01571-0001", "CSU Souika", f.urban, null, null));
        f.essps.update(id, 1, RegistryFixture.draft("01571-0001", "Changed elsewhere", f.urban, null, null));
        assertThatThrownBy(() -> f.essps.update(id, 1, RegistryFixture.draft("01571-0001", "Mine", f.urban, null, null)))
                .isInstanceOf(StaleEditException.class);
        assertThat(f.essps.find(id).orElseThrow().values().nameFr()).isEqualTo("Changed elsewhere");
    }

    @Test
    void deletingASelectionIsAllOrNothing() {
        int a = f.essps.create(RegistryFixture.draft("01571-0001", "CSU Souika", f.urban, null, null));
        int b = f.essps.create(RegistryFixture.draft("01571-0002", "CSU Mellah", f.urban, null, null));
        // an id that does not exist at the end of the selection: nothing is deleted
        java.util.Map<Integer, Integer> withUnknown = new java.util.LinkedHashMap<>();
        withUnknown.put(a, 1);
        withUnknown.put(b, 1);
        withUnknown.put(999_999, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.essps.softDeleteAll(withUnknown))
                .isInstanceOf(StaleEditException.class).hasMessageContaining("essp #999999");
        assertThat(f.essps.find(a).orElseThrow().version()).isEqualTo(1);
        assertThat(f.essps.find(b).orElseThrow().deleted()).isFalse();
        // the whole selection: each at version 2, and back at version 3 when restored
        assertThat(f.essps.softDeleteAll(java.util.Map.of(a, 1, b, 1))).containsOnly(java.util.Map.entry(a, 2), java.util.Map.entry(b, 2));
        assertThat(f.essps.find(b).orElseThrow().deleted()).isTrue();
        assertThat(f.essps.restoreAll(java.util.Map.of(a, 2, b, 2))).containsOnly(java.util.Map.entry(a, 3), java.util.Map.entry(b, 3));
        assertThat(f.essps.find(a).orElseThrow().deleted()).isFalse();
    }

    @Test
    void softDeleteAndRestoreKeepTheRowAndBumpTheVersion() {
        int id = f.essps.create(RegistryFixture.draft("01571-0001", "CSU Souika", f.urban, null, null));
        assertThat(f.essps.softDelete(id, 1)).isEqualTo(2);
        assertThat(f.essps.find(id).orElseThrow().deleted()).isTrue();
        assertThat(f.essps.codeTaken("01571-0001", null)).as("codes of deleted ESSPs are not reused").isTrue();
        assertThat(f.essps.restore(id, 2)).isEqualTo(3);
        StoredEssp s = f.essps.find(id).orElseThrow();
        assertThat(s.deleted()).isFalse();
        var actions = f.mission.dsl().select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.ROW_UUID.eq(s.uuid()))
                .orderBy(AUDIT_LOG.ID).fetch(AUDIT_LOG.ACTION);
        assertThat(actions).containsExactly("insert", "delete", "restore");
    }

    @Test
    void codesAreComparedIgnoringCaseAndSpaces() {
        int id = f.essps.create(RegistryFixture.draft("01571-0001", "CSU Souika", f.urban, null, null));
        assertThat(f.essps.codeTaken(" 01571-0001 ", null)).isTrue();
        assertThat(f.essps.codeTaken("01571-0001", id)).isFalse();
        assertThat(f.essps.codeTaken("01571-0002", null)).isFalse();
    }

    @Test
    void suggestsTheNextCodeOfTheProvince() {
        assertThat(f.essps.suggestCode(RegistryFixture.TETOUAN)).isEqualTo("01571-0001");
        f.essps.create(RegistryFixture.draft("01571-0007", "A", f.urban, null, null));
        assertThat(f.essps.suggestCode(RegistryFixture.TETOUAN)).isEqualTo("01571-0008");
        assertThat(f.essps.provinceDigits(f.urban)).contains("01571");
    }

    @Test
    void duplicatesAreTheSameNameInTheSameCirconscriptionOrAPointWithin200Metres() {
        f.essps.create(RegistryFixture.draft("01571-0001", "Centre de santé Souika", f.urban, 35.5700, -5.3700));
        f.essps.create(RegistryFixture.draft("01571-0002", "Dispensaire Oued Laou", f.rural, 35.4500, -5.1000));

        var sameName = f.essps.findDuplicates("CENTRE DE SANTE  souika", f.urban, null, null, null);
        assertThat(sameName).singleElement().extracting(EsspEditRepository.DuplicateCandidate::reason)
                .isEqualTo(DuplicateReason.SAME_NAME_SAME_CIRCONSCRIPTION);
        assertThat(f.essps.findDuplicates("Centre de santé Souika", f.rural, null, null, null)).isEmpty();

        // 0.0015° of latitude ≈ 167 m: a duplicate; 0.0025° ≈ 278 m: not
        var near = f.essps.findDuplicates("Autre nom", f.rural, 35.5715, -5.3700, null);
        assertThat(near).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("01571-0001");
            assertThat(d.reason()).isEqualTo(DuplicateReason.WITHIN_200_M);
            assertThat(d.distanceMetres()).isBetween(160.0, 175.0);
        });
        assertThat(f.essps.findDuplicates("Autre nom", f.rural, 35.5725, -5.3700, null)).isEmpty();
    }

    @Test
    void bulkEditSetsOneFieldOnEverySelectedEsspAndBumpsEachVersion() {
        int a = f.essps.create(RegistryFixture.draft("01571-0001", "A", f.urban, null, null));
        int b = f.essps.create(RegistryFixture.draft("01571-0002", "B", f.urban, null, null));
        int c = f.essps.create(RegistryFixture.draft("01571-0003", "C", f.urban, null, null));
        var done = f.essps.bulkSet(java.util.Map.of(a, 1, b, 1), BulkField.FUNCTIONALITY, "not_functioning");
        assertThat(done.versions()).containsOnly(java.util.Map.entry(a, 2), java.util.Map.entry(b, 2));
        assertThat(done.previous()).containsOnly(java.util.Map.entry(a, "fully"), java.util.Map.entry(b, "fully"));
        assertThat(f.essps.find(a).orElseThrow()).satisfies(s -> {
            assertThat(s.values().functionality()).isEqualTo("not_functioning");
            assertThat(s.version()).isEqualTo(2);
        });
        assertThat(f.essps.find(c).orElseThrow().values().functionality()).isEqualTo("fully");
        assertThat(f.essps.find(c).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void distanceIsTheGreatCircleDistance() {
        // one degree of latitude is about 111.2 km
        assertThat(EsspEditRepository.distanceMetres(35, -5, 36, -5)).isBetween(111_100.0, 111_300.0);
    }
}
