package ma.essp.diag.database.repository;

import java.util.List;

/**
 * Everything the data-flow figures need, read by {@link DataFlowRepository} in a few queries: the territory (the
 * records of {@link ReadinessData}), the report types, the chain links, the observations and the data verification
 * recounts and the PRISM system checklists, live rows only. Plain immutable values: {@code reporting.dataflow} computes from this alone.
 */
public record DataFlowData(
        List<ReadinessData.Region> regions,
        List<ReadinessData.Province> provinces,
        List<ReadinessData.Circonscription> circonscriptions,
        List<ReadinessData.Essp> essps,
        List<ReportType> reportTypes,
        List<Link> links,
        List<Observation> observations,
        List<Recount> recounts,
        List<Checklist> checklists) {

    public DataFlowData {
        regions = List.copyOf(regions);
        provinces = List.copyOf(provinces);
        circonscriptions = List.copyOf(circonscriptions);
        essps = List.copyOf(essps);
        reportTypes = List.copyOf(reportTypes);
        links = List.copyOf(links);
        observations = List.copyOf(observations);
        recounts = List.copyOf(recounts);
        checklists = List.copyOf(checklists);
    }

    /** The same territory, types, links and checklists with other observations and recounts (an as-of cut). */
    public DataFlowData withRows(List<Observation> observations, List<Recount> recounts) {
        return new DataFlowData(regions, provinces, circonscriptions, essps, reportTypes, links, observations, recounts, checklists);
    }

    /** A report type ({@code report_type}); {@code tool} the tool it is kept in at its source. */
    public record ReportType(int id, int version, String code, String nameFr, String nameEn, String nameAr, String programme,
                             String periodicity, String tool) {
        /** The name in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String name(String language) {
            return LocalizedLabel.pick(language, nameFr, nameEn, nameAr);
        }
    }

    /**
     * One link of a chain ({@code data_flow}): a report going from one level to the next, for the whole country
     * ({@code regionId} and {@code provinceId} null), one region or one province. {@code deadlineDays}: reports are
     * due that many days after the end of the period. {@code tool} null = the report type's tool.
     */
    public record Link(int id, int version, int reportTypeId, String fromLevel, String toLevel, Integer regionId,
                       Integer provinceId, String channel, Integer deadlineDays, String tool, boolean rekeyed, String notes) {
    }

    /** What was observed on a link for one period, of one ESSP ({@code esspId}) or of all the senders (null). */
    public record Observation(int id, int version, int linkId, Integer esspId, String period, int expected, int received,
                              Integer onTime, Double delayDays, String notes) {
    }

    /**
     * One data verification row: for an ESSP, an indicator and a month ({@code yyyy-MM}), the value recounted from
     * the register and the value reported (either null when not obtained), and the reason of a discrepancy.
     */
    public record Recount(int id, int version, int esspId, String indicator, String period, Integer recounted,
                          Integer reported, String reason, String notes) {
    }

    /**
     * One PRISM system checklist ({@code system_checklist}, V17): the level assessed and its unit (the one id its
     * level takes: {@code essp} an ESSP, {@code circonscription} a circonscription, {@code delegation} a province,
     * {@code sres}/{@code drs}/{@code gst} a region, {@code central} none), and the five items, each true (yes), false
     * (no) or null (not observed), in {@link #ITEMS} order.
     */
    public record Checklist(int id, int version, String level, Integer regionId, Integer provinceId, Integer circonscriptionId,
                            Integer esspId, Boolean guidelines, Boolean toolsInStock, Boolean trainedStaff, Boolean feedback,
                            Boolean dataUsed, String notes) {

        /** The item codes, in order (message keys, figure columns): technical, technical, organisational ×2, behavioural. */
        public static final List<String> ITEMS = List.of("guidelines_available", "tools_in_stock", "trained_staff",
                "feedback_received", "data_used_in_meetings");

        /** The id of the unit assessed, the one its level takes; null for {@code central} (or an unknown level). */
        public Integer unitId() {
            return level == null ? null : switch (level) {
                case "essp" -> esspId;
                case "circonscription" -> circonscriptionId;
                case "delegation" -> provinceId;
                case "sres", "drs", "gst" -> regionId;
                default -> null;
            };
        }

        /** The answers in {@link #ITEMS} order (null = not observed). */
        public List<Boolean> answers() {
            return java.util.Arrays.asList(guidelines, toolsInStock, trainedStaff, feedback, dataUsed);
        }
    }
}
