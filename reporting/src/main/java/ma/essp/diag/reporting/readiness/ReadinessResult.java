package ma.essp.diag.reporting.readiness;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.essp.diag.database.repository.ReadinessData;

/** The per-ESSP readiness of a mission, with the data, catalogue and rules it was computed from. */
public record ReadinessResult(ReadinessData data, CatalogueModel catalogue, ReadinessRules rules, List<EsspReadiness> essps) {

    public ReadinessResult {
        essps = List.copyOf(essps);
    }

    /** By ESSP code. */
    public Map<String, EsspReadiness> byCode() {
        return essps.stream().collect(Collectors.toMap(e -> e.essp().code(), Function.identity()));
    }

    public EsspReadiness essp(String code) {
        return essps.stream().filter(e -> e.essp().code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ESSP " + code));
    }
}
