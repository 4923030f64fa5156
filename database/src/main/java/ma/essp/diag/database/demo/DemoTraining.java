package ma.essp.diag.database.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Position;
import ma.essp.diag.database.demo.DemoModel.Region;
import ma.essp.diag.database.demo.DemoModel.Territory;

/**
 * Training: the MBA (its real first cohort of 2021 with synthetic participants, two planned cohorts) and the regional
 * short courses, with sessions, participants, attendance, projects and costs, and the held sessions' evaluations
 * (Kirkpatrick levels 1-2: pre/post test scores and the reaction score of each participant present).
 */
final class DemoTraining {

    private static final String PASS_II = "PASS II (UE)";
    private static final String PASS_III = "PASS III (UE)";
    private static final String MINISTRY = "Ministère de la Santé";

    private final GenerationContext ctx;
    private final List<Region> scopedRegions;
    private final List<Essp> essps;
    private final List<Position> structurePositions;
    /** The held sessions' participants present, to evaluate: {session id, participant id, programme (0 MBA, 1 PSP, 2 MGT)}. */
    private final List<int[]> present = new ArrayList<>();
    /**
     * The uuids of the European experts' lines (V28 split the experts' lines by origin): a stream of their own, so that
     * the uuids of every other row stay what they were when one line held both origins.
     */
    private final java.util.SplittableRandom europeanLineUuids;

    DemoTraining(GenerationContext ctx, Territory territory, List<Position> structurePositions) {
        this.ctx = ctx;
        this.europeanLineUuids = new java.util.SplittableRandom(ctx.seed() ^ 0x5EED_0028_E4BE_0000L);
        this.scopedRegions = territory.scopedRegions();
        this.essps = territory.essps();
        this.structurePositions = structurePositions;
    }

