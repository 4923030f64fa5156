package ma.essp.diag.database.demo;

import java.util.Map;

/**
 * Approximate centre (latitude, longitude) of every province, prefecture and préfecture d'arrondissements, by
 * province code. Rough values, good enough to place synthetic establishments near the right town.
 */
final class ProvinceCentres {

    private ProvinceCentres() {
    }

    static double[] of(String provinceCode) {
        double[] centre = CENTRES.get(provinceCode);
        if (centre == null) {
            throw new IllegalStateException("no centre for province " + provinceCode);
        }
        return centre;
    }

    private static double[] c(double lat, double lon) {
        return new double[] {lat, lon};
    }

    private static final Map<String, double[]> CENTRES = Map.ofEntries(
            Map.entry("01.511", c(35.70, -5.85)), Map.entry("01.573", c(35.78, -5.36)), Map.entry("01.571", c(35.50, -5.42)),
            Map.entry("01.227", c(35.75, -5.55)), Map.entry("01.331", c(35.10, -6.05)), Map.entry("01.051", c(35.10, -3.95)),
            Map.entry("01.151", c(35.05, -5.20)), Map.entry("01.405", c(34.80, -5.60)),
            Map.entry("02.411", c(34.65, -1.92)), Map.entry("02.381", c(35.10, -2.95)), Map.entry("02.167", c(34.95, -3.40)),
            Map.entry("02.275", c(34.30, -2.15)), Map.entry("02.113", c(34.85, -2.35)), Map.entry("02.533", c(34.40, -2.90)),
            Map.entry("02.265", c(34.20, -3.40)), Map.entry("02.251", c(32.50, -1.95)),
            Map.entry("03.231", c(34.03, -5.00)), Map.entry("03.061", c(33.90, -5.55)), Map.entry("03.171", c(33.70, -5.35)),
            Map.entry("03.271", c(33.45, -5.20)), Map.entry("03.591", c(34.10, -5.20)), Map.entry("03.451", c(33.75, -4.80)),
            Map.entry("03.131", c(33.30, -4.20)), Map.entry("03.531", c(34.55, -4.65)), Map.entry("03.561", c(34.20, -4.05)),
            Map.entry("04.421", c(34.00, -6.83)), Map.entry("04.441", c(34.03, -6.78)), Map.entry("04.501", c(33.90, -6.95)),
            Map.entry("04.281", c(34.40, -6.40)), Map.entry("04.291", c(33.75, -6.15)), Map.entry("04.481", c(34.25, -5.80)),
            Map.entry("04.491", c(34.25, -6.00)),
            Map.entry("05.091", c(32.35, -6.35)), Map.entry("05.081", c(31.95, -6.55)), Map.entry("05.255", c(32.50, -6.70)),
            Map.entry("05.301", c(32.90, -5.65)), Map.entry("05.311", c(32.85, -6.90)),
            Map.entry("06.141", c(33.57, -7.60)), Map.entry("06.141.01.00", c(33.59, -7.63)),
            Map.entry("06.141.01.10", c(33.57, -7.60)), Map.entry("06.141.01.20", c(33.60, -7.53)),
            Map.entry("06.141.01.30", c(33.55, -7.68)), Map.entry("06.141.01.40", c(33.53, -7.60)),
            Map.entry("06.141.01.50", c(33.60, -7.48)), Map.entry("06.141.01.60", c(33.55, -7.57)),
            Map.entry("06.141.01.70", c(33.54, -7.53)), Map.entry("06.371", c(33.68, -7.38)), Map.entry("06.181", c(33.10, -8.45)),
            Map.entry("06.385", c(33.40, -7.60)), Map.entry("06.355", c(33.45, -7.50)), Map.entry("06.111", c(33.60, -7.10)),
            Map.entry("06.117", c(33.25, -7.55)), Map.entry("06.461", c(33.00, -7.60)), Map.entry("06.467", c(32.65, -8.40)),
            Map.entry("07.351", c(31.63, -8.00)), Map.entry("07.161", c(31.50, -8.75)), Map.entry("07.041", c(31.25, -7.95)),
            Map.entry("07.191", c(32.05, -7.40)), Map.entry("07.211", c(31.40, -9.50)), Map.entry("07.427", c(32.25, -7.95)),
            Map.entry("07.431", c(32.30, -9.05)), Map.entry("07.585", c(32.25, -8.50)),
            Map.entry("08.201", c(31.90, -4.40)), Map.entry("08.401", c(30.95, -6.90)), Map.entry("08.363", c(32.65, -4.75)),
            Map.entry("08.577", c(31.50, -5.55)), Map.entry("08.587", c(30.35, -5.85)),
            Map.entry("09.001", c(30.50, -9.50)), Map.entry("09.273", c(30.35, -9.52)), Map.entry("09.163", c(30.05, -9.30)),
            Map.entry("09.541", c(30.50, -8.60)), Map.entry("09.581", c(29.70, -9.70)), Map.entry("09.551", c(29.75, -7.95)),
            Map.entry("10.261", c(28.98, -10.05)), Map.entry("10.071", c(28.40, -9.20)), Map.entry("10.521", c(28.40, -11.00)),
            Map.entry("10.473", c(29.40, -10.15)),
            Map.entry("11.321", c(27.15, -13.20)), Map.entry("11.121", c(26.13, -14.48)), Map.entry("11.537", c(27.94, -12.90)),
            Map.entry("11.221", c(26.74, -11.67)),
            Map.entry("12.391", c(23.70, -15.93)), Map.entry("12.066", c(22.55, -14.35)));
}
