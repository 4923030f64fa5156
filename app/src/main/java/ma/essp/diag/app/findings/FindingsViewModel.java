package ma.essp.diag.app.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.FormBaseline;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.database.repository.FindingRepository.EvidenceDraft;
import ma.essp.diag.database.repository.FindingRepository.FindingDraft;
import ma.essp.diag.database.repository.FindingRepository.RecommendationDraft;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.rules.RecommendationRules;
import ma.essp.diag.reporting.findings.FindingProposals;
import ma.essp.diag.reporting.findings.FindingsFigures;
import ma.essp.diag.reporting.findings.FindingsFigures.EvidenceFigure;
import ma.essp.diag.reporting.findings.FindingsFigures.FindingFigures;
import ma.essp.diag.reporting.findings.ReadinessEvidence;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * The "Constats et recommandations" area: the SWOT board (four quadrants of the findings that pass the filters by
 * axis, scope, author and priority; a finding moved to another quadrant changes its kind through the one writer),
 * the finding editor with its evidence links (a unit's readiness figure, stored with its value now and shown beside
 * its current value when they differ; a document reference), the recommendations answering one or more findings,
 * and the proposed findings (drafts the team accepts, edits or discards). Everything is read and written in the
 * background; the figures come from {@link FindingsFigures}, as in the report and {@code essp-diag figures}.
 */
public final class FindingsViewModel {

    /** The tables whose rows the undo history follows. */
    private static final String FINDINGS = "finding";
    private static final String RECOMMENDATIONS = "recommendation";

    public static final List<String> KINDS = Vocabulary.FINDING_KIND.codes();

    /** A finding on the board. */
    public record Card(int id, int version, String kind, String title, String detail, boolean review) {

        @Override
        public String toString() {
            return title;
        }
    }

    /** An evidence link of the finding shown, worded. */
    public record EvidenceLine(int id, int version, String text, boolean review, boolean figure, Double currentValue) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** A recommendation in the list. */
    public record RecommendationLine(FindingRepository.Recommendation recommendation, String text, String detail) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** A finding a recommendation may answer, ticked or not. */
    public record FindingChoice(Card card, BooleanProperty chosen) {

        @Override
        public String toString() {
            return card.title();
        }
    }

    /** A proposed finding, worded. */
    public record Proposal(FindingProposals.Candidate draft, String title, String statement) {

        @Override
        public String toString() {
            return title;
        }
    }

    private final FindingRepository repository;
    private final Callable<FindingsFigures.Synthesis> loader;
    private final EditContext edit;
    private final TaskExecutor executor;
    private final I18n i18n;

    private FindingsFigures.Synthesis synthesis;

    // board and filters
    private final Map<String, ObservableList<Card>> quadrants = new LinkedHashMap<>();
    private final ObservableList<FilterChoice> axes = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> scopes = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> authors = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> priorities = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> axisFilter = new SimpleObjectProperty<>(this, "axisFilter");
    private final ObjectProperty<FilterChoice> scopeFilter = new SimpleObjectProperty<>(this, "scopeFilter");
    private final ObjectProperty<FilterChoice> authorFilter = new SimpleObjectProperty<>(this, "authorFilter");
    private final ObjectProperty<FilterChoice> priorityFilter = new SimpleObjectProperty<>(this, "priorityFilter");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** Whether the editors' pickers have the figures of the board shown (false while they are computed after a load). */
    private final ReadOnlyBooleanWrapper figuresReady = new ReadOnlyBooleanWrapper(this, "figuresReady");
    /** A card chosen while the figures were computed: shown in the editor once they are. */
    private Integer selectedMeanwhile;

    // finding editor
    private final ObjectProperty<Integer> findingId = new SimpleObjectProperty<>(this, "findingId");
    private int findingVersion;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty statement = new SimpleStringProperty(this, "statement", "");
    private final ObjectProperty<FilterChoice> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<FilterChoice> axis = new SimpleObjectProperty<>(this, "axis");
    private final ObjectProperty<FilterChoice> priority = new SimpleObjectProperty<>(this, "priority");
    private final ObjectProperty<FilterChoice> author = new SimpleObjectProperty<>(this, "author");
    private final ObjectProperty<LocalDate> writtenOn = new SimpleObjectProperty<>(this, "writtenOn");
    private final ObjectProperty<FilterChoice> scopeLevel = new SimpleObjectProperty<>(this, "scopeLevel");
    private final ObjectProperty<FilterChoice> scopeUnit = new SimpleObjectProperty<>(this, "scopeUnit");
    private final ObservableList<FilterChoice> scopeUnits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper titleMessage = new ReadOnlyStringWrapper(this, "titleMessage", "");
    private final ObservableList<EvidenceLine> evidence = FXCollections.observableArrayList();
    private final List<EvidenceDraft> pendingEvidence = new ArrayList<>();

    // evidence picker (also gives a recommendation's baseline)
    private final ObjectProperty<FilterChoice> figureLevel = new SimpleObjectProperty<>(this, "figureLevel");
    private final ObjectProperty<FilterChoice> figureUnit = new SimpleObjectProperty<>(this, "figureUnit");
    private final ObjectProperty<FilterChoice> figure = new SimpleObjectProperty<>(this, "figure");
    private final ObservableList<FilterChoice> levels = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> figureUnits = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> figures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper figureValue = new ReadOnlyStringWrapper(this, "figureValue", "");
    private final StringProperty document = new SimpleStringProperty(this, "document", "");
    private final ObservableList<FilterChoice> recordKinds = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> recordKind = new SimpleObjectProperty<>(this, "recordKind");
    private final ObservableList<FilterChoice> records = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> record = new SimpleObjectProperty<>(this, "record");

