package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.GenerationContext.clamp;
import static ma.essp.diag.database.demo.GenerationContext.round;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ma.essp.diag.database.demo.DemoModel.Circ;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Province;
import ma.essp.diag.database.demo.DemoModel.Region;
import ma.essp.diag.database.demo.DemoModel.Territory;

/**
 * Data flows: the report types, each one's chain of links per region (with the tool the data travels in and whether
 * the receiving level re-keys it), six periods of observations per link — per ESSP for the monthly ESSP activity
 * report's first link, per link elsewhere — and data verification recounts (WHO DQR) for a sample of ESSPs.
 * The per-ESSP rows and the recounts draw from a stream of their own, so the other draws stay those of before.
 */
final class DemoDataFlows {

    private final GenerationContext ctx;
    private final List<Province> scoped;
    private final List<Region> scopedRegions;
    private final List<Circ> circs;
    private final List<Essp> essps;

    DemoDataFlows(GenerationContext ctx, Territory territory) {
        this.ctx = ctx;
        this.scoped = territory.scoped();
        this.scopedRegions = territory.scopedRegions();
        this.circs = territory.circs();
        this.essps = territory.essps();
    }

    void write() throws SQLException {
        Rows reportRows = ctx.rows("report_type", "code", "name_fr", "name_en", "programme", "periodicity", "tool");
        String[][] reports = {
                {"SMI-MAT", "Rapport mensuel de santé maternelle", "Monthly maternal health report", "Santé maternelle et infantile", "monthly", "smi_pf"},
                {"SMI-PF", "Rapport mensuel de planification familiale", "Monthly family planning report", "Planification familiale", "monthly", "smi_pf"},
                {"PNI-M", "Rapport mensuel de vaccination", "Monthly immunisation report", "Programme national d'immunisation", "monthly", "paper"},
                {"TB-Q", "Rapport trimestriel de détection et de traitement de la tuberculose", "Quarterly TB report", "Lutte antituberculeuse", "quarterly", "isilat"},
                {"MDO-H", "Relevé hebdomadaire des maladies à déclaration obligatoire", "Weekly notifiable diseases report", "Surveillance épidémiologique", "weekly", "excel"},
                {"NUT-M", "Rapport mensuel de surveillance de la croissance", "Monthly growth monitoring report", "Santé de l'enfant", "monthly", "paper"},
                {"PCIME-M", "Rapport mensuel PCIME", "Monthly IMCI report", "Santé de l'enfant", "monthly", "paper"},
                {"NCD-M", "Rapport mensuel diabète et hypertension", "Monthly diabetes and hypertension report", "Maladies non transmissibles", "monthly", "excel"},
                {"CANC-Q", "Rapport trimestriel de dépistage des cancers du sein et du col", "Quarterly cancer screening report", "Maladies non transmissibles", "quarterly", "excel"},
                {"ACT-M", "Rapport mensuel d'activités de l'ESSP (SNIS)", "Monthly ESSP activity report", "Système national d'information sanitaire", "monthly", "dhis2"},
                {"SSU-A", "Bilan annuel de santé scolaire et universitaire", "Annual school health report", "Santé scolaire", "annual", "paper"},
                {"VIOL-S", "Rapport semestriel de prise en charge des victimes de violence", "Half-yearly violence care report", "Violence fondée sur le genre", "semiannual", "paper"}};
        int[] reportIds = new int[reports.length];
        for (int r = 0; r < reports.length; r++) {
            String[] report = reports[r];
            reportIds[r] = reportRows.add(report[0], report[1], report[2], report[3], report[4], report[5]);
        }
        Rows flows = ctx.rows("data_flow", "report_type_id", "from_level", "to_level", "region_id", "province_id", "channel",
                "expected_delay_days", "notes", "tool", "rekeyed");
        SplittableRandom own = new SplittableRandom(ctx.seed() ^ 0xDA7A_F10E_0000_0006L);
        Rows observations = ctx.rows("data_flow_observation", "data_flow_id", "essp_id", "period", "reports_expected",
                "reports_received", "received_on_time", "observed_delay_days", "notes");
        for (Region region : scopedRegions) {
            boolean pilot = region.code().equals("01");
            int esspCount = (int) essps.stream().filter(e -> e.circ.province.regionId() == region.id()).count();
            int circCount = (int) circs.stream().filter(c -> c.province.regionId() == region.id()).count();
            int provinceCount = (int) scoped.stream().filter(p -> p.regionId() == region.id()).count();
            double regionDiscipline = ctx.uniform(0.75, 0.97);
            for (int r = 0; r < reports.length; r++) {
                String tool = reports[r][5];
                boolean software = !tool.equals("paper") && !tool.equals("excel");
                String regional = pilot ? "gst" : ctx.chance(0.6) ? "sres" : "drs";
                List<String[]> chain = new ArrayList<>();
                chain.add(new String[] {"essp", "circonscription", software && ctx.chance(0.3) ? "software" : ctx.chance(0.7) ? "paper" : "hand_delivery", "5"});
                chain.add(new String[] {"circonscription", "delegation", software ? "software" : ctx.chance(0.5) ? "email" : "paper", "5"});
                if (software) {
                    chain.add(new String[] {"delegation", "central", "software", "10"});
                } else {
                    chain.add(new String[] {"delegation", regional, "email", "7"});
                    chain.add(new String[] {regional, "central", ctx.chance(0.8) ? "email" : "other", "10"});
                }
                for (String[] link : chain) {
                    int expectedDelay = Integer.parseInt(link[3]) + (reports[r][4].equals("weekly") ? -3 : 0);
                    // data on paper (or handed over, phoned) is typed again where it arrives; an e-mailed paper report too
                    boolean rekeyed = !link[2].equals("software") && (!link[2].equals("email") || tool.equals("paper"));
                    String linkTool = switch (link[2]) {
                        case "software" -> null; // the report type's own tool
                        case "email" -> "excel";
                        default -> "paper";
                    };
                    int flowId = flows.add(reportIds[r], link[0], link[1], region.id(), null, link[2], expectedDelay,
                            link[2].equals("paper") ? "Saisie manuelle à l'échelon suivant" : null, linkTool, rekeyed ? 1 : 0);
                    boolean perEssp = reports[r][0].equals("ACT-M") && link[0].equals("essp");
                    int senders = switch (link[0]) {
                        case "essp" -> esspCount;
                        case "circonscription" -> circCount;
                        case "delegation" -> provinceCount;
                        default -> 1;
                    };
                    for (String period : periods(reports[r][4])) {
                        int expected = senders * (reports[r][4].equals("weekly") ? 4 : 1);
                        double completeness = clamp(regionDiscipline + 0.06 * ctx.gaussian()
                                + (link[2].equals("software") ? 0.03 : 0), 0.4, 1.0);
                        int received = (int) Math.round(expected * completeness);
                        int onTime = (int) Math.round(received * clamp(ctx.uniform(0.45, 0.95), 0, 1));
                        double delay = round(Math.max(0, expectedDelay + ctx.uniform(-2, 9)), 1);
                        if (!perEssp) {
                            observations.add(flowId, null, period, expected, received, onTime, delay,
                                    received < expected * 0.8 ? "Relances téléphoniques nécessaires" : null);
                            continue;
                        }
                        // the same discipline, drawn ESSP by ESSP from the stream of the new rows
                        for (Essp essp : essps) {
                            if (essp.circ.province.regionId() != region.id()) {
                                continue;
                            }
                            boolean got = own.nextDouble() < clamp(completeness + 0.1 * (essp.quality - 0.5), 0, 1);
                            boolean inTime = got && own.nextDouble() < 0.7;
                            observations.add(flowId, essp.id, period, 1, got ? 1 : 0, inTime ? 1 : 0,
                                    got ? round(Math.max(0, expectedDelay + (inTime ? -2 : 4) + 3 * own.nextDouble()), 1) : null, null);
                        }
                    }
                }
            }
        }
        recounts(own);
        checklists(new SplittableRandom(ctx.seed() ^ 0xC4EC_1157_0000_0017L));
    }

