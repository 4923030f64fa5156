package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.rules.ComplaintSampleRules.Values;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checklist and samples are written by the one writer; a sample breaking a rule writes nothing. */
class ComplaintRepositoryTest {

    @TempDir
    Path dir;

    private static final EditContext EDIT = new EditContext("amina", "laptop-1",
            Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.systemDefault()));

    @Test
    void theChecklistIsInsertedThenUpdatedFromTheVersionRead() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            ComplaintRepository repo = new ComplaintRepository(mission.dsl(), EDIT);
            int essp = repo.essps().getFirst().id();
            assertThat(repo.system(essp)).isEmpty();
            int v1 = repo.saveSystem(essp, new ComplaintRepository.SystemRow(null, null, true, false, true, false, false,
                    true, false, false, false, " Infirmier chef ", true, false));
            assertThat(v1).isEqualTo(1);
            ComplaintRepository.SystemRow read = repo.system(essp).orElseThrow();
            assertThat(read.handledBy()).isEqualTo("Infirmier chef");
            assertThat(read.escalation()).isTrue();
            assertThat(read.analysedFedBack()).isFalse();
            int v2 = repo.saveSystem(essp, new ComplaintRepository.SystemRow(read.id(), read.version(), true, false, true,
                    false, false, true, false, false, false, "Infirmier chef", true, true));
            assertThat(v2).isEqualTo(2);
            assertThat(repo.system(essp).orElseThrow().analysedFedBack()).isTrue();
            // an editor still at version 1 is refused
            assertThatThrownBy(() -> repo.saveSystem(essp, read)).isInstanceOf(StaleEditException.class);
        }
    }

    @Test
    void aDelegationAndAGstRecordTheirOwnChecklistBesideTheEsspsAndTheReportSourceReadsItsHolder() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            ComplaintRepository repo = new ComplaintRepository(mission.dsl(), EDIT);
            ComplaintRepository.EsspRef essp = repo.essps().getFirst();
            List<ComplaintRepository.EsspRef> holders = repo.levelHolders();
            ComplaintRepository.EsspRef delegation = holders.stream()
                    .filter(h -> h.holder() == ComplaintRepository.Holder.DELEGATION).findFirst().orElseThrow();
            ComplaintRepository.EsspRef gst = holders.stream()
                    .filter(h -> h.holder() == ComplaintRepository.Holder.GST).findFirst().orElseThrow();
            assertThat(holders).filteredOn(h -> h.holder() == ComplaintRepository.Holder.GST).hasSize(12);
            // the délégation of the same id as the ESSP's (province 1, ESSP 1) is another holder: three separate rows
            repo.saveSystem(essp, new ComplaintRepository.SystemRow(null, null, true, false, false, false, false, false, false,
                    false, false, null, false, false));
            repo.saveSystem(delegation, new ComplaintRepository.SystemRow(null, null, false, true, false, false, false, false, false,
                    false, false, "Cellule d'accueil", false, false));
            int v1 = repo.saveSystem(gst, new ComplaintRepository.SystemRow(null, null, false, false, true, false, false, false, false,
                    false, false, null, true, false));
            assertThat(v1).isEqualTo(1);
            assertThat(repo.system(delegation).orElseThrow().handledBy()).isEqualTo("Cellule d'accueil");
            assertThat(repo.system(essp).orElseThrow().register()).isTrue();
            ComplaintRepository.SystemRow read = repo.system(gst).orElseThrow();
            assertThat(repo.saveSystem(gst, new ComplaintRepository.SystemRow(read.id(), read.version(), false, false, true, true,
                    false, false, false, false, false, null, true, false))).isEqualTo(2);
            assertThatThrownBy(() -> repo.saveSystem(gst, read)).isInstanceOf(StaleEditException.class);

            List<ReportSourceData.ComplaintSystem> systems = new ReportSourceRepository(mission.dsl()).complaintSystems();
            assertThat(systems).extracting(sys -> sys.ofEssp() + " " + sys.esspId() + " " + sys.provinceId() + " " + sys.regionId())
                    .containsExactlyInAnyOrder("true " + essp.id() + " null null", "false 0 " + delegation.id() + " null",
                            "false 0 null " + gst.id());
        }
    }

    @Test
    void aSampleWithDatesOutOfOrderOrUnknownCodesIsRefusedAndNothingIsWritten() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            ComplaintRepository repo = new ComplaintRepository(mission.dsl(), EDIT);
            int essp = repo.essps().getFirst().id();
            LocalDate received = LocalDate.of(2026, 3, 10);
            Values ackBefore = new Values(received, "register", "reclamation", "care", received.minusDays(1), null, null);
            Values closedBefore = new Values(received, "register", "reclamation", "care", null, received.minusDays(3), null);
            Values future = new Values(LocalDate.of(2026, 6, 16), "register", "reclamation", "care", null, null, null);
            Values unknown = new Values(received, "pigeon", "reclamation", "care", null, null, null);
            assertThatThrownBy(() -> repo.saveSample(essp, null, null, ackBefore, null))
                    .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("complaint.acknowledged.before_received"));
            assertThatThrownBy(() -> repo.saveSample(essp, null, null, closedBefore, null))
                    .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("complaint.closed.before_received"));
            assertThatThrownBy(() -> repo.saveSample(essp, null, null, future, null))
                    .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("complaint.received.future"));
            assertThatThrownBy(() -> repo.saveSample(essp, null, null, unknown, null))
                    .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("complaint.channel.unknown_code"));
            assertThat(mission.dsl().fetchCount(COMPLAINT_SAMPLE)).isZero();
            assertThat(mission.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("complaint_sample"))).isZero();

            // fixed, it is saved (the edit's day itself is not the future), then changed and deleted by version
            Values fixed = new Values(received, "register", "reclamation", "care", received.plusDays(2), LocalDate.of(2026, 6, 15), "resolved");
            int id = repo.saveSample(essp, null, null, fixed, "  attente trop longue ");
            ComplaintRepository.SampleRow row = repo.samples(essp).getFirst();
            assertThat(row.id()).isEqualTo(id);
            assertThat(row.values()).isEqualTo(fixed);
            assertThat(row.notes()).isEqualTo("attente trop longue");
            repo.saveSample(essp, id, row.version(), new Values(received, "box", "observation", "care", null, null, null), null);
            assertThat(repo.samples(essp).getFirst().values().channel()).isEqualTo("box");
            assertThatThrownBy(() -> repo.deleteSample(id, row.version())).isInstanceOf(StaleEditException.class);
            repo.deleteSample(id, row.version() + 1);
            assertThat(repo.samples(essp)).isEmpty();
        }
    }
}
