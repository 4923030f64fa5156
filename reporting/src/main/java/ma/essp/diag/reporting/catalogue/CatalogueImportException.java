package ma.essp.diag.reporting.catalogue;

import java.util.List;

/** A workbook that cannot be imported, with every problem found (nothing was written). */
public final class CatalogueImportException extends Exception {

    private final transient List<CatalogueImportProblem> problems;

    public CatalogueImportException(List<CatalogueImportProblem> problems) {
        super(problems.size() + " problem(s); first: " + problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    public List<CatalogueImportProblem> problems() {
        return problems;
    }
}