    // recommendations
    private final ObservableList<RecommendationLine> recommendations = FXCollections.observableArrayList();
    private final ObservableList<FindingChoice> findingChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FindingRepository.Recommendation> recommendation = new SimpleObjectProperty<>(this, "recommendation");
    private final StringProperty action = new SimpleStringProperty(this, "action", "");
    private final ObjectProperty<FilterChoice> responsibleLevel = new SimpleObjectProperty<>(this, "responsibleLevel");
    private final ObjectProperty<FilterChoice> recommendationPriority = new SimpleObjectProperty<>(this, "recommendationPriority");
    private final ObjectProperty<FilterChoice> horizon = new SimpleObjectProperty<>(this, "horizon");
    private final StringProperty cost = new SimpleStringProperty(this, "cost", "");
    private final StringProperty indicator = new SimpleStringProperty(this, "indicator", "");
    private final StringProperty baseline = new SimpleStringProperty(this, "baseline", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private String indicatorFigure;
    private String indicatorUnitLevel;
    private String indicatorUnitCode;
    private final ReadOnlyStringWrapper actionMessage = new ReadOnlyStringWrapper(this, "actionMessage", "");
    private final ReadOnlyStringWrapper costMessage = new ReadOnlyStringWrapper(this, "costMessage", "");
    private final ReadOnlyStringWrapper findingsMessage = new ReadOnlyStringWrapper(this, "findingsMessage", "");
    private final ReadOnlyStringWrapper numbersMessage = new ReadOnlyStringWrapper(this, "numbersMessage", "");

    // what the two editors last showed or saved, for the unsaved-changes question
    private final FormBaseline findingBaseline;
    private final FormBaseline recommendationBaseline;
    private final UnsavedChanges unsaved;
    private final EditHistory history;
    /** The finding shown as stored (what an edit of it is undone to); null for a new finding. */
    private FindingDraft shownDraft;

    // proposals
    private final ObjectProperty<FilterChoice> proposalLevel = new SimpleObjectProperty<>(this, "proposalLevel");
    private final ObservableList<Proposal> proposals = FXCollections.observableArrayList();

    public FindingsViewModel(FindingRepository repository, Callable<FindingsFigures.Synthesis> loader, EditContext edit,
                             TaskExecutor executor, I18n i18n) {
        this.repository = repository;
        this.loader = loader;
        this.edit = edit;
        this.executor = executor;
        this.i18n = i18n;
        KINDS.forEach(k -> quadrants.put(k, FXCollections.observableArrayList()));
        axes.add(FilterChoice.all(i18n.get("findings.filter.allAxes")));
        IntStream.rangeClosed(1, 7).forEach(a -> axes.add(axisChoice(a)));
        scopes.add(FilterChoice.all(i18n.get("findings.filter.allScopes")));
        scopes.addAll(FilterChoice.of(Vocabulary.SCOPE_LEVEL, i18n));
        priorities.add(FilterChoice.all(i18n.get("findings.filter.allPriorities")));
        priorities.addAll(FilterChoice.of(Vocabulary.PRIORITY, i18n));
        authors.add(FilterChoice.all(i18n.get("findings.filter.allAuthors")));
        axisFilter.set(axes.getFirst());
        scopeFilter.set(scopes.getFirst());
        priorityFilter.set(priorities.getFirst());
        authorFilter.set(authors.getFirst());
        for (ObjectProperty<FilterChoice> f : List.of(axisFilter, scopeFilter, priorityFilter, authorFilter)) {
            f.addListener((obs, old, now) -> fillBoard());
        }
        levels.setAll(FilterChoice.of(Vocabulary.SCOPE_LEVEL, i18n));
        scopeLevel.addListener((obs, old, now) -> fillUnits(now, scopeUnits, scopeUnit));
        figureLevel.addListener((obs, old, now) -> fillUnits(now, figureUnits, figureUnit));
        figureUnit.addListener((obs, old, now) -> showFigureValue());
        figure.addListener((obs, old, now) -> showFigureValue());
        proposalLevel.set(levels.stream().filter(l -> l.value().equals("essp")).findFirst().orElseThrow());
        recordKinds.setAll(List.of(new FilterChoice("essp", i18n.get("findings.evidence.table.essp")),
                new FilterChoice("data_flow", i18n.get("findings.evidence.table.data_flow")),
                new FilterChoice("complaint_system", i18n.get("findings.evidence.table.complaint_system")),
                new FilterChoice("perpetrator_care_site", i18n.get("findings.evidence.table.perpetrator_care_site"))));
        recordKind.addListener((obs, old, now) -> fillRecords(now));
        findingBaseline = new FormBaseline(List.of(title, statement, kind, axis, priority, author, writtenOn, scopeLevel, scopeUnit));
        recommendationBaseline = new FormBaseline(List.of(action, responsibleLevel, recommendationPriority, horizon, cost,
                indicator, baseline, target));
        unsaved = new Editors();
        history = new EditHistory(executor);
        history.setAfterUndo(this::load);
        clearFinding();
        clearRecommendation();
    }

    private FilterChoice axisChoice(int a) {
        return new FilterChoice(String.valueOf(a), i18n.get("findings.axis", a));
    }

    // ------------------------------------------------------------------ loading

    /**
     * Reads the board in the background and shows it (cards, filters, recommendations); then, unless the figures are
     * those already shown, computes in the background what the editors' pickers read (the mission's readiness, the
     * units of every level) and shows the editors (the finding shown stays shown). The board is usable at once; the
     * editors wait for the figures ({@link #figuresReadyProperty()}).
     */
    public void load() {
        loading.set(true);
        executor.execute(BackgroundTask.wrap(loader)
                .onSuccess(s -> {
                    boolean sameFigures = synthesis != null && synthesis.readiness() == s.readiness() && figuresReady.get();
                    synthesis = s;
                    FilterChoice chosen = authorFilter.get();
                    authors.setAll(authors.getFirst());
                    s.members().forEach(m -> authors.add(new FilterChoice(String.valueOf(m.id()), m.fullName())));
                    authorFilter.set(authors.stream().filter(a -> Objects.equals(a.value(), chosen == null ? null : chosen.value()))
                            .findFirst().orElse(authors.getFirst()));
                    fillBoard();
                    fillRecommendations();
                    if (sameFigures) {
                        showFigures(s);
                    } else {
                        figuresReady.set(false);
                        executor.executeNotAwaited(BackgroundTask.wrap(s.readiness()::prepare)
                                .onSuccess(r -> {
                                    if (synthesis == s) {
                                        showFigures(s);
                                    }
                                })
                                .onFailure(this::fail));
                    }
                })
                .onFailure(this::fail)
                .onFinished(() -> loading.set(false)));
    }

    /** Fills the editors' pickers from the figures of {@code s} (prepared) and shows the finding shown or chosen. */
    private void showFigures(FindingsFigures.Synthesis s) {
        // filling the pickers (the scope's units, the author of a new finding) is no edit of the user's
        boolean findingUntouched = !findingBaseline.isChanged();
        boolean recommendationUntouched = !recommendationBaseline.isChanged();
        figuresReady.set(true);
        figures.setAll(s.readiness().figures().stream().map(f -> new FilterChoice(f, figureLabel(f))).toList());
        if (figure.get() == null && !figures.isEmpty()) {
            figure.set(figures.getFirst());
        }
        if (figureLevel.get() == null) {
            figureLevel.set(levels.stream().filter(l -> l.value().equals("essp")).findFirst().orElseThrow());
        } else {
            fillUnits(figureLevel.get(), figureUnits, figureUnit);
        }
        fillUnits(scopeLevel.get(), scopeUnits, scopeUnit);
        Integer shown = selectedMeanwhile != null ? selectedMeanwhile : findingId.get();
        selectedMeanwhile = null;
        if (shown != null) {
            s.finding(shown).ifPresentOrElse(this::showFinding, this::clearFinding);
        } else if (author.get() == null) {
            author.set(me()); // a new finding is written by the member at the keyboard
        }
        if (findingUntouched) {
            findingBaseline.mark();
        }
        if (recommendationUntouched) {
            recommendationBaseline.mark();
        }
    }

    private void fillBoard() {
        quadrants.values().forEach(List::clear);
        if (synthesis == null) {
            return;
        }
        for (FindingFigures ff : synthesis.findings()) {
            FindingRepository.Finding f = ff.finding();
            if (!passes(axisFilter, String.valueOf(f.axis())) || !passes(scopeFilter, f.scopeLevel())
                    || !passes(priorityFilter, f.priority()) || !passes(authorFilter, Objects.toString(f.authorId(), ""))) {
                continue;
            }
            ObservableList<Card> quadrant = quadrants.get(f.kind());
            if (quadrant != null) {
                quadrant.add(card(ff));
            }
        }
        findingChoices.setAll(synthesis.findings().stream()
                .map(ff -> new FindingChoice(card(ff), new SimpleBooleanProperty(false))).toList());
        tickLinkedFindings();
    }

    private static boolean passes(ObjectProperty<FilterChoice> filter, String value) {
        return filter.get() == null || filter.get().isAll() || filter.get().value().equals(value);
    }

    private Card card(FindingFigures ff) {
        FindingRepository.Finding f = ff.finding();
        String detail = i18n.get("findings.axis", f.axis()) + " · " + i18n.code(Vocabulary.SCOPE_LEVEL, f.scopeLevel()) + " · "
                + i18n.code(Vocabulary.PRIORITY, f.priority())
                + (f.authorName() == null ? "" : " · " + f.authorName())
                + (ff.needsReview() ? " · " + i18n.get("findings.review") : "");
        return new Card(f.id(), f.version(), f.kind(), f.title(), detail, ff.needsReview());
    }

    private void fillRecommendations() {
        recommendations.setAll(synthesis.recommendations().stream()
                .sorted(FindingsFigures.BY_PRIORITY_AND_HORIZON)
                .map(r -> new RecommendationLine(r, r.action(), i18n.code(Vocabulary.PRIORITY, r.priority()) + " · "
                        + i18n.code(Vocabulary.HORIZON, r.horizon())
                        + (r.responsibleLevel() == null ? "" : " · " + i18n.code(Vocabulary.RESPONSIBLE_LEVEL, r.responsibleLevel()))
                        + (r.costMad() == null ? "" : " · " + i18n.get("findings.rec.costShown", i18n.formatDecimal(r.costMad(), 0)))
                        + " · " + i18n.get("findings.rec.answers", r.findingIds().size())))
                .toList());
    }

    private void fillUnits(FilterChoice level, ObservableList<FilterChoice> units, ObjectProperty<FilterChoice> unit) {
        String keep = unit.get() == null ? null : unit.get().value();
        units.clear();
        if (level == null || synthesis == null || !figuresReady.get()) { // the units are those of the figures
            unit.set(null);
            return;
        }
        synthesis.readiness().units(AggregationLevel.fromCode(level.value()))
                .forEach(u -> units.add(new FilterChoice(u.code(), unitLabel(u))));
        unit.set(units.stream().filter(u -> u.value().equals(keep)).findFirst().orElse(units.isEmpty() ? null : units.getFirst()));
    }

    private static String unitLabel(ReadinessEvidence.Unit u) {
        return u.level() == AggregationLevel.NATIONAL || u.level() == AggregationLevel.ESSP && u.name().contains(u.code())
                ? u.name() : u.code() + " " + u.name();
    }

    private Optional<Double> currentFigureValue() {
        if (synthesis == null || figure.get() == null || figureUnit.get() == null || figureLevel.get() == null) {
            return Optional.empty();
        }
        return synthesis.readiness().value(figure.get().value(), AggregationLevel.fromCode(figureLevel.get().value()),
                figureUnit.get().value());
    }

    private void showFigureValue() {
        if (figure.get() == null || figureUnit.get() == null) {
            figureValue.set("");
            return;
        }
        figureValue.set(currentFigureValue().map(v -> i18n.get("findings.evidence.valueNow", value(v)))
                .orElse(i18n.get("findings.evidence.noValue")));
    }

    private String value(Double v) {
        return v == null ? i18n.get("findings.evidence.none") : i18n.formatDecimal(v, 1);
    }

    /** The label of a figure code in the user's language. */
    public String figureLabel(String code) {
        if (ReadinessEvidence.GENERAL.equals(code)) {
            return i18n.get("findings.figure.general");
        }
        if (ReadinessEvidence.PMS_COVERAGE.equals(code)) {
            return i18n.get("findings.figure.pmsCoverage");
        }
        if (ReadinessEvidence.COMPLAINTS_ANSWERED.equals(code)) {
            return i18n.get("findings.figure.complaintsAnswered");
        }
        if (ReadinessEvidence.DATAFLOWS_ON_TIME.equals(code)) {
            return i18n.get("findings.figure.dataflowsOnTime");
        }
        return synthesis == null ? code : synthesis.readiness().domain(code)
                .map(d -> i18n.get("findings.figure.domain", switch (i18n.locale().getLanguage()) {
                    case "ar" -> d.labelAr() == null ? d.labelFr() : d.labelAr();
                    case "en" -> d.labelEn() == null ? d.labelFr() : d.labelEn();
                    default -> d.labelFr();
                }))
                .orElse(code);
    }

    // ------------------------------------------------------------------ finding editor

    /** Shows a finding of the board in the editor. */
    public void selectFinding(Card card) {
        if (card == null || synthesis == null) {
            return;
        }
        if (!figuresReady.get()) {
            selectedMeanwhile = card.id(); // its scope and evidence are read against the figures, being computed
            return;
        }
        synthesis.finding(card.id()).ifPresent(this::showFinding);
    }

    private void showFinding(FindingFigures ff) {
        FindingRepository.Finding f = ff.finding();
        findingId.set(f.id());
        findingVersion = f.version();
        title.set(f.title());
        statement.set(Objects.toString(f.statement(), ""));
        kind.set(choice(FilterChoice.of(Vocabulary.FINDING_KIND, i18n), f.kind()));
        axis.set(axisChoice(f.axis()));
        priority.set(choice(FilterChoice.of(Vocabulary.PRIORITY, i18n), f.priority()));
        author.set(authors.stream().filter(a -> Objects.equals(a.value(), Objects.toString(f.authorId(), null))).findFirst().orElse(null));
        writtenOn.set(f.writtenOn());
        scopeLevel.set(choice(levels, f.scopeLevel()));
        String unitCode = scopeUnitCode(f);
        scopeUnit.set(scopeUnits.stream().filter(u -> u.value().equals(unitCode)).findFirst().orElse(scopeUnits.isEmpty() ? null : scopeUnits.getFirst()));
        pendingEvidence.clear();
        evidence.setAll(ff.evidence().stream().map(this::line).toList());
        titleMessage.set("");
        findingBaseline.mark();
        shownDraft = kind.get() == null || axis.get() == null || priority.get() == null ? null : findingDraft();
    }

    /** The code of the unit a finding is about (its deepest territory id), for the scope picker. */
    private String scopeUnitCode(FindingRepository.Finding f) {
        AggregationLevel level = AggregationLevel.fromCode(f.scopeLevel());
        return synthesis.readiness().units(level).stream().filter(u -> switch (level) {
            case NATIONAL -> true;
            case REGION -> Objects.equals(u.regionId(), f.regionId());
            case PROVINCE -> Objects.equals(u.provinceId(), f.provinceId());
            case CIRCONSCRIPTION -> Objects.equals(u.circonscriptionId(), f.circonscriptionId());
            case ESSP -> Objects.equals(u.esspId(), f.esspId());
        }).map(ReadinessEvidence.Unit::code).findFirst().orElse(null);
    }

    private static FilterChoice choice(List<FilterChoice> choices, String value) {
        return choices.stream().filter(c -> Objects.equals(c.value(), value)).findFirst().orElse(null);
    }

    private EvidenceLine line(EvidenceFigure e) {
        FindingRepository.Evidence link = e.link();
        String text = switch (e.state()) {
            case CURRENT -> i18n.get("findings.evidence.figure", figureLabel(link.figure()), e.unitName(), value(link.storedValue()));
            case CHANGED -> i18n.get("findings.evidence.changed", figureLabel(link.figure()), e.unitName(),
                    value(link.storedValue()), value(e.currentValue()));
            case UNIT_GONE -> i18n.get("findings.evidence.unitGone", figureLabel(link.figure()), link.unitCode(),
                    value(link.storedValue()));
            case RECORD -> i18n.get("findings.evidence.record", link.recordLabel());
            case RECORD_DELETED -> i18n.get("findings.evidence.recordDeleted", recordKinds.stream()
                    .filter(k -> k.value().equals(link.recordTable())).map(FilterChoice::label).findFirst()
                    .orElse(link.recordTable()), link.recordId());
            case DOCUMENT -> i18n.get("findings.evidence.document", link.document());
        };
        return new EvidenceLine(link.id(), link.version(), text, e.state().needsReview(), link.isFigure(), e.currentValue());
    }

    /** An empty editor for a new finding, written today by the member at the keyboard. */
    public void newFinding() {
        clearFinding();
        message.set("");
    }

    private void clearFinding() {
        findingId.set(null);
        findingVersion = 0;
        title.set("");
        statement.set("");
        kind.set(choice(FilterChoice.of(Vocabulary.FINDING_KIND, i18n), "weakness"));
        axis.set(axisChoice(5));
        priority.set(choice(FilterChoice.of(Vocabulary.PRIORITY, i18n), "medium"));
        author.set(me());
        writtenOn.set(LocalDate.now());
        scopeLevel.set(choice(levels, "national"));
        evidence.clear();
        pendingEvidence.clear();
        titleMessage.set("");
        findingBaseline.mark();
        shownDraft = null;
    }

    private FilterChoice me() {
        if (synthesis == null) {
            return null;
        }
        return synthesis.members().stream().filter(m -> m.uuid().equals(edit.member())).findFirst()
                .flatMap(m -> authors.stream().filter(a -> a.value() != null && a.value().equals(String.valueOf(m.id()))).findFirst())
                .orElse(null);
    }

    private FindingDraft findingDraft() {
        AggregationLevel level = AggregationLevel.fromCode(scopeLevel.get() == null ? "national" : scopeLevel.get().value());
        ReadinessEvidence.Unit unit = scopeUnit.get() == null || synthesis == null ? null
                : synthesis.readiness().unit(level, scopeUnit.get().value()).orElse(null);
        return new FindingDraft(Integer.parseInt(axis.get().value()), level.code(),
                unit == null ? null : unit.regionId(), unit == null ? null : unit.provinceId(),
                unit == null ? null : unit.circonscriptionId(), unit == null ? null : unit.esspId(), kind.get().value(),
                title.get(), statement.get(), priority.get().value(),
                author.get() == null || author.get().isAll() ? null : Integer.valueOf(author.get().value()), writtenOn.get());
    }

    /** Writes the finding of the editor (new, with the evidence linked meanwhile, or changed). */
    public void saveFinding() {
        writeFinding();
    }

    private CompletionStage<Boolean> writeFinding() {
        if (!RecommendationRules.finding(title.get()).isEmpty()) {
            titleMessage.set(i18n.get("findings.error.title"));
            return CompletableFuture.completedFuture(false);
        }
        titleMessage.set("");
        FindingDraft draft = findingDraft();
        Integer id = findingId.get();
        int version = findingVersion;
        List<EvidenceDraft> links = List.copyOf(pendingEvidence);
        FindingDraft before = id == null ? null : shownDraft;
        return run(() -> id == null ? repository.insertFinding(edit, draft, links)
                        : repository.updateFinding(edit, id, history.versionOf(FINDINGS, id, version), draft),
                written -> {
                    if (before != null && !before.equals(draft)) {
                        history.wrote(FINDINGS, id, written);
                        history.record(i18n.get("findings.undo.edit", draft.title().strip()), putFinding(id, before, draft));
                    }
                    if (id == null) {
                        findingId.set(written);
                        history.wrote(FINDINGS, written, 1);
                        history.record(i18n.get("findings.undo.create", draft.title().strip()), deleteFindingAgain(written));
                    }
                    pendingEvidence.clear();
                    message.set(i18n.get("findings.saved", draft.title().strip()));
                    load();
                });
    }

    /** Deletes the finding shown (with its links). */
    public void deleteFinding() {
        Integer id = findingId.get();
        if (id == null) {
            return;
        }
        int version = history.versionOf(FINDINGS, id, findingVersion);
        String shownTitle = title.get();
        run(() -> repository.deleteFinding(edit, id, version), deletion -> {
            history.wrote(FINDINGS, id, deletion.version());
            history.record(i18n.get("findings.undo.delete", shownTitle), restoreFinding(deletion));
            message.set(i18n.get("findings.deleted", shownTitle));
            clearFinding();
            load();
        });
    }

    /**
     * Moves a finding to another quadrant (drag and drop, or the keyboard): its kind changes through the one writer;
     * nothing happens when it is already there.
     */
    public void moveFinding(int id, String newKind) {
        if (synthesis == null || !KINDS.contains(newKind)) {
            return;
        }
        synthesis.finding(id).map(FindingFigures::finding).filter(f -> !f.kind().equals(newKind)).ifPresent(f ->
                run(() -> repository.changeKind(edit, f.id(), history.versionOf(FINDINGS, f.id(), f.version()), newKind), v -> {
                    history.wrote(FINDINGS, f.id(), v);
                    history.record(i18n.get("findings.undo.move", f.title()), putKind(f.id(), f.kind(), newKind));
                    message.set(i18n.get("findings.moved", f.title(), i18n.code(Vocabulary.FINDING_KIND, newKind)));
                    load();
                }));
    }

    /** Writes {@code back} over finding {@code id} from the version this screen left; its inverse writes {@code forward}. */
    private EditHistory.Inverse putFinding(int id, FindingDraft back, FindingDraft forward) {
        return () -> {
            history.wrote(FINDINGS, id, repository.updateFinding(edit, id, history.versionOf(FINDINGS, id, 0), back));
            return putFinding(id, forward, back);
        };
    }

    /** Brings back the finding {@code deletion} took (evidence and links too); its inverse deletes it again. */
    private EditHistory.Inverse restoreFinding(FindingRepository.Deletion deletion) {
        return () -> {
            FindingRepository.Deletion back = repository.restoreFinding(edit, deletion);
            history.wrote(FINDINGS, back.id(), back.version());
            return deleteFindingAgain(back.id());
        };
    }

    /** Deletes finding {@code id} from the version this screen left (undo of a creation, redo of a deletion). */
    private EditHistory.Inverse deleteFindingAgain(int id) {
        return () -> {
            FindingRepository.Deletion deletion = repository.deleteFinding(edit, id, history.versionOf(FINDINGS, id, 0));
            history.wrote(FINDINGS, id, deletion.version());
            return restoreFinding(deletion);
        };
    }

    /** Brings back the recommendation {@code deletion} took (with its links); its inverse deletes it again. */
    private EditHistory.Inverse restoreRecommendation(FindingRepository.Deletion deletion) {
        return () -> {
            FindingRepository.Deletion back = repository.restoreRecommendation(edit, deletion);
            history.wrote(RECOMMENDATIONS, back.id(), back.version());
            return deleteRecommendationAgain(back.id());
        };
    }

    private EditHistory.Inverse deleteRecommendationAgain(int id) {
        return () -> {
            FindingRepository.Deletion deletion =
                    repository.deleteRecommendation(edit, id, history.versionOf(RECOMMENDATIONS, id, 0));
            history.wrote(RECOMMENDATIONS, id, deletion.version());
            return restoreRecommendation(deletion);
        };
    }

    /** Puts finding {@code id} back in quadrant {@code back}; its inverse moves it to {@code forward} again. */
    private EditHistory.Inverse putKind(int id, String back, String forward) {
        return () -> {
            history.wrote(FINDINGS, id, repository.changeKind(edit, id, history.versionOf(FINDINGS, id, 0), back));
            return putKind(id, forward, back);
        };
    }

    /** The finding edits and moves of this screen, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() {
        return history;
    }

    /** Links the figure of the picker (with its value now) to the finding shown, or to the new finding when saved. */
    public void linkFigure() {
        if (figure.get() == null || figureUnit.get() == null || figureLevel.get() == null) {
            return;
        }
        Double now = currentFigureValue().orElse(null);
        EvidenceDraft draft = EvidenceDraft.figure(figure.get().value(), figureLevel.get().value(), figureUnit.get().value(), now);
        addEvidence(draft, i18n.get("findings.evidence.figure", figure.get().label(), figureUnit.get().label(), value(now)));
    }

    /** The live records of the kind chosen, read in the background (the first one chosen). */
    private void fillRecords(FilterChoice kind) {
        records.clear();
        record.set(null);
        if (kind == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> repository.records(kind.value()))
                .onSuccess(list -> {
                    if (kind.equals(recordKind.get())) {
                        records.setAll(list.stream().map(r -> new FilterChoice(String.valueOf(r.id()), r.label())).toList());
                        record.set(records.isEmpty() ? null : records.getFirst());
                    }
                })
                .onFailure(this::fail));
    }