    /**
     * PRISM system checklists (schema V17), from a stream of their own: every circonscription, délégation and regional
     * level of the scope, the central level, and a third of the ESSPs. Better ESSPs (higher quality) more often have the items; feedback and data use are the
     * rarest, as PRISM assessments usually find; an item is now and then not observed.
     */
    private void checklists(SplittableRandom own) throws SQLException {
        Rows rows = ctx.rows("system_checklist", "chain_level", "region_id", "province_id", "circonscription_id", "essp_id",
                "guidelines_available", "tools_in_stock", "trained_staff", "feedback_received", "data_used_in_meetings", "notes");
        double[] base = {0.70, 0.65, 0.60, 0.40, 0.35};
        for (Essp essp : essps) {
            if (own.nextDouble() < 1.0 / 3) {
                Object[] items = items(own, base, essp.quality - 0.5);
                rows.add("essp", null, null, null, essp.id, items[0], items[1], items[2], items[3], items[4], null);
            }
        }
        for (Circ circ : circs) {
            Object[] items = items(own, base, 0.05);
            rows.add("circonscription", null, null, circ.id, null, items[0], items[1], items[2], items[3], items[4], null);
        }
        for (Province province : scoped) {
            Object[] items = items(own, base, 0.10);
            rows.add("delegation", null, province.id(), null, null, items[0], items[1], items[2], items[3], items[4], null);
        }
        for (Region region : scopedRegions) {
            Object[] items = items(own, base, 0.15);
            rows.add(region.code().equals("01") ? "gst" : "sres", region.id(), null, null, null, items[0], items[1], items[2],
                    items[3], items[4], null);
        }
        Object[] central = items(own, base, 0.20);
        rows.add("central", null, null, null, null, central[0], central[1], central[2], central[3], central[4],
                "Entretien à la DPRF / DIM");
    }

