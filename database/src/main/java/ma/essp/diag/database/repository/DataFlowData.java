package ma.essp.diag.database.repository;

import java.util.List;

/**
 * Everything the data-flow figures need, read by {@link DataFlowRepository} in a few queries: the territory (the
 * records of {@link ReadinessData}), the report types, the chain links, the observations and the data verification
 * recounts, live rows only. Plain immutable values: {@code reporting.dataflow} computes from this alone.
 */
public record DataFlowData(
        List<ReadinessData.Region> regions,
        List<ReadinessData.Province> provinces,
        List<ReadinessData.Circonscription> circonscriptions,
        List<ReadinessData.Essp> essps,
        List<ReportType> reportTypes,
        List<Link> links,
        List<Observation> observations,
        List<Recount> recounts) {

    public DataFlowData {
        regions = List.copyOf(regions);
        provinces = List.copyOf(provinces);
        circonscriptions = List.copyOf(circonscriptions);
        essps = List.copyOf(essps);
        reportTypes = List.copyOf(reportTypes);
        links = List.copyOf(links);
        observations = List.copyOf(observations);
        recounts = List.copyOf(recounts);
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
}