    /** Links the record chosen (an ESSP, a data flow, a complaint system or a perpetrator-care site) to the finding shown. */
    public void linkRecord() {
        if (recordKind.get() == null || record.get() == null) {
            return;
        }
        EvidenceDraft draft = EvidenceDraft.record(recordKind.get().value(), Integer.parseInt(record.get().value()));
        addEvidence(draft, i18n.get("findings.evidence.record", record.get().label()));
    }

    /** Links the document reference typed to the finding shown. */
    public void linkDocument() {
        if (document.get().isBlank()) {
            return;
        }
        EvidenceDraft draft = EvidenceDraft.document(document.get());
        addEvidence(draft, i18n.get("findings.evidence.document", document.get().strip()));
        document.set("");
    }

    private void addEvidence(EvidenceDraft draft, String text) {
        Integer id = findingId.get();
        if (id == null) {
            pendingEvidence.add(draft);
            evidence.add(new EvidenceLine(0, 0, text, false, draft.kind().equals("figure"), draft.storedValue()));
            return;
        }
        run(() -> repository.addEvidence(edit, id, draft), v -> load());
    }

    /** Removes an evidence link (pending or written). */
    public void removeEvidence(EvidenceLine line) {
        if (line == null) {
            return;
        }
        if (line.id() == 0) {
            int index = evidence.indexOf(line);
            if (index >= 0 && index < pendingEvidence.size()) {
                pendingEvidence.remove(index);
            }
            evidence.remove(line);
            return;
        }
        run(() -> {
            repository.removeEvidence(edit, line.id(), line.version());
            return line.id();
        }, v -> load());
    }

