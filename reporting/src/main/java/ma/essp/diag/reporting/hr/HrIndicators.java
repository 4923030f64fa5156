package ma.essp.diag.reporting.hr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import ma.essp.diag.reporting.hr.HrFacts.Area;
import ma.essp.diag.reporting.hr.HrFacts.EsspFacts;
import ma.essp.diag.reporting.hr.HrFacts.StaffLine;

/**
 * Human-resources indicators per ESSP and aggregated by circonscription, province, region and nation: the one
 * definition that the HR screen, the report (workbook and PDF) and any other output use.
 *
 * <p>Definitions (stated here because the report quotes them):
 * <ul>
 * <li>A position is <b>in post</b> when a holder works in it: status {@code filled} (a civil servant) or
 * {@code contract} (a contractual holder). Not in post: {@code on_leave} — the status is recorded for a leave long
 * enough to change the post's state (maternity, sickness, long training), not for a day off, so the worker does not
 * serve the population meanwhile; {@code seconded} — the holder works in another structure, where counting them too
 * would count them twice. A <b>vacancy</b> is a position with status {@code vacant}.</li>
 * <li><b>Core health workers</b> are the cadres flagged {@code core_health_worker} (physicians, nurses, midwives);
 * they are counted in FTE of positions in post.</li>
 * <li><b>Density</b> ({@link #density}) = core FTE in post × 10,000 / the census population of the unit: the 2024
 * census (RGPH) of a region or province, the recorded population of a circonscription (its communes), the sum of the
 * regions for the nation. An ESSP has no census population: its density uses its population served. Compared with
 * the WHO threshold {@link #WHO_CORE_PER_10K}. The staff are those of the ESSPs (primary care), not of hospitals.</li>
 * <li><b>Without a doctor</b>: a health centre (level 1 or 2; not a dispensary, not a related structure) with no
 * doctor FTE in post. <b>Without a midwife</b>: an ESSP that has a delivery unit (by category, or recorded) with no
 * midwife FTE in post.</li>
 * </ul>
 */
public final class HrIndicators {

    /** WHO 2006 threshold of doctors, nurses and midwives per 10,000 population (22.8, rounded to 23 in use). */
    public static final double WHO_CORE_PER_10K = 23.0;
    public static final Set<String> IN_POST = Set.of("filled", "contract");
    public static final String VACANT = "vacant";
    public static final Set<String> DOCTOR_CADRES = Set.of("doctor_gp", "doctor_specialist");
    public static final String MIDWIFE_CADRE = "midwife";

    public enum Level { ESSP, CIRCONSCRIPTION, PROVINCE, REGION, NATIONAL }

    /** In-post positions and FTE, and vacant positions and FTE, of one cadre. */
    public record CadreFigures(int positionsInPost, double fteInPost, int vacantPositions, double vacantFte) {
        static final CadreFigures NONE = new CadreFigures(0, 0, 0, 0);

        CadreFigures plus(CadreFigures o) {
            return new CadreFigures(positionsInPost + o.positionsInPost, fteInPost + o.fteInPost,
                    vacantPositions + o.vacantPositions, vacantFte + o.vacantFte);
        }
    }

    /** Core health workers (FTE) per 10,000 inhabitants of {@code population}; null without a population. */
    public static Double density(double coreFte, Long population) {
        return population == null || population <= 0 ? null : coreFte * 10_000 / population;
    }

    /**
     * The figures of one ESSP or area. {@code densityPopulation} is the denominator of {@code corePer10k} (census
     * population of an area, population served of an ESSP); {@code corePer10k} is null without it. For an ESSP,
     * {@code withoutDoctor}/{@code withoutMidwife} are 0 or 1.
     */
    public record Figures(Level level, int id, String code, String nameFr, String nameAr, int essps,
                          Map<String, CadreFigures> byCadre, double coreFte,
                          long populationServed, int esspsWithoutPopulation, Long censusPopulation, Long densityPopulation,
                          Double corePer10k, int vacantPositions, double vacantFte,
                          int doctorExpected, int withoutDoctor, int deliveryUnits, int withoutMidwife) {

        /** Whether the density reaches the WHO threshold; false when it cannot be computed. */
        public boolean meetsWhoThreshold() {
            return corePer10k != null && corePer10k >= WHO_CORE_PER_10K;
        }

        public double fteInPost() {
            return byCadre.values().stream().mapToDouble(CadreFigures::fteInPost).sum();
        }
    }

    public record Report(List<Figures> essps, List<Figures> circonscriptions, List<Figures> provinces, List<Figures> regions,
                         Figures national, List<HrFacts.Cadre> cadres) {
    }

