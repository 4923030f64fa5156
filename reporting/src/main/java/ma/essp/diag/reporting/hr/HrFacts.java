package ma.essp.diag.reporting.hr;

import java.util.List;
import java.util.Map;

/**
 * What the HR indicators are computed from, already read from the mission: the cadres and, per live ESSP, its place
 * in the territory, its population and its staff summed by cadre and status. Plain data, so the computation can be
 * tested with hand-made numbers.
 */
public record HrFacts(Map<String, Cadre> cadres, List<EsspFacts> essps, Long nationCensusPopulation) {

    public HrFacts {
        cadres = Map.copyOf(cadres);
        essps = List.copyOf(essps);
    }

    /** Facts without a national census population (the national density is then undefined). */
    public HrFacts(Map<String, Cadre> cadres, List<EsspFacts> essps) {
        this(cadres, essps, null);
    }

    public record Cadre(String code, String labelFr, String labelEn, String labelAr, boolean coreHealthWorker, int sortOrder) {
    }

    /**
     * {@code doctorExpected}: the category is a health centre (level 1 or 2), not a dispensary or a related structure;
     * {@code deliveryUnit}: the category has a delivery unit by definition or this ESSP has one.
     */
    public record EsspFacts(int id, String code, String nameFr, String categoryCode, boolean doctorExpected, boolean deliveryUnit,
                            Area circonscription, Area province, Area region, Long populationServed,
                            List<StaffLine> staff) {
        public EsspFacts {
            staff = List.copyOf(staff);
        }
    }

    /** A territory unit; {@code censusPopulation} is the 2024 census figure where there is one (provinces, regions). */
    public record Area(int id, String code, String nameFr, String nameAr, Long censusPopulation) {
    }

    /** Positions of one cadre and status in an ESSP: how many rows and their summed FTE. */
    public record StaffLine(String cadreCode, String status, int positions, double fte) {
    }
}
