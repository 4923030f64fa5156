package ma.essp.diag.reporting.readiness;

/** How the ESSP scores of a unit are averaged. Always shown next to the figures. */
public enum Weighting {
    /** Plain mean over ESSPs, the SARA default. */
    UNWEIGHTED("unweighted"),
    /**
     * Mean weighted by {@code essp.population_served}; ESSPs without a population (or with 0) are left out of
     * the weighted figures and of their n.
     */
    POPULATION("population_weighted");

    private final String code;

    Weighting(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