    /** The finding was reviewed: a changed figure's value now becomes its stored value. */
    public void acceptCurrentValue(EvidenceLine line) {
        if (line == null || line.id() == 0 || !line.figure() || !line.review()) {
            return;
        }
        run(() -> repository.acceptCurrentValue(edit, line.id(), line.version(), line.currentValue()), v -> load());
    }

    // ------------------------------------------------------------------ recommendations

    public void selectRecommendation(RecommendationLine line) {
        if (line == null) {
            return;
        }
        FindingRepository.Recommendation r = line.recommendation();
        recommendation.set(r);
        action.set(r.action());
        responsibleLevel.set(choice(FilterChoice.of(Vocabulary.RESPONSIBLE_LEVEL, i18n), r.responsibleLevel()));
        recommendationPriority.set(choice(FilterChoice.of(Vocabulary.PRIORITY, i18n), r.priority()));
        horizon.set(choice(FilterChoice.of(Vocabulary.HORIZON, i18n), r.horizon()));
        cost.set(r.costMad() == null ? "" : i18n.formatDecimal(r.costMad(), 0));
        indicator.set(Objects.toString(r.indicator(), ""));
        baseline.set(r.indicatorBaseline() == null ? "" : i18n.formatDecimal(r.indicatorBaseline(), 1));
        target.set(r.indicatorTarget() == null ? "" : i18n.formatDecimal(r.indicatorTarget(), 1));
        indicatorFigure = r.indicatorFigure();
        indicatorUnitLevel = r.indicatorUnitLevel();
        indicatorUnitCode = r.indicatorUnitCode();
        tickLinkedFindings();
        clearRecommendationMessages();
        recommendationBaseline.mark();
    }

