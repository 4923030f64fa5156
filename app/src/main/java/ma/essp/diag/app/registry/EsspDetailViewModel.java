package ma.essp.diag.app.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
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
import ma.essp.diag.database.code.SchemaLabels;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.EsspDetailRepository;
import ma.essp.diag.database.repository.EsspDetailRepository.EsspDetail;
import ma.essp.diag.database.repository.StaffRepository.StoredPosition;
import ma.essp.diag.database.repository.StructureRepository.Authority;
import ma.essp.diag.database.repository.StructureRepository.Structure;
import ma.essp.diag.database.repository.StructureRepository.TerritoryChain;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintIndicators;
import ma.essp.diag.reporting.complaints.ComplaintMaturity;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowIndicators;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * The ESSP detail page: identity, the territory chain up to the GST with its takeover date and who runs the region
 * today, staff, latest assessment, complaints system and samples, supervision visits and findings. Read in one
 * background call.
 */
public final class EsspDetailViewModel {

    /** One line of a section: label and value, both translated. */
    public record Line(String label, String value) {
    }

    private final EsspDetailRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<LocalDate> today;
    private int requested;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ObservableList<Line> identity = FXCollections.observableArrayList();
    private final ObservableList<Line> chain = FXCollections.observableArrayList();
    private final ObservableList<Line> staff = FXCollections.observableArrayList();
    private final ObservableList<Line> activity = FXCollections.observableArrayList();
    private final ObservableList<Line> history = FXCollections.observableArrayList();
    private final ma.essp.diag.database.repository.AuditRepository audit;

    /** The most recent changes of the ESSP (and of what belongs to it) the page lists. */
    public static final int HISTORY = 30;

    public EsspDetailViewModel(EsspDetailRepository repository, TaskExecutor executor, I18n i18n, Supplier<LocalDate> today) {
        this(repository, null, executor, i18n, today);
    }

    /** @param audit where the ESSP's history is read (null: the page shows none) */
    public EsspDetailViewModel(EsspDetailRepository repository, ma.essp.diag.database.repository.AuditRepository audit,
                               TaskExecutor executor, I18n i18n, Supplier<LocalDate> today) {
        this.audit = audit;
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.today = today;
        title.set(i18n.get("registry.detail.none"));
    }

    public void load(int esspId) {
        LocalDate date = today.get();
        requested = esspId;
        executor.execute(BackgroundTask.wrap(() -> new Loaded(repository.load(esspId, date).orElseThrow(), audit == null ? List.of()
                        : audit.page(new ma.essp.diag.database.repository.AuditRepository.Filter(null, null, null, esspId, null), null, HISTORY)))
                .onRunning(() -> error.set(""))
                .onSuccess(loaded -> {
                    if (requested == esspId) { // the user may have moved on to another ESSP
                        show(loaded.detail());
                        history.setAll(loaded.history().stream().map(this::historyLine).toList());
                    }
                })
                .onFailure(e -> error.set(i18n.get("registry.detail.error", Failures.reason(e, i18n)))));
    }

    private record Loaded(EsspDetail detail, List<ma.essp.diag.database.repository.AuditRepository.Entry> history) {
    }

    /** One change: when and who as the label; the table and field, old → new (or what happened to the row) as the value. */
    private Line historyLine(ma.essp.diag.database.repository.AuditRepository.Entry e) {
        String when;
        try {
            java.time.ZonedDateTime local = java.time.Instant.parse(e.at()).atZone(java.time.ZoneId.systemDefault());
            when = i18n.formatDate(local.toLocalDate()) + " " + local.toLocalTime().withNano(0);
        } catch (java.time.format.DateTimeParseException ex) {
            when = e.at();
        }
        String what = e.field() == null
                ? i18n.get("registry.history.row", SchemaLabels.table(e.table(), i18n.locale()), i18n.get(switch (e.action()) {
                    case "insert" -> "registry.history.insert";
                    case "delete" -> "registry.history.delete";
                    case "restore" -> "registry.history.restore";
                    default -> "registry.history.update";
                }))
                : i18n.get("registry.history.field", SchemaLabels.table(e.table(), i18n.locale()), SchemaLabels.field(e.table(), e.field(), i18n.locale()), e.oldValue() == null ? "∅" : e.oldValue(),
                        e.newValue() == null ? "∅" : e.newValue());
        return new Line(when + " · " + e.memberName(), what);
    }

