package ma.essp.diag.reporting.catalogue;

import java.util.List;

/** A workbook that cannot be imported, with every problem found (nothing was written). */
public final class CatalogueImportException extends Exception {

    private final transient List<CatalogueImportProblem> problems;

    public CatalogueImportException(List<CatalogueImportProblem> problems) {
        this(problems, null);
    }

    /** {@code cause}: what the workbook library said, for the log only (never shown to the user). */
    public CatalogueImportException(List<CatalogueImportProblem> problems, Throwable cause) {
        super(problems.size() + " problem(s); first: " + problems.getFirst(), cause);
        this.problems = List.copyOf(problems);
    }

    public List<CatalogueImportProblem> problems() {
        return problems;
    }
}
