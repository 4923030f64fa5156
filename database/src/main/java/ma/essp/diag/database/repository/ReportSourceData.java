package ma.essp.diag.database.repository;

import java.time.LocalDate;
import java.util.List;

/**
 * What the diagnostic report needs besides the readiness data ({@link ReadinessData}): the mission, the territory
 * with its Arabic names and populations, the registry, the cadres, the diagnostic axes (data flows, complaints,
 * circonscription functions, perpetrator care, training) and the findings. Loaded for the whole mission by
 * {@link ReportSourceRepository}, in a few set-based queries, already aggregated where the raw rows are many
 * (data-flow observations); the report filters by scope in memory. Deleted rows are left out.
 */
public record ReportSourceData(
        Mission mission,
        List<Region> regions,
        List<Province> provinces,
        List<Circonscription> circonscriptions,
        List<Category> categories,
        List<Essp> essps,
        List<Cadre> cadres,
        List<Label> hrFunctions,
        List<HrRelation> hrRelations,
        List<CirconscriptionFunction> circonscriptionFunctions,
        List<DataFlow> dataFlows,
        List<FlowObservations> flowObservations,
        List<ComplaintSystem> complaintSystems,
        List<ComplaintSample> complaintSamples,
        PerpetratorCareData perpetratorCare,
        List<TrainingCohort> cohorts,
        List<TrainingSession> sessions,
        FindingRepository.Board findingBoard,
        List<SupervisionVisit> supervisionVisits,
        DataFlowData dataFlow,
        TrainingData training,
        TrainingOutcomeData trainingOutcomes) {

    /** The mission row and its team (live members, by name); a mission without metadata gets an empty one. */
    public record Mission(String name, String description, String beneficiary, String funder, LocalDate startedOn,
                          LocalDate endedOn, LocalDate asOf, boolean synthetic, String demoScale, Long demoSeed,
                          List<TeamMember> team) {
    }

    /** A member of the mission's team as the cover names them ({@code role}: a {@code TEAM_ROLE} code; initials may be null). */
    public record TeamMember(String fullName, String role, String initials) {
    }

    /** @param gstTakeover the day its GST takes the region over from the DRS; null when not set */
    public record Region(int id, String code, String isoCode, String nameFr, String nameAr, long population,
                         LocalDate gstTakeover) {
    }

    public record Province(int id, int regionId, String code, String type, String isoCode, String nameFr, String nameAr,
                           long population) {
    }

    public record Circonscription(int id, int provinceId, String code, String nameFr, String nameAr, String milieu,
                                  String coverage, String seat, Long population, String headName) {
    }

    /** A supervision visit of an ESSP by its circonscription. */
    public record SupervisionVisit(int circonscriptionId, int esspId, LocalDate visitedOn) {
    }

    /** A code with its three labels (categories, HR functions...). */
    public record Label(String code, String fr, String en, String ar) {
        public String in(String language) {
            String s = switch (language) {
                case "ar" -> ar;
                case "en" -> en;
                default -> fr;
            };
            return s == null || s.isBlank() ? fr : s;
        }
    }

    public record Category(Label label, boolean legacy, boolean relatedStructure, int sortOrder) {
    }

    public record Essp(int id, String code, String nameFr, String nameAr, String categoryCode, int circonscriptionId,
                       String milieu, boolean deliveryUnit, Double latitude, Double longitude, Integer populationServed,
                       String functionality) {
    }

    /** @param core whether the cadre counts in the WHO core health workers (doctors, nurses, midwives) */
    public record Cadre(Label label, boolean core, int sortOrder) {
    }

    public record HrRelation(int regionId, String functionCode, String holderToday, String holderUnderGst, String notes) {
    }

    public record CirconscriptionFunction(int circonscriptionId, String functionCode, String held, String holder,
                                          Double staffCount) {
    }

    public record DataFlow(int id, Label report, String programme, String periodicity, String tool, String fromLevel,
                           String toLevel, Integer regionId, Integer provinceId, String channel, Integer expectedDelayDays) {
    }

    /**
     * The observations of one flow summed per circonscription of the observed ESSP ({@code circonscriptionId} null
     * for observations not tied to an ESSP).
     */
    public record FlowObservations(int flowId, Integer circonscriptionId, int observations, long expected,
                                   long received, long onTime, long onTimeKnown, double delaySum, int delayCount) {
    }

    /**
     * A complaint system: an ESSP's ({@code esspId}), a délégation's ({@code provinceId}, its province) or a GST's
     * ({@code regionId}, its region) — exactly one of them (schema V23). {@code esspId} is 0 for a délégation's or a
     * GST's system, the other two null for an ESSP's.
     */
    public record ComplaintSystem(int esspId, boolean register, boolean box, boolean inPerson, boolean phone,
                                  boolean chikayaPortal, boolean registerKept, boolean focalPerson,
                                  boolean procedureDisplayed, boolean chikayaLinkDisplayed, String handledBy,
                                  boolean escalation, boolean analysedFedBack, Integer provinceId, Integer regionId) {

        /** An ESSP's system. */
        public ComplaintSystem(int esspId, boolean register, boolean box, boolean inPerson, boolean phone,
                               boolean chikayaPortal, boolean registerKept, boolean focalPerson,
                               boolean procedureDisplayed, boolean chikayaLinkDisplayed, String handledBy,
                               boolean escalation, boolean analysedFedBack) {
            this(esspId, register, box, inPerson, phone, chikayaPortal, registerKept, focalPerson, procedureDisplayed,
                    chikayaLinkDisplayed, handledBy, escalation, analysedFedBack, null, null);
        }

        /** Whether this is an ESSP's system (not a délégation's or a GST's). */
        public boolean ofEssp() {
            return provinceId == null && regionId == null;
        }
    }

    /** A sampled complaint; {@code notes} as typed (an export leaves out a note with personal data). */
    public record ComplaintSample(int esspId, LocalDate receivedOn, String channel, String kind, String category,
                                  LocalDate acknowledgedOn, LocalDate closedOn, String outcome, String notes) {
    }

    /** A cohort as the report lists it; its budget comes from {@link #training} through reporting.training.TrainingFigures. */
    public record TrainingCohort(int id, String programmeCode, String programmeKind, Label programme, String name,
                                 Integer regionId, LocalDate startsOn, LocalDate endsOn, String place, String status,
                                 Integer seats, int participants, int graduated, int droppedOut, int women, int sessions,
                                 double hours, int projects) {
    }

    public record TrainingSession(int cohortId, String title, LocalDate startsOn, LocalDate endsOn, double hours,
                                  String place, int present) {
    }

}