    private void tickLinkedFindings() {
        FindingRepository.Recommendation r = recommendation.get();
        findingChoices.forEach(c -> c.chosen().set(r != null && r.findingIds().contains(c.card().id())));
    }

    public void newRecommendation() {
        clearRecommendation();
        message.set("");
    }

    private void clearRecommendation() {
        recommendation.set(null);
        action.set("");
        responsibleLevel.set(null);
        recommendationPriority.set(choice(FilterChoice.of(Vocabulary.PRIORITY, i18n), "medium"));
        horizon.set(choice(FilterChoice.of(Vocabulary.HORIZON, i18n), "medium"));
        cost.set("");
        indicator.set("");
        baseline.set("");
        target.set("");
        indicatorFigure = null;
        indicatorUnitLevel = null;
        indicatorUnitCode = null;
        findingChoices.forEach(c -> c.chosen().set(false));
        clearRecommendationMessages();
        recommendationBaseline.mark();
    }

    private void clearRecommendationMessages() {
        actionMessage.set("");
        costMessage.set("");
        findingsMessage.set("");
        numbersMessage.set("");
    }

    /** The indicator to follow is the figure of the picker: its label, and its value now as the baseline. */
    public void baselineFromFigure() {
        if (figure.get() == null || figureUnit.get() == null || figureLevel.get() == null) {
            return;
        }
        indicatorFigure = figure.get().value();
        indicatorUnitLevel = figureLevel.get().value();
        indicatorUnitCode = figureUnit.get().value();
        indicator.set(figure.get().label() + " — " + figureUnit.get().label());
        baseline.set(currentFigureValue().map(v -> i18n.formatDecimal(v, 1)).orElse(""));
    }

