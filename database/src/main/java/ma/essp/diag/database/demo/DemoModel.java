package ma.essp.diag.database.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entities one generation builds in memory and the parts share (reference rows, generated territory, staff). */
final class DemoModel {

    private DemoModel() {
    }

    record Region(int id, String code, String name, int population) {
    }

    /** {@code isoCode}: the map outline it lies in (a préfecture d'arrondissements: its prefecture's). */
    record Province(int id, String code, String digits, int regionId, Integer parentId, String type, String name,
                    int population, String isoCode) {
        boolean urbanType() {
            return !"province".equals(type);
        }
    }

    record Service(int id, String code, Map<String, String> requirements) {
    }

    record Item(int id, String code, int serviceId, String domain, boolean inScope, double ease) {
    }

    static final class Circ {
        int id;
        Province province;
        boolean urban;
        String code;
        String place;
        final List<Integer> communeIds = new ArrayList<>();
        final List<String> communeNames = new ArrayList<>();
        final List<Essp> essps = new ArrayList<>();
        int population;
        String headName;
    }

    static final class Essp {
        int id;
        String code;
        String name;
        String category;
        Circ circ;
        boolean deliveryUnit;
        Integer population;
        double quality;
        String functionality;
        final List<Position> positions = new ArrayList<>();
    }

    record Position(int id, String cadre, boolean filled, String gender, String holder, String title, Integer esspId,
                    Integer structureId, int regionId, String structureKind) {
    }

    static final class Stats {
        int positions;
        int vacant;
        int esspWithoutDoctor;
        int deliveryWithoutMidwife;
        int deliveryUnits;
        int samples;
        int acknowledgedIn15;
        int closedIn60;
        int systemsWithRegister;
        int systemsWithChikayaLink;
        double readinessSum;
        int readinessCount;
    }

    /** The scale's scope and what the territory part generated in it, in the order written. */
    record Territory(List<Province> scoped, List<Region> scopedRegions, List<Circ> circs, List<Essp> essps) {
    }

    /** The mission's team members, ids and names in the same order. */
    record Team(List<Integer> ids, List<String> names) {
    }
}
