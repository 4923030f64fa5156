package ma.essp.diag.database.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.demo.DemoModel.Item;
import ma.essp.diag.database.demo.DemoModel.Province;
import ma.essp.diag.database.demo.DemoModel.Region;
import ma.essp.diag.database.demo.DemoModel.Service;

/**
 * The reference data a new mission file carries (regions, provinces, the DRS/SRES/GST/délégation structures, the PMS
 * services with their requirements per category, the items), read once before the parts generate.
 */
final class ReferenceData {

    private final List<Region> regions = new ArrayList<>();
    private final List<Province> provinces = new ArrayList<>();
    private final Map<Integer, Integer> drsByRegion = new LinkedHashMap<>();
    private final Map<Integer, Integer> sresByRegion = new LinkedHashMap<>();
    private final Map<Integer, Integer> gstByRegion = new LinkedHashMap<>();
    private final Map<Integer, Integer> delegationByProvince = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();

    private ReferenceData() {
    }

    /** Reads the reference rows of the new mission file; draws each item's ease from the value stream. */
    static ReferenceData load(GenerationContext ctx) throws SQLException {
        ReferenceData reference = new ReferenceData();
        reference.read(ctx);
        return reference;
    }

    private void read(GenerationContext ctx) throws SQLException {
        try (Statement statement = ctx.connection().createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id, code, name_fr, population_2024 FROM region ORDER BY id")) {
                while (rs.next()) {
                    regions.add(new Region(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT p.id, p.code, p.region_id, p.parent_province_id, p.type, p.name_fr, p.population_2024,"
                            + " COALESCE(p.iso_code, (SELECT q.iso_code FROM province q WHERE q.id = p.parent_province_id))"
                            + " FROM province p ORDER BY p.id")) {
                while (rs.next()) {
                    String code = rs.getString(2);
                    int parent = rs.getInt(4);
                    Integer parentId = rs.wasNull() ? null : parent;
                    provinces.add(new Province(rs.getInt(1), code, code.replace(".", ""), rs.getInt(3),
                            parentId, rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT id, kind, region_id, province_id FROM structure WHERE deleted = 0 ORDER BY id")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    switch (rs.getString(2)) {
                        case "drs" -> drsByRegion.put(rs.getInt(3), id);
                        case "sres" -> sresByRegion.put(rs.getInt(3), id);
                        case "gst" -> gstByRegion.put(rs.getInt(3), id);
                        case "delegation" -> delegationByProvince.put(rs.getInt(4), id);
                        default -> { }
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT id, code FROM pms_service WHERE version_id = 1 AND deleted = 0 ORDER BY sort_order, id")) {
                while (rs.next()) {
                    services.add(new Service(rs.getInt(1), rs.getString(2), new LinkedHashMap<>()));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT service_id, category_code, requirement FROM pms_service_requirement WHERE deleted = 0 ORDER BY id")) {
                while (rs.next()) {
                    int serviceId = rs.getInt(1);
                    for (Service service : services) {
                        if (service.id() == serviceId) {
                            service.requirements().put(rs.getString(2), rs.getString(3));
                        }
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, code, coalesce(service_id, 0), domain_code, in_scope "
                    + "FROM pms_item WHERE version_id = 1 AND deleted = 0 ORDER BY coalesce(service_id, 0), sort_order, id")) {
                while (rs.next()) {
                    String domain = rs.getString(4);
                    double shift = switch (domain) {
                        case "basic_amenities" -> 0.06;
                        case "essential_medicines", "medicines_commodities" -> -0.05;
                        case "diagnostic_capacity", "diagnostics" -> -0.08;
                        default -> 0.0;
                    };
                    items.add(new Item(rs.getInt(1), rs.getString(2), rs.getInt(3), domain, rs.getBoolean(5),
                            ctx.uniform(-0.26, 0.16) + shift));
                }
            }
        }
    }


    List<Region> regions() {
        return regions;
    }

    List<Province> provinces() {
        return provinces;
    }

    /** The DRS structure id by region id. */
    Map<Integer, Integer> drsByRegion() {
        return drsByRegion;
    }

    /** The SRES structure id by region id. */
    Map<Integer, Integer> sresByRegion() {
        return sresByRegion;
    }

    /** The GST structure id by region id. */
    Map<Integer, Integer> gstByRegion() {
        return gstByRegion;
    }

    /** The délégation structure id by province id. */
    Map<Integer, Integer> delegationByProvince() {
        return delegationByProvince;
    }

    List<Service> services() {
        return services;
    }

    List<Item> items() {
        return items;
    }

    Region region(int id) {
        for (Region region : regions) {
            if (region.id() == id) {
                return region;
            }
        }
        throw new IllegalStateException("no region " + id);
    }
}
