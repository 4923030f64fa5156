package ma.essp.diag.app.registry;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import ma.essp.diag.database.check.ConsistencyChecker;
import ma.essp.diag.database.geo.MapShape;

/**
 * The rules of the ESSP form, one method per field, each returning the bundle key of what is wrong (empty when
 * the value is fine). Pure functions: the view model calls them when a field is left and on save; the uniqueness
 * of the code needs the mission and is checked by the view model in the background.
 */
public final class EsspFormRules {

    private EsspFormRules() {
    }

    /** A problem with a field: the bundle key of the message and its arguments. */
    public record Problem(String key, Object... args) {
    }

    public static Optional<Problem> code(String code, String provinceDigits) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return Optional.of(new Problem("registry.form.error.codeRequired"));
        }
        if (!ConsistencyChecker.ESSP_CODE.matcher(c).matches()) {
            return Optional.of(new Problem("registry.form.error.codeFormat"));
        }
        if (provinceDigits != null && !c.startsWith(provinceDigits + "-")) {
            return Optional.of(new Problem("registry.form.error.codeProvince", provinceDigits));
        }
        return Optional.empty();
    }

    public static Optional<Problem> name(String name) {
        return name == null || name.isBlank() ? Optional.of(new Problem("registry.form.error.nameRequired")) : Optional.empty();
    }

    public static Optional<Problem> category(String categoryCode, Collection<String> validCodes) {
        return categoryCode == null || !validCodes.contains(categoryCode)
                ? Optional.of(new Problem("registry.form.error.categoryInvalid")) : Optional.empty();
    }

    public static Optional<Problem> province(Integer provinceId) {
        return provinceId == null ? Optional.of(new Problem("registry.form.error.provinceRequired")) : Optional.empty();
    }

    /** {@code circonscriptionProvinceId} is the province the chosen circonscription belongs to. */
    public static Optional<Problem> circonscription(Integer circonscriptionId, Integer circonscriptionProvinceId, Integer provinceId) {
        if (circonscriptionId == null) {
            return Optional.of(new Problem("registry.form.error.circonscriptionRequired"));
        }
        if (provinceId != null && !provinceId.equals(circonscriptionProvinceId)) {
            return Optional.of(new Problem("registry.form.error.circonscriptionProvince"));
        }
        return Optional.empty();
    }

    /** A decimal as typed, with a comma or a point; null when blank; NaN when not a number. */
    public static Double parseDecimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public static Optional<Problem> latitude(String latitude, String longitude) {
        Double lat = parseDecimal(latitude);
        if (lat != null && lat.isNaN()) {
            return Optional.of(new Problem("registry.form.error.notANumber"));
        }
        if (lat == null && parseDecimal(longitude) != null) {
            return Optional.of(new Problem("registry.form.error.coordinatesBoth"));
        }
        if (lat != null && (lat < ConsistencyChecker.MIN_LAT || lat > ConsistencyChecker.MAX_LAT)) {
            return Optional.of(new Problem("registry.form.error.latitudeOutside", ConsistencyChecker.MIN_LAT, ConsistencyChecker.MAX_LAT));
        }
        return Optional.empty();
    }

    public static Optional<Problem> longitude(String longitude, String latitude) {
        Double lon = parseDecimal(longitude);
        if (lon != null && lon.isNaN()) {
            return Optional.of(new Problem("registry.form.error.notANumber"));
        }
        if (lon == null && parseDecimal(latitude) != null) {
            return Optional.of(new Problem("registry.form.error.coordinatesBoth"));
        }
        if (lon != null && (lon < ConsistencyChecker.MIN_LON || lon > ConsistencyChecker.MAX_LON)) {
            return Optional.of(new Problem("registry.form.error.longitudeOutside", ConsistencyChecker.MIN_LON, ConsistencyChecker.MAX_LON));
        }
        return Optional.empty();
    }

    /**
     * The point lies in the ESSP's province: inside its outline, or within {@link ConsistencyChecker#PROVINCE_TOLERANCE_KM}
     * of it (coastal places, simplified borders). Nothing to say while a coordinate is missing or wrong (the other
     * rules say it) or the province's outline is unknown. The message names the province and the distance.
     */
    public static Optional<Problem> insideProvince(String latitude, String longitude, MapShape outline, String provinceName) {
        Double lat = parseDecimal(latitude);
        Double lon = parseDecimal(longitude);
        if (outline == null || lat == null || lon == null || lat.isNaN() || lon.isNaN()
                || latitude(latitude, longitude).isPresent() || longitude(longitude, latitude).isPresent()) {
            return Optional.empty();
        }
        OptionalDouble km = ConsistencyChecker.kmOutsideProvince(outline, lat, lon);
        return km.isEmpty() ? Optional.empty() : Optional.of(new Problem("registry.form.error.outsideProvince", lat, lon, provinceName,
                Math.round(km.getAsDouble()), Math.round(ConsistencyChecker.PROVINCE_TOLERANCE_KM)));
    }

    /** Whole number of inhabitants (spaces as thousands separators accepted), blank allowed. */
    public static Integer parsePopulation(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Integer.parseInt(text.strip().replaceAll("[\\s\u00a0\u202f]", ""));
    }

    public static Optional<Problem> population(String text) {
        try {
            Integer p = parsePopulation(text);
            if (p != null && p < 0) {
                return Optional.of(new Problem("registry.form.error.populationNegative"));
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(new Problem("registry.form.error.populationNumber"));
        }
    }

    /** An ESSP that is not fully functioning says why (the consistency check asks the same). */
    public static Optional<Problem> functionalityReason(String functionality, String reason) {
        return functionality != null && !"fully".equals(functionality) && (reason == null || reason.isBlank())
                ? Optional.of(new Problem("registry.form.error.reasonRequired")) : Optional.empty();
    }
}