    void show(EsspDetail d) {
        var v = d.essp().values();
        // the title label wraps
        title.set(i18n.wrappable(i18n.codeAndName(v.code(), i18n.localName(v.nameFr(), v.nameAr()))));
        List<Line> id = new ArrayList<>();
        id.add(new Line(i18n.get("registry.form.category"), d.categoryCode()));
        id.add(new Line(i18n.get("registry.form.milieu"), i18n.code(Vocabulary.MILIEU, v.milieu())));
        id.add(new Line(i18n.get("registry.form.functionality"), functionality(v.functionality())
                + (v.functionalityReason() == null ? "" : " (" + v.functionalityReason() + ")")));
        id.add(new Line(i18n.get("registry.form.population"), v.populationServed() == null ? "—" : i18n.formatNumber(v.populationServed())));
        id.add(new Line(i18n.get("registry.detail.coordinates"), v.latitude() == null ? "—" : v.latitude() + ", " + v.longitude()));
        id.add(new Line(i18n.get("registry.detail.version"), i18n.get("registry.detail.versionValue", d.essp().version(),
                d.updatedByName(), d.essp().updatedAt())));
        identity.setAll(id);

        TerritoryChain c = d.chain();
        List<Line> ch = new ArrayList<>();
        ch.add(new Line(i18n.get("registry.form.circonscription"), i18n.localName(c.circonscriptionFr(), c.circonscriptionAr())));
        ch.add(new Line(i18n.get("registry.detail.delegation"), c.delegation().map(this::name).orElse(i18n.get("registry.detail.unknown"))
                + " (" + i18n.localName(c.provinceFr(), c.provinceAr()) + ")"));
        ch.add(new Line(i18n.get("registry.detail.drs"), c.drs().map(this::name).orElse(i18n.get("registry.detail.unknown"))));
        ch.add(new Line(i18n.get("registry.detail.sres"), c.sres().map(this::name).orElse(i18n.get("registry.detail.unknown"))));
        ch.add(new Line(i18n.get("registry.detail.gst"), c.gst().map(g -> name(g) + " — " + (g.takeoverOn() == null
                ? i18n.get("registry.detail.takeoverUnknown") : i18n.get("registry.detail.takeoverOn", date(g.takeoverOn()))))
                .orElse(i18n.get("registry.detail.unknown"))));
        ch.add(new Line(i18n.get("registry.detail.authority"), c.authorityToday() == Authority.GST
                ? i18n.get("registry.detail.authority.gst") : i18n.get("registry.detail.authority.drs")));
        chain.setAll(ch);

        List<Line> st = new ArrayList<>();
        for (StoredPosition p : d.staff()) {
            var s = p.values();
            var cadre = d.cadres().get(s.cadreCode());
            String cadreLabel = cadre == null ? s.cadreCode() : switch (i18n.locale().getLanguage()) {
                case "ar" -> cadre.labelAr();
                case "en" -> cadre.labelEn();
                default -> cadre.labelFr();
            };
            st.add(new Line(cadreLabel, i18n.get("registry.detail.staffLine", statusLabel(s.status()), s.fte(),
                    Objects.toString(s.holderName(), "—"))));
        }
        if (st.isEmpty()) {
            st.add(new Line(i18n.get("registry.detail.staff"), i18n.get("registry.detail.noStaff")));
        }
        staff.setAll(st);

        List<Line> act = new ArrayList<>();
        act.add(new Line(i18n.get("registry.detail.assessment"), d.latestAssessment()
                .map(a -> i18n.get("registry.detail.assessmentValue", date(a.assessedOn()),
                        i18n.code(Vocabulary.ASSESSMENT_STATUS, a.status()),
                        Objects.toString(a.assessor(), "—")))
                .orElse(i18n.get("registry.detail.noAssessment"))));
        act.add(new Line(i18n.get("registry.detail.complaints"), d.complaints()
                .map(k -> i18n.get("registry.detail.complaintsValue",
                        String.join(", ", k.channels().stream().map(this::channel).toList()), k.registerKept() ? "✓" : "✗",
                        k.samples()))
                .orElse(i18n.get("registry.detail.noComplaints"))));
        figures(d, act);
        act.add(new Line(i18n.get("registry.detail.visits"), d.visits().isEmpty() ? "—" : i18n.get("registry.detail.visitsValue",
                d.visits().size(), date(d.visits().getFirst().visitedOn()))));
        for (var f : d.findings()) {
            act.add(new Line(i18n.get("registry.detail.finding", f.axis()), findingKind(f.kind()) + " · " + f.title()));
        }
        activity.setAll(act);
        loaded.set(true);
    }