    public Report compute(HrFacts facts) {
        List<Figures> essps = new ArrayList<>();
        Map<String, Boolean> core = new LinkedHashMap<>();
        facts.cadres().values().forEach(c -> core.put(c.code(), c.coreHealthWorker()));
        for (EsspFacts e : facts.essps()) {
            essps.add(ofEssp(e, core));
        }
        List<HrFacts.Cadre> cadres = facts.cadres().values().stream().sorted(Comparator.comparingInt(HrFacts.Cadre::sortOrder)).toList();
        Area nation = new Area(0, "MA", "Maroc", "المغرب", facts.nationCensusPopulation());
        return new Report(essps,
                aggregate(Level.CIRCONSCRIPTION, facts.essps(), essps, EsspFacts::circonscription),
                aggregate(Level.PROVINCE, facts.essps(), essps, EsspFacts::province),
                aggregate(Level.REGION, facts.essps(), essps, EsspFacts::region),
                aggregate(Level.NATIONAL, facts.essps(), essps, e -> nation).stream().findFirst()
                        .orElse(sum(Level.NATIONAL, nation, List.of())),
                cadres);
    }

    private static Figures ofEssp(EsspFacts e, Map<String, Boolean> core) {
        Map<String, CadreFigures> byCadre = new LinkedHashMap<>();
        for (StaffLine s : e.staff()) {
            CadreFigures f;
            if (IN_POST.contains(s.status())) {
                f = new CadreFigures(s.positions(), s.fte(), 0, 0);
            } else if (VACANT.equals(s.status())) {
                f = new CadreFigures(0, 0, s.positions(), s.fte());
            } else {
                continue;
            }
            byCadre.merge(s.cadreCode(), f, CadreFigures::plus);
        }
        double coreFte = byCadre.entrySet().stream().filter(x -> core.getOrDefault(x.getKey(), false))
                .mapToDouble(x -> x.getValue().fteInPost()).sum();
        double doctors = byCadre.entrySet().stream().filter(x -> DOCTOR_CADRES.contains(x.getKey()))
                .mapToDouble(x -> x.getValue().fteInPost()).sum();
        double midwives = byCadre.getOrDefault(MIDWIFE_CADRE, CadreFigures.NONE).fteInPost();
        boolean hasPopulation = e.populationServed() != null && e.populationServed() > 0;
        long population = hasPopulation ? e.populationServed() : 0;
        int vacant = byCadre.values().stream().mapToInt(CadreFigures::vacantPositions).sum();
        double vacantFte = byCadre.values().stream().mapToDouble(CadreFigures::vacantFte).sum();
        Long densityPopulation = hasPopulation ? population : null;
        return new Figures(Level.ESSP, e.id(), e.code(), e.nameFr(), null, 1, byCadre, coreFte,
                population, hasPopulation ? 0 : 1, null, densityPopulation, density(coreFte, densityPopulation),
                vacant, vacantFte,
                e.doctorExpected() ? 1 : 0, e.doctorExpected() && doctors <= 0 ? 1 : 0,
                e.deliveryUnit() ? 1 : 0, e.deliveryUnit() && midwives <= 0 ? 1 : 0);
    }

    private static List<Figures> aggregate(Level level, List<EsspFacts> facts, List<Figures> essps, Function<EsspFacts, Area> areaOf) {
        Map<Integer, Area> areas = new LinkedHashMap<>();
        Map<Integer, List<Figures>> members = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            Area a = areaOf.apply(facts.get(i));
            areas.putIfAbsent(a.id(), a);
            members.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(essps.get(i));
        }
        List<Figures> out = new ArrayList<>();
        members.forEach((id, list) -> out.add(sum(level, areas.get(id), list)));
        out.sort(Comparator.comparing(Figures::code));
        return out;
    }

    private static Figures sum(Level level, Area area, List<Figures> essps) {
        Map<String, CadreFigures> byCadre = new LinkedHashMap<>();
        double coreFte = 0;
        long population = 0;
        int withoutPopulation = 0;
        int vacant = 0;
        double vacantFte = 0;
        int doctorExpected = 0;
        int withoutDoctor = 0;
        int deliveryUnits = 0;
        int withoutMidwife = 0;
        for (Figures e : essps) {
            e.byCadre().forEach((k, v) -> byCadre.merge(k, v, CadreFigures::plus));
            coreFte += e.coreFte();
            population += e.populationServed();
            withoutPopulation += e.esspsWithoutPopulation();
            vacant += e.vacantPositions();
            vacantFte += e.vacantFte();
            doctorExpected += e.doctorExpected();
            withoutDoctor += e.withoutDoctor();
            deliveryUnits += e.deliveryUnits();
            withoutMidwife += e.withoutMidwife();
        }
        return new Figures(level, area.id(), area.code(), area.nameFr(), area.nameAr(), essps.size(), byCadre, coreFte,
                population, withoutPopulation, area.censusPopulation(), area.censusPopulation(),
                density(coreFte, area.censusPopulation()), vacant, vacantFte,
                doctorExpected, withoutDoctor, deliveryUnits, withoutMidwife);
    }
}
