package ma.essp.diag.app.complaints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FormBaseline;
import ma.essp.diag.database.repository.MissionSettingsRepository;
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

    /**
     * One unit as the table shows it: every share with its n; {@code own} the maturity of the unit's own complaint
     * system (a province's délégation, a region's GST; "—" when not recorded, "" at the other levels).
     */
    public record Line(UnitRow unit, String name, String essps, String maturity, String own, String samples, String acknowledged,
                       String answered, String late, String medianClose) {
    }

    /** The deadline shares of one category, in percent (null: no figure). */
    public record CategoryBar(String category, Double acknowledged, Double answered) {
    }

    private final DSLContext dsl;
    private final MissionSettingsRepository settings;
    private final EditHistory history;
    private final TaskExecutor executor;
    private final I18n i18n;
    // the deadlines as typed (mission settings complaints.acknowledge_days / response_days)
    private final StringProperty acknowledgeDays = new SimpleStringProperty(this, "acknowledgeDays", "");
    private final StringProperty responseDays = new SimpleStringProperty(this, "responseDays", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper ownShown = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "ownShown");
    private final ReadOnlyStringWrapper deadlinesError = new ReadOnlyStringWrapper(this, "deadlinesError", "");
    private final ReadOnlyStringWrapper deadlinesStatus = new ReadOnlyStringWrapper(this, "deadlinesStatus", "");
    private final FormBaseline deadlinesBaseline = new FormBaseline(List.of(acknowledgeDays, responseDays));

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

    /** A dashboard that only reads (the deadlines shown, not editable). */
    public ComplaintDashboardViewModel(DSLContext dsl, TaskExecutor executor, I18n i18n) {
        this(dsl, null, null, executor, i18n);
    }

    /**
     * @param settings the mission's settings, where {@link #saveDeadlines} writes
     * @param history  the screen's undo history (the entry's), where a deadline change is recorded
     */
    public ComplaintDashboardViewModel(DSLContext dsl, MissionSettingsRepository settings, EditHistory history, TaskExecutor executor,
                                       I18n i18n) {
        this.dsl = dsl;
        this.settings = settings;
        this.history = history;
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
                    acknowledgeDays.set(Integer.toString(deadlines.acknowledgeDays()));
                    responseDays.set(Integer.toString(deadlines.responseDays()));
                    deadlinesBaseline.mark();
                    deadlinesError.set("");
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
        ownShown.set(childLevel == AggregationLevel.PROVINCE || childLevel == AggregationLevel.REGION);
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
                u.level() != AggregationLevel.PROVINCE && u.level() != AggregationLevel.REGION ? ""
                        : u.ownMaturity() == null ? "—" : i18n.get("complaints.figure.score", u.ownMaturity()),
                i18n.formatNumber(s.samples()),
                i18n.formatShare(s.shareAcknowledgedInTime(), s.acknowledgeDue()),
                i18n.formatShare(s.shareAnsweredInTime(), s.answerDue()),
                i18n.formatShare(s.shareLate(), s.samples()),
                s.medianDaysToClose() == null ? "—" : i18n.get("complaints.figure.n", i18n.formatDecimal(s.medianDaysToClose(), 1), s.closed()));
    }

    /** A share (0..1) in percent; null stays null. */
    private static Double percent(Double share) {
        return share == null ? null : share * 100;
    }

    /**
     * Checks the typed deadlines (whole numbers of days, 1 to {@value ComplaintDeadlines#MAX_DAYS},
     * {@link ComplaintDeadlines#settable}) and saves both as mission settings; the figures are then computed again.
     * False, nothing saved, when refused. Edit &gt; Undo puts the previous settings back (none: the default again).
     */
    public boolean saveDeadlines() {
        deadlinesError.set("");
        deadlinesStatus.set("");
        if (settings == null || history == null) {
            return false;
        }
        Integer ack = days(acknowledgeDays.get());
        Integer response = days(responseDays.get());
        if (ack == null || response == null) {
            deadlinesError.set(i18n.get("complaints.deadlines.invalid", i18n.formatNumber(ComplaintDeadlines.MAX_DAYS)));
            deadlinesStatus.set(i18n.get("complaints.deadlines.not_saved"));
            return false;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(ComplaintDeadlines.ACKNOWLEDGE_KEY, Integer.toString(ack));
        wanted.put(ComplaintDeadlines.RESPONSE_KEY, Integer.toString(response));
        String what = i18n.get("complaints.undo.deadlines", ack, response);
        executor.execute(BackgroundTask.wrap(() -> {
                    Map<String, String> all = settings.all();
                    Map<String, String> before = new LinkedHashMap<>();
                    wanted.keySet().forEach(k -> before.put(k, all.get(k)));
                    return putSettings(wanted, before).apply();
                })
                .onSuccess(inverse -> {
                    history.record(what, inverse);
                    deadlinesStatus.set(i18n.get("complaints.deadlines.saved"));
                    load();
                })
                .onFailure(e -> deadlinesStatus.set(i18n.get("complaints.error", Failures.reason(e, i18n)))));
        return true;
    }

    /** A typed deadline: null when not a whole number of days that may be set. */
    private static Integer days(String text) {
        try {
            int d = Integer.parseInt(text == null ? "" : text.strip());
            return ComplaintDeadlines.settable(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Writes {@code values} (a null value: back to the default) over the settings; its inverse writes {@code back}. */
    private EditHistory.Inverse putSettings(Map<String, String> values, Map<String, String> back) {
        return () -> {
            values.forEach((key, value) -> {
                if (value == null) {
                    settings.clear(key);
                } else {
                    settings.set(key, value);
                }
            });
            return putSettings(back, values);
        };
    }

    /** Whether the deadlines can be changed here (a dashboard given the settings and the undo history). */
    public boolean editable() {
        return settings != null && history != null;
    }

    public StringProperty acknowledgeDaysProperty() {
        return acknowledgeDays;
    }

    public StringProperty responseDaysProperty() {
        return responseDays;
    }

    public ReadOnlyStringProperty deadlinesErrorProperty() {
        return deadlinesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deadlinesStatusProperty() {
        return deadlinesStatus.getReadOnlyProperty();
    }

    /** True while the typed deadlines differ from those shown. */
    public ReadOnlyBooleanProperty deadlinesChangedProperty() {
        return deadlinesBaseline.changedProperty();
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

    /** Whether the table lists regions or provinces: the units with a system of their own (GST, délégation). */
    public javafx.beans.property.ReadOnlyBooleanProperty ownShownProperty() {
        return ownShown.getReadOnlyProperty();
    }
}
