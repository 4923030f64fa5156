package ma.essp.diag.reporting.dataflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowData.Link;

/**
 * The reporting chain of a report type in a place, drawn from the links as recorded (the chain differs by region and
 * may differ by province: it is data, not code).
 *
 * <p>For each sending level the most specific live link applies: one of the province, else one of its region, else a
 * national one (no region, no province). The chain starts at the ESSP and follows each link's receiving level until
 * the central level; it stops early when no link leaves a level (or a level comes back), and is then
 * {@linkplain Chain#complete() incomplete}. <b>Re-keying steps</b> = the links of the chain marked re-keyed (the
 * receiving level types the data again), counted only on a complete chain.
 */
public final class Chains {

    public static final String START = "essp";
    public static final String END = "central";

    private Chains() {
    }

    /** A chain: its links from the ESSP on, and whether it reaches the central level. */
    public record Chain(int reportTypeId, List<Link> links, boolean complete) {

        public Chain {
            links = List.copyOf(links);
        }

        public int rekeyingSteps() {
            return (int) links.stream().filter(Link::rekeyed).count();
        }
    }

    /** The chain of {@code reportTypeId} in {@code provinceId} of {@code regionId} (either may be null: a wider place). */
    public static Chain chain(DataFlowData data, int reportTypeId, Integer regionId, Integer provinceId) {
        List<Link> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String level = START;
        while (!END.equals(level) && seen.add(level)) {
            Link next = applicable(data, reportTypeId, level, regionId, provinceId);
            if (next == null) {
                break;
            }
            chain.add(next);
            level = next.toLevel();
        }
        return new Chain(reportTypeId, chain, END.equals(level));
    }

    /** The chain of every report type in a place, in report-type code order (types without any link left out). */
    public static List<Chain> chains(DataFlowData data, Integer regionId, Integer provinceId) {
        List<Chain> chains = new ArrayList<>();
        for (DataFlowData.ReportType type : data.reportTypes()) {
            Chain c = chain(data, type.id(), regionId, provinceId);
            if (!c.links().isEmpty()) {
                chains.add(c);
            }
        }
        return chains;
    }

    /** The most re-keying steps over the complete chains of a place; null when no chain there is complete. */
    public static Integer maxRekeying(DataFlowData data, Integer regionId, Integer provinceId) {
        Integer max = null;
        for (Chain c : chains(data, regionId, provinceId)) {
            if (c.complete() && (max == null || c.rekeyingSteps() > max)) {
                max = c.rekeyingSteps();
            }
        }
        return max;
    }

    private static Link applicable(DataFlowData data, int reportTypeId, String fromLevel, Integer regionId, Integer provinceId) {
        Link province = null;
        Link region = null;
        Link national = null;
        for (Link l : data.links()) {
            if (l.reportTypeId() != reportTypeId || !l.fromLevel().equals(fromLevel)) {
                continue;
            }
            if (l.provinceId() != null) {
                if (province == null && provinceId != null && l.provinceId().equals(provinceId)) {
                    province = l;
                }
            } else if (l.regionId() != null) {
                if (region == null && Objects.equals(l.regionId(), regionId)) {
                    region = l;
                }
            } else if (national == null) {
                national = l;
            }
        }
        return province != null ? province : region != null ? region : national;
    }
}
