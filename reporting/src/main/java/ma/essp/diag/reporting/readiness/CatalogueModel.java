package ma.essp.diag.reporting.readiness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReadinessData;

/**
 * The catalogue, indexed for the computation: for each catalogue version, its general items by domain, its
 * services, each service's items by domain, and the requirement of each service per category. Every
 * assessment is scored against the version it was made with.
 */
public final class CatalogueModel {

    /** One catalogue version, indexed. */
    public static final class Version {
        private final int id;
        private final Map<String, List<ReadinessData.Item>> generalItemsByDomain = new LinkedHashMap<>();
        private final Map<Integer, ReadinessData.Service> servicesById = new LinkedHashMap<>();
        private final Map<Integer, Map<String, List<ReadinessData.Item>>> serviceItemsByDomain = new HashMap<>();
        private final Map<Integer, Map<String, String>> requirementByService = new HashMap<>();

        private Version(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        /** General items (in scope or not) by general domain, every general domain present, in display order. */
        public Map<String, List<ReadinessData.Item>> generalItemsByDomain() {
            return Collections.unmodifiableMap(generalItemsByDomain);
        }

        public java.util.Collection<ReadinessData.Service> services() {
            return Collections.unmodifiableCollection(servicesById.values());
        }

        public ReadinessData.Service service(int id) {
            return servicesById.get(id);
        }

        /** The service's items by service domain, every service domain present, in display order. */
        public Map<String, List<ReadinessData.Item>> serviceItemsByDomain(int serviceId) {
            return serviceItemsByDomain.getOrDefault(serviceId, Map.of());
        }

        /** required / optional / not_expected for a current category; "unspecified" when the catalogue is silent. */
        public String requirement(int serviceId, String effectiveCategory) {
            return requirementByService.getOrDefault(serviceId, Map.of()).getOrDefault(effectiveCategory, "unspecified");
        }
    }

    private final List<ReadinessData.Domain> generalDomains;
    private final List<ReadinessData.Domain> serviceDomains;
    private final Map<Integer, Version> versions = new HashMap<>();
    private final List<ServiceColumn> serviceColumns;

    /** A service as a column of the aggregate tables: services of different versions meet by code. */
    public record ServiceColumn(String code, String labelFr, String labelEn, String labelAr) {
        /** The service's label in {@code language}, French when missing. */
        public String label(String language) {
            return ma.essp.diag.database.repository.LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    public CatalogueModel(ReadinessData data) {
        generalDomains = data.domains().stream().filter(ReadinessData.Domain::general).toList();
        serviceDomains = data.domains().stream().filter(d -> !d.general()).toList();
        for (ReadinessData.Service s : data.services()) {
            Version v = version0(s.versionId());
            v.servicesById.put(s.id(), s);
            Map<String, List<ReadinessData.Item>> byDomain = new LinkedHashMap<>();
            serviceDomains.forEach(d -> byDomain.put(d.code(), new ArrayList<>()));
            v.serviceItemsByDomain.put(s.id(), byDomain);
        }
        for (ReadinessData.Item item : data.items()) {
            Version v = version0(item.versionId());
            if (item.general()) {
                v.generalItemsByDomain.computeIfAbsent(item.domainCode(), k -> new ArrayList<>()).add(item);
            } else {
                Map<String, List<ReadinessData.Item>> byDomain = v.serviceItemsByDomain.get(item.serviceId());
                if (byDomain != null) { // an item of a deleted service is ignored
                    byDomain.computeIfAbsent(item.domainCode(), k -> new ArrayList<>()).add(item);
                }
            }
        }
        Map<Integer, Version> versionOfService = new HashMap<>();
        versions.values().forEach(v -> v.servicesById.keySet().forEach(id -> versionOfService.put(id, v)));
        for (ReadinessData.Requirement r : data.requirements()) {
            Version v = versionOfService.get(r.serviceId());
            if (v != null) {
                v.requirementByService.computeIfAbsent(r.serviceId(), k -> new HashMap<>()).put(r.categoryCode(), r.requirement());
            }
        }
        Map<String, ServiceColumn> columns = new LinkedHashMap<>();
        // services ordered as in the newest version, then any code only older versions have
        data.services().stream()
                .sorted(java.util.Comparator.comparing((ReadinessData.Service s) -> -s.versionId())
                        .thenComparingInt(ReadinessData.Service::sortOrder).thenComparing(ReadinessData.Service::code))
                .forEach(s -> columns.putIfAbsent(s.code(), new ServiceColumn(s.code(), s.labelFr(), s.labelEn(), s.labelAr())));
        serviceColumns = List.copyOf(columns.values());
    }

    private Version version0(int id) {
        return versions.computeIfAbsent(id, k -> {
            Version v = new Version(k);
            generalDomains.forEach(d -> v.generalItemsByDomain.put(d.code(), new ArrayList<>()));
            return v;
        });
    }

    /** The indexed version; an unknown or empty version yields an empty one (every domain without items). */
    public Version version(int id) {
        Version v = versions.get(id);
        if (v != null) {
            return v;
        }
        Version empty = new Version(id);
        generalDomains.forEach(d -> empty.generalItemsByDomain.put(d.code(), new ArrayList<>()));
        return empty;
    }

    public List<ReadinessData.Domain> generalDomains() {
        return generalDomains;
    }

    public List<ReadinessData.Domain> serviceDomains() {
        return serviceDomains;
    }

    public List<ServiceColumn> serviceColumns() {
        return serviceColumns;
    }
}