    /** Five answers, 1 (yes), 0 (no) or null (not observed, one time in twenty; the first item always observed). */
    private static Object[] items(SplittableRandom own, double[] base, double lift) {
        Object[] items = new Object[base.length];
        for (int i = 0; i < base.length; i++) {
            boolean observed = i == 0 || own.nextDouble() >= 0.05;
            items[i] = !observed ? null : own.nextDouble() < clamp(base[i] + lift, 0, 1) ? 1 : 0;
        }
        return items;
    }

    /**
     * Recounts (WHO DQR): four ESSPs in ten, three tracer indicators, three months; the register mostly agrees with
     * the report within a few percent, some ESSPs under- or over-report, a few reports say 0 for a month the register
     * has cases (entered late), a few registers cannot be found.
     */
    private void recounts(SplittableRandom own) throws SQLException {
        Rows recounts = ctx.rows("data_verification", "essp_id", "indicator", "period", "recounted", "reported", "reason", "notes");
        String[] indicators = {"CPN1", "ACC-ASSIST", "PENTA3"};
        String[] months = {"2026-04", "2026-05", "2026-06"};
        for (Essp essp : essps) {
            if (own.nextDouble() >= 0.4) {
                continue;
            }
            double bias = GenerationContext.gaussianOf(own) * 0.06 + (own.nextDouble() < 0.15 ? (own.nextDouble() < 0.5 ? -0.2 : 0.2) : 0);
            boolean registerMissing = own.nextDouble() < 0.03;
            for (String indicator : indicators) {
                for (String month : months) {
                    int reported = 5 + own.nextInt(110);
                    if (registerMissing) {
                        recounts.add(essp.id, indicator, month, null, reported, "register_missing", "Registre introuvable le jour de la visite");
                        continue;
                    }
                    int recounted = (int) Math.max(0, Math.round(reported * (1 + bias + GenerationContext.gaussianOf(own) * 0.03)));
                    if (own.nextDouble() < 0.03) {
                        reported = 0; // the month's report was sent before the register was complete
                    }
                    String reason = null;
                    if (recounted != reported) {
                        double d = own.nextDouble();
                        reason = reported == 0 ? "late_entry" : d < 0.5 ? "transcription_error" : d < 0.7 ? "late_entry" : d < 0.8 ? "other" : null;
                    }
                    recounts.add(essp.id, indicator, month, recounted, reported, reason, null);
                }
            }
        }
    }

    private static List<String> periods(String periodicity) {
        return switch (periodicity) {
            case "quarterly" -> List.of("2026-Q1", "2026-Q2");
            case "semiannual" -> List.of("2025-S2", "2026-S1");
            case "annual" -> List.of("2025");
            default -> List.of("2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08");
        };
    }
}