    /**
     * The ESSP's data-flow line (reporting and on-time rates with their n, {@code DataFlowFigures.byUnit} at the ESSP
     * level) and complaint figures (maturity score, deadline shares and medians as of today, {@code ComplaintFigures}),
     * computed from the rows read for this ESSP alone.
     */
    private void figures(EsspDetail d, List<Line> act) {
        EsspDetailRepository.EsspFigures f = d.figures();
        DataFlowIndicators.Figures rates = DataFlowFigures.byUnit(f.flows(), AggregationLevel.ESSP, DataVerification.Band.DEFAULT)
                .stream().filter(r -> r.unit().id() == d.essp().id()).findFirst().map(DataFlowFigures.UnitRow::rates)
                .orElse(DataFlowIndicators.Figures.NONE);
        act.add(new Line(i18n.get("registry.detail.dataflows"), rates.observations() == 0 ? i18n.get("registry.detail.noDataflows")
                : i18n.get("registry.detail.dataflowsValue", i18n.formatShare(rates.completeness(), rates.expected()),
                        i18n.formatShare(rates.timeliness(), rates.onTimeKnown()), rates.observations())));
        LocalDate asOf = today.get();
        ComplaintIndicators.Summary s = ComplaintIndicators.compute(f.complaintSystem().stream().toList(), f.complaintSamples(),
                ComplaintDeadlines.of(f.settings()), asOf).total();
        String maturity = f.complaintSystem().map(c -> ComplaintMaturity.score(c).total() + "/100")
                .orElse("—");
        act.add(new Line(i18n.get("registry.detail.complaintFigures"), i18n.get("registry.detail.complaintFiguresValue", maturity,
                i18n.formatShare(s.shareAcknowledgedInTime(), s.acknowledgeDue()),
                i18n.formatShare(s.shareAnsweredInTime(), s.answerDue()),
                median(s.medianDaysToAcknowledge(), s.acknowledged()), median(s.medianDaysToClose(), s.closed()),
                i18n.formatShare(s.shareLate(), s.samples()), date(asOf))));
    }

    private String median(Double days, int n) {
        return days == null ? "—" : i18n.get("complaints.figure.n", i18n.formatDecimal(days, 1), n);
    }

    private String statusLabel(String status) {
        return i18n.code(Vocabulary.STAFF_STATUS, status);
    }

    private String channel(String code) {
        return i18n.code(Vocabulary.COMPLAINT_CHANNEL, code);
    }

    private String findingKind(String kind) {
        return i18n.code(Vocabulary.FINDING_KIND, kind);
    }

    private String name(Structure s) {
        return i18n.localName(s.nameFr(), s.nameAr());
    }

    private String functionality(String code) {
        return i18n.code(Vocabulary.FUNCTIONALITY, code);
    }

    private String date(LocalDate d) {
        return d == null ? "—" : i18n.formatDate(d);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<Line> identity() {
        return identity;
    }

    public ObservableList<Line> chain() {
        return chain;
    }

    public ObservableList<Line> staff() {
        return staff;
    }

    public ObservableList<Line> history() {
        return history;
    }

    public ObservableList<Line> activity() {
        return activity;
    }
}
