package ma.essp.diag.app.complaints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.complaints.ComplaintFigures.UnitRow;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Summary;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.jooq.DSLContext;

/**
 * The complaint dashboard: the figures of {@link ComplaintFigures} (the report's and {@code essp-diag figures}'),
 * drilled down region → province → circonscription → ESSP (double-click a unit, "up" goes back), with the deadline
 * shares by category of the unit drilled into (the nation at the top). Loaded and recomputed in the background.
 */
public final class ComplaintDashboardViewModel {

    /** One unit as the table shows it: every share with its n. */
    public record Line(UnitRow unit, String name, String essps, String maturity, String samples, String acknowledged,
                       String answered, String late, String medianClose) {
    }

    /** The deadline shares of one category, in percent (null: no figure). */
    public record CategoryBar(String category, Double acknowledged, Double answered) {
    }

    private final DSLContext dsl;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<CategoryBar> categories = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canGoUp = new ReadOnlyBooleanWrapper(this, "canGoUp", false);

    /** The units drilled into, from the nation down. */
    private final List<UnitRow> path = new ArrayList<>();
    private Map<AggregationLevel, List<UnitRow>> figures;
    private ComplaintDeadlines deadlines = ComplaintDeadlines.DEFAULT;
    private LocalDate asOf;

    public ComplaintDashboardViewModel(DSLContext dsl, TaskExecutor executor, I18n i18n) {
        this.dsl = dsl;
        this.executor = executor;
        this.i18n = i18n;
    }

    private record Loaded(ComplaintDeadlines deadlines, LocalDate asOf, Map<AggregationLevel, List<UnitRow>> figures) {
    }

    /** (Re)loads the mission's figures as of its as-of date (today without one), keeping the drill-down path. */
    public void load() {
        executor.execute(BackgroundTask.wrap(() -> compute(dsl))
                .onSuccess(l -> {
                    deadlines = l.deadlines();
                    asOf = l.asOf();
                    figures = l.figures();
                    error.set("");
                    show();
                })
                .onFailure(e -> error.set(i18n.get("complaints.error", Failures.reason(e, i18n)))));
    }

    private static Loaded compute(DSLContext dsl) {
        ReportSourceData source = new ReportSourceRepository(dsl).load();
        ComplaintDeadlines d = ComplaintDeadlines.ofMission(dsl);
        LocalDate asOf = asOf(source);
        Map<AggregationLevel, List<UnitRow>> all = new EnumMap<>(AggregationLevel.class);
        for (AggregationLevel level : AggregationLevel.values()) {
            all.put(level, ComplaintFigures.byLevel(source, level, d, asOf));
        }
        return new Loaded(d, asOf, all);
    }

    /** The date the dashboard's figures stand for: the mission's as-of date, else today (as the report). */
    public static LocalDate asOf(ReportSourceData source) {
        return source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();
    }

    /** Shows the units inside {@code line}'s unit; an ESSP has none. */
    public void drill(Line line) {
        if (line == null || line.unit().level() == AggregationLevel.ESSP) {
            return;
        }
        path.add(line.unit());
        show();
    }

    public void up() {
        if (!path.isEmpty()) {
            path.removeLast();
            show();
        }
    }

    private void show() {
        if (figures == null) {
            return;
        }
        UnitRow parent = path.isEmpty() ? figures.get(AggregationLevel.NATIONAL).getFirst() : path.getLast();
        AggregationLevel childLevel = switch (parent.level()) {
            case NATIONAL -> AggregationLevel.REGION;
            case REGION -> AggregationLevel.PROVINCE;
            case PROVINCE -> AggregationLevel.CIRCONSCRIPTION;
            default -> AggregationLevel.ESSP;
        };
        lines.setAll(figures.get(childLevel).stream().filter(u -> parent.code().equals(u.parentCode()))
                .map(this::line).toList());
        List<CategoryBar> bars = new ArrayList<>();
        parent.report().byCategory().forEach((code, s) -> bars.add(new CategoryBar(
                i18n.code(Vocabulary.COMPLAINT_CATEGORY, code), percent(s.shareAcknowledgedInTime()), percent(s.shareAnsweredInTime()))));
        categories.setAll(bars);
        StringBuilder t = new StringBuilder(i18n.get("complaints.dashboard.national"));
        for (UnitRow u : path) {
            t.append(" › ").append(i18n.localName(u.nameFr(), u.nameAr()));
        }
        title.set(t.toString());
        Line p = line(parent);
        summary.set(i18n.get("complaints.dashboard.summary", i18n.formatDate(asOf), deadlines.acknowledgeDays(),
                deadlines.responseDays(), p.samples(), p.acknowledged(), p.answered(), p.late(), p.maturity()));
        canGoUp.set(!path.isEmpty());
    }

    private Line line(UnitRow u) {
        Summary s = u.report().total();
        return new Line(u, i18n.localName(u.nameFr(), u.nameAr()), i18n.formatNumber(u.essps()),
                u.maturity() == null ? "—" : i18n.get("complaints.figure.n", i18n.formatDecimal(u.maturity(), 0), u.systems()),
                i18n.formatNumber(s.samples()),
                share(s.shareAcknowledgedInTime(), s.acknowledgeDue()), share(s.shareAnsweredInTime(), s.answerDue()),
                share(s.shareLate(), s.samples()),
                s.medianDaysToClose() == null ? "—" : i18n.get("complaints.figure.n", i18n.formatDecimal(s.medianDaysToClose(), 1), s.closed()));
    }

    /** "62 % (n = 40)", or "—" without a denominator. */
    private String share(Double share, int n) {
        return share == null ? "—" : i18n.get("complaints.figure.share", i18n.formatDecimal(share * 100, 0), n);
    }

    private static Double percent(Double share) {
        return share == null ? null : share * 100;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ObservableList<CategoryBar> categories() {
        return categories;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoUpProperty() {
        return canGoUp.getReadOnlyProperty();
    }

    /** The figures of every level as last loaded (what the table shows is drawn from them); null before loading. */
    public Map<AggregationLevel, List<UnitRow>> figures() {
        return figures;
    }
}