    /**
     * Writes the recommendation of the editor. Refused with a message on the field, nothing written: no finding
     * ticked, a cost below zero (or not a number), no action.
     */
    public void saveRecommendation() {
        writeRecommendation();
    }

    private CompletionStage<Boolean> writeRecommendation() {
        clearRecommendationMessages();
        Double costValue;
        Double baselineValue;
        Double targetValue;
        try {
            costValue = number(cost.get());
        } catch (NumberFormatException e) {
            costMessage.set(i18n.get("findings.error.costNumber"));
            return CompletableFuture.completedFuture(false);
        }
        try {
            baselineValue = number(baseline.get());
            targetValue = number(target.get());
        } catch (NumberFormatException e) {
            numbersMessage.set(i18n.get("findings.error.number"));
            return CompletableFuture.completedFuture(false);
        }
        List<Integer> chosen = findingChoices.stream().filter(c -> c.chosen().get()).map(c -> c.card().id()).toList();
        List<RecommendationRules.Code> problems = RecommendationRules.recommendation(action.get(), costValue, chosen);
        if (!problems.isEmpty()) {
            for (RecommendationRules.Code p : problems) {
                switch (p) {
                    case ACTION_REQUIRED -> actionMessage.set(i18n.get("findings.error.action"));
                    case COST_NEGATIVE -> costMessage.set(i18n.get("findings.error.costNegative"));
                    case NO_FINDING -> findingsMessage.set(i18n.get("findings.error.noFinding"));
                    case TITLE_REQUIRED -> titleMessage.set(i18n.get("findings.error.title"));
                }
            }
            return CompletableFuture.completedFuture(false);
        }
        FindingRepository.Finding first = synthesis.finding(chosen.getFirst()).orElseThrow().finding();
        String scope = switch (first.scopeLevel()) {
            case "national", "region" -> first.scopeLevel();
            default -> "province";
        };
        RecommendationDraft draft = new RecommendationDraft(first.axis(), scope, first.regionId(),
                scope.equals("province") ? first.provinceId() : null, action.get(), null,
                responsibleLevel.get() == null ? null : responsibleLevel.get().value(), horizon.get().value(),
                recommendationPriority.get().value(), costValue, indicator.get(), indicatorFigure, indicatorUnitLevel,
                indicatorUnitCode, baselineValue, targetValue);
        FindingRepository.Recommendation shown = recommendation.get();
        return run(() -> shown == null ? repository.insertRecommendation(edit, draft, chosen)
                        : repository.updateRecommendation(edit, shown.id(), shown.version(), draft, chosen),
                v -> {
                    if (shown == null) {
                        history.wrote(RECOMMENDATIONS, v, 1);
                        history.record(i18n.get("findings.undo.recCreate", draft.action().strip()), deleteRecommendationAgain(v));
                    }
                    message.set(i18n.get("findings.rec.saved", draft.action().strip()));
                    clearRecommendation();
                    load();
                });
    }

    public void deleteRecommendation() {
        FindingRepository.Recommendation shown = recommendation.get();
        if (shown == null) {
            return;
        }
        run(() -> repository.deleteRecommendation(edit, shown.id(),
                history.versionOf(RECOMMENDATIONS, shown.id(), shown.version())), deletion -> {
            history.wrote(RECOMMENDATIONS, shown.id(), deletion.version());
            history.record(i18n.get("findings.undo.recDelete", shown.action()), restoreRecommendation(deletion));
            message.set(i18n.get("findings.rec.deleted", shown.action()));
            clearRecommendation();
            load();
        });
    }

