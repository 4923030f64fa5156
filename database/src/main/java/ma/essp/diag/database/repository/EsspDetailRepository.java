package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SYSTEM;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.FINDING;
import static ma.essp.diag.database.jooq.Tables.SUPERVISION_VISIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EsspEditRepository.StoredEssp;
import ma.essp.diag.database.repository.StaffRepository.StoredPosition;
import ma.essp.diag.database.repository.StructureRepository.TerritoryChain;
import org.jooq.DSLContext;

/**
 * Everything the ESSP detail page shows, in one call: identity, the territory chain up to the GST, staff, the
 * latest assessment (its date and status; the PMS feature adds the scores), the complaints system and sample
 * count, supervision visits and findings about the ESSP.
 */
public final class EsspDetailRepository {

    private final DSLContext dsl;
    private final EsspEditRepository essps;
    private final StructureRepository structures;
    private final StaffRepository staff;

    public EsspDetailRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.essps = new EsspEditRepository(dsl, edit);
        this.structures = new StructureRepository(dsl, edit);
        this.staff = new StaffRepository(dsl, edit);
    }

    public record LatestAssessment(int id, LocalDate assessedOn, String status, String assessor) {
    }

    /** {@code channels}: the channel codes present (register, box, in_person, phone, chikaya_portal). */
    public record ComplaintSummary(List<String> channels, boolean registerKept, boolean focalPerson, String handledBy, int samples) {
    }

    /** {@code kind} strength|weakness|opportunity|threat, {@code priority} high|medium|low. */
    public record Finding(int id, int axis, String kind, String title, String priority) {
    }

    public record SupervisionVisit(int id, LocalDate visitedOn, String supervisor, String findings) {
    }

    /** {@code updatedByName}: the team member who made the last change, by name (rows written before schema 4: as stored). */
    public record EsspDetail(StoredEssp essp, String categoryCode, TerritoryChain chain, List<StoredPosition> staff,
                             java.util.Map<String, StaffRepository.Cadre> cadres,
                             Optional<LatestAssessment> latestAssessment, Optional<ComplaintSummary> complaints,
                             List<SupervisionVisit> visits, List<Finding> findings, String updatedByName,
                             EsspFigures figures) {
    }

    /**
     * What the page's data-flow and complaint figures are computed from (by {@code reporting.dataflow} and
     * {@code reporting.complaints}), read for this ESSP alone: its data-flow rows ({@link DataFlowRepository#loadEssp}),
     * its complaint system and samples, and the mission settings (complaint deadlines, verification band).
     */
    public record EsspFigures(DataFlowData flows, Optional<ReportSourceData.ComplaintSystem> complaintSystem,
                              List<ReportSourceData.ComplaintSample> complaintSamples, java.util.Map<String, String> settings) {
    }

    public Optional<EsspDetail> load(int esspId, LocalDate today) {
        Optional<StoredEssp> essp = essps.find(esspId);
        if (essp.isEmpty()) {
            return Optional.empty();
        }
        TerritoryChain chain = structures.chainOfEssp(esspId, today).orElseThrow();
        Optional<LatestAssessment> latest = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ESSP_ID.eq(esspId))
                .and(ASSESSMENT.DELETED.isFalse()).orderBy(ASSESSMENT.ASSESSED_ON.desc(), ASSESSMENT.ID.desc()).limit(1)
                .fetchOptional(a -> new LatestAssessment(a.getId(), a.getAssessedOn(), a.getStatus(), a.getAssessorName()));
        int samples = dsl.fetchCount(COMPLAINT_SAMPLE, COMPLAINT_SAMPLE.ESSP_ID.eq(esspId).and(COMPLAINT_SAMPLE.DELETED.isFalse()));
        Optional<ComplaintSummary> complaints = dsl.selectFrom(COMPLAINT_SYSTEM).where(COMPLAINT_SYSTEM.ESSP_ID.eq(esspId))
                .and(COMPLAINT_SYSTEM.DELETED.isFalse()).fetchOptional(c -> {
                    List<String> channels = new java.util.ArrayList<>();
                    if (Boolean.TRUE.equals(c.getChannelRegister())) {
                        channels.add("register");
                    }
                    if (Boolean.TRUE.equals(c.getChannelBox())) {
                        channels.add("box");
                    }
                    if (Boolean.TRUE.equals(c.getChannelInPerson())) {
                        channels.add("in_person");
                    }
                    if (Boolean.TRUE.equals(c.getChannelPhone())) {
                        channels.add("phone");
                    }
                    if (Boolean.TRUE.equals(c.getChannelChikayaPortal())) {
                        channels.add("chikaya_portal");
                    }
                    return new ComplaintSummary(channels, Boolean.TRUE.equals(c.getRegisterKept()),
                            Boolean.TRUE.equals(c.getFocalPerson()), c.getHandledBy(), samples);
                });
        List<SupervisionVisit> visits = dsl.selectFrom(SUPERVISION_VISIT).where(SUPERVISION_VISIT.ESSP_ID.eq(esspId))
                .and(SUPERVISION_VISIT.DELETED.isFalse()).orderBy(SUPERVISION_VISIT.VISITED_ON.desc())
                .fetch(v -> new SupervisionVisit(v.getId(), v.getVisitedOn(), v.getSupervisor(), v.getFindings()));
        List<Finding> findings = dsl.selectFrom(FINDING).where(FINDING.ESSP_ID.eq(esspId)).and(FINDING.DELETED.isFalse())
                .orderBy(FINDING.AXIS, FINDING.ID)
                .fetch(f -> new Finding(f.getId(), f.getAxis(), f.getKind(), f.getTitle(), f.getPriority()));
        String category = dsl.fetchValue(ESSP.CATEGORY_CODE, ESSP.ID.eq(esspId));
        java.util.Map<String, StaffRepository.Cadre> cadres = new java.util.LinkedHashMap<>();
        staff.cadres().forEach(c -> cadres.put(c.code(), c));
        String updatedBy = essp.get().updatedBy();
        String updatedByName = new TeamRepository(dsl).find(updatedBy).filter(m -> m.uuid().equals(updatedBy))
                .map(TeamRepository.Member::fullName).orElse(updatedBy);
        ReportSourceRepository source = new ReportSourceRepository(dsl);
        EsspFigures figures = new EsspFigures(new DataFlowRepository(dsl).loadEssp(esspId), source.complaintSystemOf(esspId),
                source.complaintSamplesOf(esspId), new MissionSettingsRepository(dsl).all());
        return Optional.of(new EsspDetail(essp.get(), category, chain, staff.ofEssp(esspId), cadres, latest, complaints, visits,
                findings, updatedByName, figures));
    }
}