    void write() throws SQLException {
        Rows programmes = ctx.rows("training_programme", "code", "kind", "title_fr", "title_en", "institutions", "target_audience",
                "planned_hours", "required_hours");
        int mba = programmes.add("MBA-MTS", "mba", "MBA en management territorial de la santé",
                "MBA in territorial health management", "ENSP Rabat ; Institut Léonard de Vinci (France)",
                "Directeurs d'hôpitaux, cadres régionaux et centraux, délégués", 163.0, 160.0);
        int psp = programmes.add("PSP", "short_course", "Planification et suivi des programmes de santé",
                "Planning and monitoring of health programmes", "ENSP Rabat ; assistance technique PASS III",
                "Personnel des circonscriptions sanitaires et des SRES", 60.0, 54.0);
        int mgt = programmes.add("MGT-ESSP", "workshop", "Management des établissements de soins de santé primaires",
                "Management of primary health care establishments", "Assistance technique PASS III ; DRS",
                "Responsables d'ESSP (médecins et infirmiers chefs)", 24.0, 20.0);

        Rows cohorts = ctx.rows("training_cohort", "programme_id", "name", "region_id", "starts_on", "ends_on", "place", "status", "seats");
        Rows sessions = ctx.rows("training_session", "cohort_id", "title", "starts_on", "ends_on", "hours", "place", "trainers",
                "target_function");
        Rows participants = ctx.rows("training_participant", "cohort_id", "staff_position_id", "structure_id", "essp_id",
                "full_name", "job_title", "gender", "status", "certificate_number", "certified_on");
        Rows attendance = ctx.rows("training_attendance", "session_id", "participant_id", "present", "hours_attended");
        Rows projects = ctx.rows("training_project", "cohort_id", "title", "theme", "defended_on", "result");
        Rows members = ctx.rows("training_project_member", "project_id", "participant_id");
        Rows costs = ctx.rows("training_cost", "cohort_id", "session_id", "item", "amount_mad", "kind", "notes", "unit",
                "unit_cost_mad", "units", "funding_line", "expert_origin");

        // MBA, first cohort (real facts: launched 18 January 2021 at ENSP Rabat, six seminars of 2-3 days, 160+ hours,
        // collective projects defended on 7-8 April 2021, 36 graduates); the participants themselves are synthetic
        int mba2021 = cohorts.add(mba, "MBA cohorte 1 (2021)", null, LocalDate.of(2021, 1, 18), LocalDate.of(2021, 4, 8),
                "ENSP Rabat", "completed", 42);
        Object[][] seminars = {
                {"Séminaire 1 : lancement, système de santé et régionalisation avancée", LocalDate.of(2021, 1, 18), 3, 29.0},
                {"Séminaire 2 : management stratégique et gouvernance territoriale", LocalDate.of(2021, 2, 1), 3, 29.0},
                {"Séminaire 3 : pilotage de la performance et systèmes d'information", LocalDate.of(2021, 2, 22), 3, 29.0},
                {"Séminaire 4 : gestion des ressources humaines et financières", LocalDate.of(2021, 3, 8), 3, 28.0},
                {"Séminaire 5 : qualité, sécurité des patients et droits des usagers", LocalDate.of(2021, 3, 22), 3, 28.0},
                {"Séminaire de clôture : soutenance des projets collectifs", LocalDate.of(2021, 4, 7), 2, 20.0}};
        List<int[]> mbaSessions = new ArrayList<>();
        for (Object[] seminar : seminars) {
            LocalDate start = (LocalDate) seminar[1];
            int sessionId = sessions.add(mba2021, seminar[0], start, start.plusDays((Integer) seminar[2] - 1), seminar[3],
                    "ENSP Rabat", "Spécialistes européens et marocains (ENSP, Institut Léonard de Vinci)", null);
            mbaSessions.add(new int[] {sessionId, (int) Math.round((Double) seminar[3])});
        }
        List<Position> senior = new ArrayList<>(structurePositions.stream().filter(p -> p.filled()
                && !p.cadre().equals("support_staff")).toList());
        List<Integer> graduates = new ArrayList<>();
        String[] mbaTitles = {"Directeur(rice) d'hôpital provincial", "Délégué(e) provincial(e)", "Chef de service à la DRS",
                "Cadre de la direction centrale", "Chef du SRES", "Directeur(rice) de CHR"};
        for (int i = 0; i < 42; i++) {
            boolean graduated = i < 36;
            String gender = ctx.chance(0.4) ? "f" : "m";
            int participantId = participants.add(mba2021, null, null, null, ctx.names().person(gender),
                    mbaTitles[ctx.random().nextInt(mbaTitles.length)], gender, graduated ? "graduated" : "dropped_out",
                    graduated ? String.format("MBA-MTS-2021-%03d", i + 1) : null, graduated ? LocalDate.of(2021, 4, 8) : null);
            if (graduated) {
                graduates.add(participantId);
            }
            for (int s = 0; s < mbaSessions.size(); s++) {
                boolean present = graduated ? ctx.chance(0.97) : s < 2;
                attendance.add(mbaSessions.get(s)[0], participantId, present, present ? (double) mbaSessions.get(s)[1] : 0.0);
                if (present) {
                    this.present.add(new int[] {mbaSessions.get(s)[0], participantId, 0});
                }
            }
        }
        String[] mbaProjects = {
                "Scénario d'organisation des ressources humaines du futur groupement sanitaire territorial",
                "Tableau de bord régional de suivi de l'offre de soins primaires",
                "Amélioration de l'accueil et de l'orientation des usagers à l'hôpital provincial",
                "Contractualisation interne entre la DRS et les hôpitaux de la région",
                "Système régional de gestion et de suivi des réclamations",
                "Parcours de soins coordonné entre hôpital de proximité et ESSP"};
        for (int p = 0; p < mbaProjects.length; p++) {
            int projectId = projects.add(mba2021, mbaProjects[p], "Régionalisation avancée en santé",
                    LocalDate.of(2021, 4, p < 3 ? 7 : 8), "passed");
            for (int m = p * 6; m < p * 6 + 6; m++) {
                members.add(projectId, graduates.get(m));
            }
        }
        // 42 participants, six seminars of 17 days in all (5 × 3 + 2), two experts a day, six trips each: an ENSP Rabat
        // teacher (Moroccan fees) and an Institut Léonard de Vinci one (European fees, travel included) every day
        cost(costs, mba2021, "tuition", "participant", 27_500, 42, true, PASS_II);
        experts(costs, mba2021, 4_000, 17, 20_000, 17, true, PASS_II);
        cost(costs, mba2021, "accommodation", "participant_day", 430, 42 * 17, true, PASS_II);
        cost(costs, mba2021, "travel", "participant", 550, 42 * 6, true, PASS_II);
        cost(costs, mba2021, "venue", "venue_day", 3_500, 17, true, MINISTRY);
        cost(costs, mba2021, "materials", "participant", 850, 42, true, PASS_II);

        // MBA, next cohorts (planned)
        int mba2026 = cohorts.add(mba, "MBA cohorte 2 (2026-2027)", null, LocalDate.of(2026, 11, 16), LocalDate.of(2027, 4, 30),
                "ENSP Rabat", "planned", 40);
        for (int s = 0; s < 6; s++) {
            LocalDate start = LocalDate.of(2026, 11, 16).plusWeeks(4L * s);
            sessions.add(mba2026, s == 5 ? "Séminaire de clôture : soutenance des projets collectifs" : "Séminaire " + (s + 1),
                    start, start.plusDays(s == 5 ? 1 : 2), s == 5 ? 20.0 : 29.0, "ENSP Rabat", "À confirmer", null);
        }
        int mbaSeats = ctx.scale() == DemoScale.NATIONAL ? 40 : ctx.scale() == DemoScale.REGION ? 12 : 6;
        for (int i = 0; i < mbaSeats; i++) {
            Position position = senior.isEmpty() ? null : senior.remove(ctx.random().nextInt(senior.size()));
            String gender = position != null ? position.gender() : "f";
            participants.add(mba2026, position == null ? null : position.id(), position == null ? null : position.structureId(),
                    null, position != null ? position.holder() : ctx.names().person(gender),
                    position != null ? position.title() : "Cadre régional", gender, "enrolled", null, null);
        }
        int mba2027 = cohorts.add(mba, "MBA cohorte 3 (2027-2028)", null, LocalDate.of(2027, 11, 15), LocalDate.of(2028, 4, 28),
                "ENSP Rabat", "planned", 40);
        for (int[] planned : new int[][] {{mba2026, 1}, {mba2027, 1}}) {
            cost(costs, planned[0], "tuition", "participant", 32_500, 40, false, PASS_III);
            experts(costs, planned[0], 5_000, 17, 23_000, 17, false, PASS_III);
            cost(costs, planned[0], "accommodation", "participant_day", 530, 40 * 17, false, PASS_III);
            cost(costs, planned[0], "travel", "participant", 650, 40 * 6, false, PASS_III);
            cost(costs, planned[0], "materials", "participant", 1_000, 40, false, PASS_III);
        }

        // short courses per region: planning & monitoring (2026 done, 2027 planned) and ESSP management (2026 done)
        int traineeTarget = (int) Math.round(1_000.0 * essps.size() / 3_068.0);
        int shortTotal = Math.max(traineeTarget - 42 - mbaSeats, 36 * scopedRegions.size());
        for (Region region : scopedRegions) {
            List<Essp> regionEssps = essps.stream().filter(e -> e.circ.province.regionId() == region.id()).toList();
            int regionShare = (int) Math.round(shortTotal * (double) regionEssps.size() / essps.size());
            int pspEach = Math.max(12, (int) Math.round(regionShare * 0.35));
            int mgtCount = Math.max(12, regionShare - 2 * pspEach);
            List<Position> regional = new ArrayList<>(structurePositions.stream()
                    .filter(p -> p.regionId() == region.id() && p.filled() && !p.cadre().equals("support_staff")).toList());
            List<Position> heads = new ArrayList<>();
            for (Essp essp : regionEssps) {
                essp.positions.stream().filter(p -> p.filled() && (p.cadre().equals("doctor_gp") || p.cadre().equals("nurse")))
                        .findFirst().ifPresent(heads::add);
            }
            String place = "Siège de la DRS " + region.name();
            for (int year = 2026; year <= 2027; year++) {
                boolean done = year == 2026;
                int cohortId = cohorts.add(psp, "Planification et suivi — " + region.name() + " " + year, region.id(),
                        LocalDate.of(year, 3, 9), LocalDate.of(year, 6, 12), place, done ? "completed" : "planned", pspEach);
                String[] modules = {"Module 1 : diagnostic territorial et planification", "Module 2 : suivi des programmes et indicateurs",
                        "Module 3 : supervision formative et rétro-information"};
                // the circonscription function each module teaches (Kirkpatrick level 3 looks for it held afterwards)
                String[] taught = {"planning", "programme_monitoring", "supervision"};
                List<int[]> sessionIds = new ArrayList<>();
                for (int m = 0; m < modules.length; m++) {
                    LocalDate start = LocalDate.of(year, 3, 9).plusWeeks(6L * m);
                    sessionIds.add(new int[] {sessions.add(cohortId, modules[m], start, start.plusDays(2), 20.0, place,
                            "ENSP ; experts de l'assistance technique", taught[m]), 20});
                }
                List<Integer> cohortParticipants = new ArrayList<>();
                for (int i = 0; i < pspEach; i++) {
                    List<Position> pool = !regional.isEmpty() && (i % 3 == 0 || heads.isEmpty()) ? regional : heads;
                    cohortParticipants.add(participant(participants, cohortId, pool, done));
                }
                if (done) {
                    attend(attendance, sessionIds, cohortParticipants, 1);
                    for (int p = 0; p * 8 < cohortParticipants.size(); p++) {
                        int projectId = projects.add(cohortId, "Plan d'action de circonscription " + (p + 1) + " — " + region.name(),
                                "Planification territoriale", sessionLastDay(year), "passed");
                        for (int m = p * 8; m < Math.min(cohortParticipants.size(), p * 8 + 8); m++) {
                            members.add(projectId, cohortParticipants.get(m));
                        }
                    }
                }
                // three modules of three days: nine expert-days (six of ENSP teachers, three of the European technical
                // assistance), nine per-diem days and six nights a participant
                experts(costs, cohortId, 5_500, 6, 19_000, 3, done, PASS_III);
                cost(costs, cohortId, "per_diem", "participant_day", 200, 9 * pspEach, done, PASS_III);
                cost(costs, cohortId, "accommodation", "participant_day", 400, 6 * pspEach, done, PASS_III);
                cost(costs, cohortId, "venue", "venue_day", 1_700, 9, done, MINISTRY);
            }
            int mgtCohort = cohorts.add(mgt, "Management des ESSP — " + region.name() + " 2026", region.id(),
                    LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 9), place, "completed", mgtCount);
            List<int[]> mgtSessions = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                LocalDate start = LocalDate.of(2026, 9, 14).plusWeeks(3L * m);
                mgtSessions.add(new int[] {sessions.add(mgtCohort, m == 0 ? "Atelier 1 : organisation et gestion de l'ESSP"
                        : "Atelier 2 : qualité, accueil et réclamations", start, start.plusDays(1), 12.0, place, "DRS ; assistance technique",
                        m == 0 ? null : "complaint_follow_up"), 12});
            }
            List<Integer> mgtParticipants = new ArrayList<>();
            for (int i = 0; i < mgtCount; i++) {
                mgtParticipants.add(participant(participants, mgtCohort, heads, true));
            }
            attend(attendance, mgtSessions, mgtParticipants, 2);
            // two workshops of two days
            experts(costs, mgtCohort, 7_500, 4, 0, 0, true, PASS_III);
            cost(costs, mgtCohort, "per_diem", "participant_day", 225, 4 * mgtCount, true, PASS_III);
            cost(costs, mgtCohort, "materials", "lump_sum", 5_000, 1, true, PASS_III);
        }
        evaluations();
    }

    /**
     * Kirkpatrick levels 1-2 of every held session: for each participant present, a pre-test score (0-100) around the
     * programme's starting level, a post-test score a gain higher (post − pre is level 2), and a reaction score (level
     * 1, 1-5). About 1 in 20 missed the pre-test and 1 in 10 returned no questionnaire (those scores are empty). Drawn
     * from a stream of their own, with uuids of their own, so that the rows of every other table stay as they were.
     * Programme means (pre, gain): MBA 52 and 20, planning and monitoring 45 and 22, ESSP management 50 and 15.
     */
    private void evaluations() throws SQLException {
        Rows rows = ctx.rowsWithOwnUuids(0x5EED_0014_E7A1_0000L, "training_evaluation", "session_id", "participant_id",
                "pre_score", "post_score", "reaction_score");
        SplittableRandom draws = new SplittableRandom(ctx.seed() ^ 0xE7A1_0A7E_0000_0014L);
        double[][] means = {{52, 20}, {45, 22}, {50, 15}};
        for (int[] p : present) {
            double pre = clamp(Math.round(means[p[2]][0] + 12 * GenerationContext.gaussianOf(draws)), 5, 90);
            double post = clamp(Math.round(pre + means[p[2]][1] + 8 * GenerationContext.gaussianOf(draws)), 0, 100);
            double reaction = clamp(Math.round(4.1 + 0.7 * GenerationContext.gaussianOf(draws)), 1, 5);
            boolean missedPre = draws.nextDouble() < 0.05;
            boolean noQuestionnaire = draws.nextDouble() < 0.10;
            rows.add(p[0], p[1], missedPre ? null : pre, post, noQuestionnaire ? null : reaction);
        }
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static LocalDate sessionLastDay(int year) {
        return LocalDate.of(year, 3, 9).plusWeeks(12).plusDays(2);
    }

    private int participant(Rows participants, int cohortId, List<Position> pool, boolean done) throws SQLException {
        Position position = pool.isEmpty() ? null : pool.remove(ctx.random().nextInt(pool.size()));
        String status = done ? (ctx.chance(0.95) ? "graduated" : "dropped_out") : "enrolled";
        if (position == null) {
            String gender = ctx.chance(0.5) ? "f" : "m";
            return participants.add(cohortId, null, null, null, ctx.names().person(gender), "Infirmier(ère) de circonscription",
                    gender, status, null, null);
        }
        return participants.add(cohortId, position.id(), position.structureId(), position.esspId(), position.holder(),
                position.title(), position.gender(), status, null, null);
    }

    private void attend(Rows attendance, List<int[]> sessionIds, List<Integer> participantIds, int programme)
            throws SQLException {
        for (int participantId : participantIds) {
            for (int[] session : sessionIds) {
                boolean present = ctx.chance(0.92);
                attendance.add(session[0], participantId, present, present ? (double) session[1] : 0.0);
                if (present) {
                    this.present.add(new int[] {session[0], participantId, programme});
                }
            }
        }
    }

    /** A planned line (unit cost × units) and, for a cohort held, its actual line at a unit cost 15 % either way. */
    private void cost(Rows costs, int cohortId, String item, String unit, double unitCost, double units, boolean withActual,
                      String fundingLine) throws SQLException {
        costs.add(cohortId, null, item, unitCost * units, "planned", null, unit, unitCost, units, fundingLine, null);
        if (withActual) {
            double actualUnitCost = Math.round(unitCost * ctx.uniform(0.85, 1.15) / 10.0) * 10.0;
            costs.add(cohortId, null, item, actualUnitCost * units, "actual", "Montant synthétique", unit, actualUnitCost,
                    units, fundingLine, null);
        }
    }

    /**
     * The experts' fees of a cohort (item trainers, per expert-day): a Moroccan line and, when it has European days, a
     * European one; for a cohort held, their actual lines at unit costs moved by one and the same draw (15 % either
     * way), so that the demo draws as many numbers, and as many uuids from the shared stream, as when one line held
     * both (the European lines' uuids come from {@link #europeanLineUuids}).
     */
    private void experts(Rows costs, int cohortId, double moroccanPerDay, double moroccanDays, double europeanPerDay,
                         double europeanDays, boolean withActual, String fundingLine) throws SQLException {
        double factor = withActual ? ctx.uniform(0.85, 1.15) : 1;
        for (String kind : withActual ? new String[] {"planned", "actual"} : new String[] {"planned"}) {
            boolean actual = kind.equals("actual");
            for (String origin : europeanDays > 0 ? new String[] {"moroccan", "european"} : new String[] {"moroccan"}) {
                double days = origin.equals("moroccan") ? moroccanDays : europeanDays;
                double perDay = origin.equals("moroccan") ? moroccanPerDay : europeanPerDay;
                double unitCost = actual ? Math.round(perDay * factor / 10.0) * 10.0 : perDay;
                Object[] values = {cohortId, null, "trainers", unitCost * days, kind, actual ? "Montant synthétique" : null,
                        "expert_day", unitCost, days, fundingLine, origin};
                if (origin.equals("moroccan")) {
                    costs.add(values);
                } else {
                    costs.addWithUuid(Rows.uuid(europeanLineUuids), values);
                }
            }
        }
    }
}
