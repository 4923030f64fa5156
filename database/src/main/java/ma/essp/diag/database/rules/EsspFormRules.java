package ma.essp.diag.database.rules;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import ma.essp.diag.database.check.ConsistencyChecker;
import ma.essp.diag.database.geo.MapShape;

/**
 * The rules of an ESSP's fields, one method per field, each returning what is wrong as a {@link Code} with its
 * arguments (empty when the value is fine), never words: the window and the coming Excel import word the codes in
 * their own language. Pure functions: the ESSP form calls them when a field is left and on save; the uniqueness
 * of the code needs the mission and is checked by the form in the background.
 */
public final class EsspFormRules {

    private EsspFormRules() {
    }

    /** What can be wrong with a field. */
    public enum Code {
        CODE_REQUIRED, CODE_FORMAT,
        /** args: the province's digits the code must start with */
        CODE_PROVINCE,
        NAME_REQUIRED, CATEGORY_INVALID, PROVINCE_REQUIRED, CIRCONSCRIPTION_REQUIRED, CIRCONSCRIPTION_PROVINCE, NOT_A_NUMBER,
        COORDINATES_BOTH,
        /** args: the lowest and highest latitude accepted */
        LATITUDE_OUTSIDE,
        /** args: the lowest and highest longitude accepted */
        LONGITUDE_OUTSIDE,
        /** args: latitude, longitude, province name, km outside (rounded), km tolerated (rounded) */
        OUTSIDE_PROVINCE,
        POPULATION_NEGATIVE, POPULATION_NUMBER, REASON_REQUIRED
    }

    /** A problem with a field: its code and the arguments its message needs (see {@link Code}). */
    public record Problem(Code code, Object... args) {
    }

    public static Optional<Problem> code(String code, String provinceDigits) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return Optional.of(new Problem(Code.CODE_REQUIRED));
        }
        if (!ConsistencyChecker.ESSP_CODE.matcher(c).matches()) {
            return Optional.of(new Problem(Code.CODE_FORMAT));
        }
        if (provinceDigits != null && !c.startsWith(provinceDigits + "-")) {
            return Optional.of(new Problem(Code.CODE_PROVINCE, provinceDigits));
        }
        return Optional.empty();
    }

    public static Optional<Problem> name(String name) {
        return name == null || name.isBlank() ? Optional.of(new Problem(Code.NAME_REQUIRED)) : Optional.empty();
    }

    public static Optional<Problem> category(String categoryCode, Collection<String> validCodes) {
        return categoryCode == null || !validCodes.contains(categoryCode)
                ? Optional.of(new Problem(Code.CATEGORY_INVALID)) : Optional.empty();
    }

    public static Optional<Problem> province(Integer provinceId) {
        return provinceId == null ? Optional.of(new Problem(Code.PROVINCE_REQUIRED)) : Optional.empty();
    }

    /** {@code circonscriptionProvinceId} is the province the chosen circonscription belongs to. */
    public static Optional<Problem> circonscription(Integer circonscriptionId, Integer circonscriptionProvinceId, Integer provinceId) {
        if (circonscriptionId == null) {
            return Optional.of(new Problem(Code.CIRCONSCRIPTION_REQUIRED));
        }
        if (provinceId != null && !provinceId.equals(circonscriptionProvinceId)) {
            return Optional.of(new Problem(Code.CIRCONSCRIPTION_PROVINCE));
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
            return Optional.of(new Problem(Code.NOT_A_NUMBER));
        }
        if (lat == null && parseDecimal(longitude) != null) {
            return Optional.of(new Problem(Code.COORDINATES_BOTH));
        }
        if (lat != null && (lat < ConsistencyChecker.MIN_LAT || lat > ConsistencyChecker.MAX_LAT)) {
            return Optional.of(new Problem(Code.LATITUDE_OUTSIDE, ConsistencyChecker.MIN_LAT, ConsistencyChecker.MAX_LAT));
        }
        return Optional.empty();
    }

    public static Optional<Problem> longitude(String longitude, String latitude) {
        Double lon = parseDecimal(longitude);
        if (lon != null && lon.isNaN()) {
            return Optional.of(new Problem(Code.NOT_A_NUMBER));
        }
        if (lon == null && parseDecimal(latitude) != null) {
            return Optional.of(new Problem(Code.COORDINATES_BOTH));
        }
        if (lon != null && (lon < ConsistencyChecker.MIN_LON || lon > ConsistencyChecker.MAX_LON)) {
            return Optional.of(new Problem(Code.LONGITUDE_OUTSIDE, ConsistencyChecker.MIN_LON, ConsistencyChecker.MAX_LON));
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
        return km.isEmpty() ? Optional.empty() : Optional.of(new Problem(Code.OUTSIDE_PROVINCE, lat, lon, provinceName,
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
                return Optional.of(new Problem(Code.POPULATION_NEGATIVE));
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(new Problem(Code.POPULATION_NUMBER));
        }
    }

    /** An ESSP that is not fully functioning says why (the consistency check asks the same). */
    public static Optional<Problem> functionalityReason(String functionality, String reason) {
        return functionality != null && !"fully".equals(functionality) && (reason == null || reason.isBlank())
                ? Optional.of(new Problem(Code.REASON_REQUIRED)) : Optional.empty();
    }
}