    private Double number(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (t.isEmpty()) {
            return null;
        }
        return Double.valueOf(t.replace(',', '.'));
    }

    // ------------------------------------------------------------------ proposals

    /** Drafts weaknesses from the figures below the documented thresholds; nothing is written. */
    public void propose() {
        if (synthesis == null || proposalLevel.get() == null) {
            return;
        }
        FindingsFigures.Synthesis s = synthesis;
        AggregationLevel level = AggregationLevel.fromCode(proposalLevel.get().value());
        executor.execute(BackgroundTask.wrap(() -> {
                    List<FindingProposals.Candidate> drafts = new ArrayList<>(FindingProposals.propose(s.readiness(), s.findings(), level));
                    drafts.addAll(FindingProposals.proposeSites(s.care(), s.readiness(), s.findings()));
                    return drafts;
                })
                .onSuccess(drafts -> {
                    proposals.setAll(drafts.stream().map(this::worded).toList());
                    message.set(i18n.get("findings.proposal.count", drafts.size()));
                })
                .onFailure(this::fail));
    }

    /** A draft with its title and statement in the user's language. */
    private Proposal worded(FindingProposals.Candidate c) {
        return switch (c) {
            case FindingProposals.Draft d when ReadinessEvidence.COMPLAINTS_ANSWERED.equals(d.figure()) -> new Proposal(d,
                    i18n.get("findings.proposal.complaints.title", unitLabel(d.unit())),
                    i18n.get("findings.proposal.complaints.statement", unitLabel(d.unit()), i18n.formatDecimal(d.value(), 1),
                            count(d.ratio().part()), count(d.ratio().whole()), i18n.formatDecimal(d.threshold(), 0)));
            case FindingProposals.Draft d when ReadinessEvidence.DATAFLOWS_ON_TIME.equals(d.figure()) -> new Proposal(d,
                    i18n.get("findings.proposal.onTime.title", unitLabel(d.unit())),
                    i18n.get("findings.proposal.onTime.statement", unitLabel(d.unit()), i18n.formatDecimal(d.value(), 1),
                            count(d.ratio().part()), count(d.ratio().whole()), i18n.formatDecimal(d.threshold(), 0)));
            case FindingProposals.Draft d -> new Proposal(d, i18n.get("findings.proposal.title", unitLabel(d.unit())),
                    i18n.get("findings.proposal.statement", unitLabel(d.unit()), i18n.formatDecimal(d.value(), 1),
                            i18n.formatDecimal(d.threshold(), 0)));
            case FindingProposals.SiteDraft d -> new Proposal(d, i18n.get("findings.proposal.inPost.title", d.site().name()),
                    i18n.get("findings.proposal.inPost.statement", d.site().name(), i18n.code(Vocabulary.CARE_STAGE,
                            d.site().stage()), d.trained()));
        };
    }

    private String count(long n) {
        return i18n.formatDecimal(n, 0);
    }

    /** The evidence line of a draft put in the editor. */
    private EvidenceLine evidenceLine(FindingProposals.Candidate c) {
        return switch (c) {
            case FindingProposals.Draft d -> new EvidenceLine(0, 0, i18n.get("findings.evidence.figure",
                    figureLabel(d.figure()), unitLabel(d.unit()), value(d.value())), false, true, d.value());
            case FindingProposals.SiteDraft d -> new EvidenceLine(0, 0, i18n.get("findings.evidence.record", d.site().name()),
                    false, false, null);
        };
    }

    /** Accepts a draft as it is: written as a finding of the member at the keyboard, with its figure as evidence. */
    public void acceptProposal(Proposal p) {
        if (p == null) {
            return;
        }
        FindingDraft draft = proposalDraft(p);
        EvidenceDraft link = p.draft().evidence();
        run(() -> repository.insertFinding(edit, draft, List.of(link)), id -> {
            proposals.remove(p);
            message.set(i18n.get("findings.saved", draft.title()));
            load();
        });
    }

    /** Puts a draft in the finding editor as a new finding (not written until saved). */
    public void editProposal(Proposal p) {
        if (p == null) {
            return;
        }
        clearFinding();
        ReadinessEvidence.Unit unit = p.draft().unit();
        title.set(p.title());
        statement.set(p.statement());
        kind.set(choice(FilterChoice.of(Vocabulary.FINDING_KIND, i18n), p.draft().kind()));
        axis.set(axisChoice(p.draft().axis()));
        priority.set(choice(FilterChoice.of(Vocabulary.PRIORITY, i18n), p.draft().priority()));
        scopeLevel.set(choice(levels, unit.level().code()));
        scopeUnit.set(scopeUnits.stream().filter(u -> u.value().equals(unit.code())).findFirst().orElse(null));
        pendingEvidence.add(p.draft().evidence());
        evidence.add(evidenceLine(p.draft()));
        proposals.remove(p);
    }

    public void discardProposal(Proposal p) {
        proposals.remove(p);
    }

    private FindingDraft proposalDraft(Proposal p) {
        ReadinessEvidence.Unit u = p.draft().unit();
        FilterChoice me = me();
        return new FindingDraft(p.draft().axis(), u.level().code(), u.regionId(), u.provinceId(), u.circonscriptionId(),
                u.esspId(), p.draft().kind(), p.title(), p.statement(), p.draft().priority(),
                me == null ? null : Integer.valueOf(me.value()), LocalDate.now());
    }

    // ------------------------------------------------------------------ plumbing

    /** Writes in the background; completes with true once written and shown, false when refused. */
    private <V> CompletionStage<Boolean> run(Callable<V> write, Consumer<V> then) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(BackgroundTask.wrap(write)
                .onSuccess(v -> {
                    then.accept(v);
                    done.complete(true);
                })
                .onFailure(e -> {
                    fail(e);
                    done.complete(false);
                }));
        return done;
    }

    /** The finding and recommendation editors as the shell sees them before leaving the area or closing the window. */
    public UnsavedChanges unsavedChanges() {
        return unsaved;
    }

    /** Unsaved while either editor differs from what it last showed; saving writes the finding, then the recommendation. */
    private final class Editors implements UnsavedChanges {
        private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(this, "unsaved");

        Editors() {
            any.bind(findingBaseline.changedProperty().or(recommendationBaseline.changedProperty()));
        }

        @Override
        public ReadOnlyBooleanProperty unsavedProperty() {
            return any.getReadOnlyProperty();
        }

        @Override
        public CompletionStage<Boolean> save() {
            CompletionStage<Boolean> finding = findingBaseline.isChanged() ? writeFinding() : CompletableFuture.completedFuture(true);
            return finding.thenCompose(ok -> ok && recommendationBaseline.isChanged() ? writeRecommendation()
                    : CompletableFuture.completedFuture(ok));
        }

        @Override
        public void discard() {
            if (findingBaseline.isChanged()) {
                Integer shown = findingId.get();
                if (shown != null && synthesis != null && synthesis.finding(shown).isPresent()) {
                    showFinding(synthesis.finding(shown).orElseThrow());
                } else {
                    clearFinding();
                }
            }
            if (recommendationBaseline.isChanged()) {
                FindingRepository.Recommendation shown = recommendation.get();
                recommendations.stream().filter(l -> shown != null && l.recommendation().id() == shown.id()).findFirst()
                        .ifPresentOrElse(FindingsViewModel.this::selectRecommendation, FindingsViewModel.this::clearRecommendation);
            }
        }
    }

    private void fail(Throwable e) {
        if (e instanceof StaleEditException) {
            message.set(i18n.get("error.stale"));
            load();
        } else if (e instanceof EditRuleException rule) {
            message.set(switch (rule.rule()) {
                case "recommendation.no_finding" -> i18n.get("findings.error.noFinding");
                case "recommendation.cost_negative" -> i18n.get("findings.error.costNegative");
                case "recommendation.action_required" -> i18n.get("findings.error.action");
                default -> i18n.get("findings.error.title");
            });
        } else {
            message.set(i18n.get("findings.error.failed", Failures.reason(e, i18n)));
        }
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Card> quadrant(String kind) {
        return quadrants.get(kind);
    }

    public ObservableList<FilterChoice> axes() { return axes; }
    public ObservableList<FilterChoice> scopes() { return scopes; }
    public ObservableList<FilterChoice> authors() { return authors; }
    public ObservableList<FilterChoice> priorities() { return priorities; }
    public ObjectProperty<FilterChoice> axisFilterProperty() { return axisFilter; }
    public ObjectProperty<FilterChoice> scopeFilterProperty() { return scopeFilter; }
    public ObjectProperty<FilterChoice> authorFilterProperty() { return authorFilter; }
    public ObjectProperty<FilterChoice> priorityFilterProperty() { return priorityFilter; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty figuresReadyProperty() { return figuresReady.getReadOnlyProperty(); }
    public ObjectProperty<Integer> findingIdProperty() { return findingId; }
    public StringProperty titleProperty() { return title; }
    public StringProperty statementProperty() { return statement; }
    public ObjectProperty<FilterChoice> kindProperty() { return kind; }
    public ObjectProperty<FilterChoice> axisProperty() { return axis; }
    public ObjectProperty<FilterChoice> priorityProperty() { return priority; }
    public ObjectProperty<FilterChoice> authorProperty() { return author; }
    public ObjectProperty<LocalDate> writtenOnProperty() { return writtenOn; }
    public ObjectProperty<FilterChoice> scopeLevelProperty() { return scopeLevel; }
    public ObjectProperty<FilterChoice> scopeUnitProperty() { return scopeUnit; }
    public ObservableList<FilterChoice> scopeUnits() { return scopeUnits; }
    public ObservableList<FilterChoice> levels() { return levels; }
    public ReadOnlyStringProperty titleMessageProperty() { return titleMessage.getReadOnlyProperty(); }
    public ObservableList<EvidenceLine> evidence() { return evidence; }
    public ObjectProperty<FilterChoice> figureLevelProperty() { return figureLevel; }
    public ObjectProperty<FilterChoice> figureUnitProperty() { return figureUnit; }
    public ObjectProperty<FilterChoice> figureProperty() { return figure; }
    public ObservableList<FilterChoice> figureUnits() { return figureUnits; }
    public ObservableList<FilterChoice> figures() { return figures; }
    public ReadOnlyStringProperty figureValueProperty() { return figureValue.getReadOnlyProperty(); }
    public StringProperty documentProperty() { return document; }
    public ObservableList<FilterChoice> recordKinds() { return recordKinds; }
    public ObjectProperty<FilterChoice> recordKindProperty() { return recordKind; }
    public ObservableList<FilterChoice> records() { return records; }
    public ObjectProperty<FilterChoice> recordProperty() { return record; }
    public ObservableList<RecommendationLine> recommendations() { return recommendations; }
    public ObservableList<FindingChoice> findingChoices() { return findingChoices; }
    public ObjectProperty<FindingRepository.Recommendation> recommendationProperty() { return recommendation; }
    public StringProperty actionProperty() { return action; }
    public ObjectProperty<FilterChoice> responsibleLevelProperty() { return responsibleLevel; }
    public ObjectProperty<FilterChoice> recommendationPriorityProperty() { return recommendationPriority; }
    public ObjectProperty<FilterChoice> horizonProperty() { return horizon; }
    public StringProperty costProperty() { return cost; }
    public StringProperty indicatorProperty() { return indicator; }
    public StringProperty baselineProperty() { return baseline; }
    public StringProperty targetProperty() { return target; }
    public ReadOnlyStringProperty actionMessageProperty() { return actionMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty costMessageProperty() { return costMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty findingsMessageProperty() { return findingsMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty numbersMessageProperty() { return numbersMessage.getReadOnlyProperty(); }
    public ObjectProperty<FilterChoice> proposalLevelProperty() { return proposalLevel; }
    public ObservableList<Proposal> proposals() { return proposals; }
    public List<FilterChoice> kinds() { return FilterChoice.of(Vocabulary.FINDING_KIND, i18n); }
    public List<FilterChoice> axisChoices() { return axes.subList(1, axes.size()); }
    public List<FilterChoice> priorityChoices() { return FilterChoice.of(Vocabulary.PRIORITY, i18n); }
    public List<FilterChoice> horizons() { return FilterChoice.of(Vocabulary.HORIZON, i18n); }
    public List<FilterChoice> responsibleLevels() { return FilterChoice.of(Vocabulary.RESPONSIBLE_LEVEL, i18n); }

    /** The kind code of a quadrant, for the view's labels. */
    public String kindLabel(String kindCode) {
        return i18n.code(Vocabulary.FINDING_KIND, kindCode).toUpperCase(i18n.locale().getLanguage().equals("ar") ? Locale.ROOT : i18n.locale());
    }
}
