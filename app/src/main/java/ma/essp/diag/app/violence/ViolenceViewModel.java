package ma.essp.diag.app.violence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.database.repository.PerpetratorCareData.Period;
import ma.essp.diag.database.repository.PerpetratorCareData.Site;
import ma.essp.diag.database.repository.PerpetratorCareData.Staff;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.repository.PerpetratorCareRepository.ProvinceChoice;
import ma.essp.diag.database.repository.TrainingRepository.StaffCandidate;
import ma.essp.diag.database.rules.EsspFormRules;
import ma.essp.diag.database.rules.PerpetratorCareRules;
import ma.essp.diag.database.rules.PerpetratorCareRules.Code;
import ma.essp.diag.database.rules.PerpetratorCareRules.Problem;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;

/**
 * The Violence (auteurs) area: the perpetrator-care roll-out (ToR axis 6). Sites filtered by region and stage; the
 * chosen site's form (name, notes: an editor the shell guards), its stage moved through the stage gate with the date
 * reached, its planned dates, its trained staff picked from the staff records, its periods and referrals; the
 * dashboard (funnel, stages per region planned vs actual, retention, referral mix, trained staff still in post) and
 * the roll-out timeline, all from {@link PerpetratorCareFigures} over the sites the filters keep. Every input is checked
 * with {@link PerpetratorCareRules} first (a broken rule is worded on the field, nothing is saved); writes go through
 * the repository (SyncedRows) in the background.
 */
public final class ViolenceViewModel {

    private final PerpetratorCareRepository repository;
    private final EditContext edit;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final LocalDate today;

    private final ObservableList<FilterChoice> regions = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> region = new SimpleObjectProperty<>(this, "region");
    private final ObservableList<FilterChoice> stageFilters = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> stageFilter = new SimpleObjectProperty<>(this, "stageFilter");
    private final ObservableList<SiteRow> sites = FXCollections.observableArrayList();
    private final ObjectProperty<SiteRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ObservableList<FilterChoice> provinces = FXCollections.observableArrayList();

    // site form
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved", false);
    private final ReadOnlyStringWrapper siteMessage = new ReadOnlyStringWrapper(this, "siteMessage", "");
    private final ReadOnlyStringWrapper stageNow = new ReadOnlyStringWrapper(this, "stageNow", "");
    private final ObservableList<FilterChoice> stages = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> nextStage = new SimpleObjectProperty<>(this, "nextStage");
    private final StringProperty stageDate = new SimpleStringProperty(this, "stageDate", "");
    private final ReadOnlyStringWrapper stageMessage = new ReadOnlyStringWrapper(this, "stageMessage", "");
    private final ObjectProperty<FilterChoice> plannedStage = new SimpleObjectProperty<>(this, "plannedStage");
    private final StringProperty plannedDate = new SimpleStringProperty(this, "plannedDate", "");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final StringProperty newSiteName = new SimpleStringProperty(this, "newSiteName", "");
    private final ObjectProperty<FilterChoice> newSiteProvince = new SimpleObjectProperty<>(this, "newSiteProvince");
    private final ReadOnlyStringWrapper newSiteMessage = new ReadOnlyStringWrapper(this, "newSiteMessage", "");
    private final ObservableList<FilterChoice> siteKinds = FXCollections.observableArrayList();
    /** The new site's kind and hosting ESSP (among the ESSPs of the province chosen for it). */
    private final KindPicker newSite = new KindPicker();
    /** The chosen site's kind and hosting ESSP (among the ESSPs of its province), part of the site form. */
    private final KindPicker siteKind = new KindPicker();
    private final EditHistory history;

    // staff
    private final ObservableList<StaffRow> staff = FXCollections.observableArrayList();
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty trainedOn = new SimpleStringProperty(this, "trainedOn", "");
    private final StringProperty trainingHours = new SimpleStringProperty(this, "trainingHours", "");
    private final StringProperty role = new SimpleStringProperty(this, "role", "");
    private final ReadOnlyStringWrapper staffMessage = new ReadOnlyStringWrapper(this, "staffMessage", "");

    // periods and referrals
    private final ObservableList<PeriodRow> periods = FXCollections.observableArrayList();
    private final ObjectProperty<PeriodRow> period = new SimpleObjectProperty<>(this, "period");
    private final StringProperty periodStart = new SimpleStringProperty(this, "periodStart", "");
    private final StringProperty periodEnd = new SimpleStringProperty(this, "periodEnd", "");
    private final StringProperty followed = new SimpleStringProperty(this, "followed", "");
    private final StringProperty newPatients = new SimpleStringProperty(this, "newPatients", "");
    private final StringProperty sessions = new SimpleStringProperty(this, "sessions", "");
    private final StringProperty dropouts = new SimpleStringProperty(this, "dropouts", "");
    private final Map<String, StringProperty> referrals = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper periodMessage = new ReadOnlyStringWrapper(this, "periodMessage", "");
    private final ReadOnlyStringWrapper referralMessage = new ReadOnlyStringWrapper(this, "referralMessage", "");

    // dashboard and timeline
    private final ObservableList<FunnelStep> funnel = FXCollections.observableArrayList();
    private final ObservableList<RegionRow> regionStages = FXCollections.observableArrayList();
    private final ObservableList<MixRow> referralMix = FXCollections.observableArrayList();
    private final ObservableList<InPostRow> inPost = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper retention = new ReadOnlyStringWrapper(this, "retention", "");
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<Tick> ticks = FXCollections.observableArrayList();

    private PerpetratorCareData data;
    private Map<String, PerpetratorCareRepository.CadreLabel> cadres = Map.of();
    /** The day the figures stand for: the mission's as-of date, else today (as the figures command). */
    private LocalDate asOf;
    private Integer shownSiteId;
    private String loadedName = "";
    private String loadedNotes = "";
    private String loadedKind = "";
    private String loadedEssp;

    /**
     * A site kind and, for an ESSP site, its hosting ESSP picked from a province's ESSPs narrowed by a search (code or
     * name): the add-site form's and the site form's.
     */
    public static final class KindPicker {
        private final ObjectProperty<FilterChoice> kind = new SimpleObjectProperty<>(this, "kind");
        private final ObservableList<FilterChoice> all = FXCollections.observableArrayList();
        private final FilteredList<FilterChoice> essps = new FilteredList<>(all);
        private final StringProperty search = new SimpleStringProperty(this, "search", "");
        private final ObjectProperty<FilterChoice> essp = new SimpleObjectProperty<>(this, "essp");

        KindPicker() {
            search.addListener((obs, old, now) -> {
                String q = now == null ? "" : now.strip().toLowerCase(java.util.Locale.ROOT);
                essps.setPredicate(q.isEmpty() ? null : c -> c.label().toLowerCase(java.util.Locale.ROOT).contains(q));
            });
        }

        public ObjectProperty<FilterChoice> kindProperty() { return kind; }
        public ObservableList<FilterChoice> essps() { return essps; }
        public StringProperty searchProperty() { return search; }
        public ObjectProperty<FilterChoice> esspProperty() { return essp; }

        /** The kind's code ({@code fallback} when none is chosen). */
        String kindCode(String fallback) {
            return kind.get() == null ? fallback : kind.get().value();
        }

        /** The hosting ESSP's id when the kind is essp and one is chosen, else null. */
        Integer esspId() {
            return "essp".equals(kindCode(null)) && essp.get() != null ? Integer.valueOf(essp.get().value()) : null;
        }
    }

    /** A site of the list: where it is, its stage (and EPIS phase), since when, its trained staff in post. */
    public record SiteRow(int id, int version, String name, String province, String region, String kind, String stage,
                          String phase, String since, String inPost) {
    }

    /** A stage of the chosen site: planned and reached dates (blank when none). */
    public record StepRow(String stage, String phase, String planned, String reached) {
    }

    public record StaffRow(int id, int version, String name, String cadre, String role, String trainedOn, String hours,
                           String inPost) {
    }

    public record CandidateRow(StaffCandidate candidate, String cadre, String place) {
    }

    public record PeriodRow(int id, int version, String dates, int followed, int newPatients, String sessions,
                            String dropouts, long referrals) {
    }

    /** A step of the funnel: its label, its count and its share of the targeted sites (0..1). */
    public record FunnelStep(String label, int count, double share) {
    }

    /** A region's sites per EPIS phase: planned / actual per phase, not planned, suspended. */
    public record RegionRow(String region, List<String> cells, int notPlanned, int suspended) {
    }

    public record MixRow(String source, long referrals, String share, double fraction) {
    }

    public record InPostRow(String unit, int trained, int linked, int inPost, String share) {
    }

    /** A site's bar: its segments as fractions of the time axis, each with its stage code and words. */
    public record TimelineRow(String site, String stage, List<Bar> bars) {
    }

    public record Bar(String stage, double start, double width, String text) {
    }

    /** A mark of the time axis (the 1st of January, April, July, October) at a fraction of its width. */
    public record Tick(double at, String label) {
    }

    private record Loaded(PerpetratorCareData data, List<ProvinceChoice> provinces,
                          Map<String, PerpetratorCareRepository.CadreLabel> cadres, LocalDate asOf) {
    }

    public ViolenceViewModel(PerpetratorCareRepository repository, EditContext edit, TaskExecutor executor, I18n i18n,
                             LocalDate today, EditHistory history) {
        this.repository = repository;
        this.edit = edit;
        this.executor = executor;
        this.i18n = i18n;
        this.today = today;
        this.asOf = today;
        stageFilters.add(FilterChoice.all(i18n.get("violence.filter.allStages")));
        stageFilters.addAll(FilterChoice.of(Vocabulary.CARE_STAGE, i18n));
        stageFilter.set(stageFilters.getFirst());
        stages.setAll(FilterChoice.of(Vocabulary.CARE_STAGE, i18n));
        plannedStage.set(stages.getFirst());
        siteKinds.setAll(FilterChoice.of(Vocabulary.SITE_KIND, i18n));
        newSite.kind.set(siteKinds.getFirst());
        newSiteProvince.addListener((obs, old, now) -> loadNewSiteEssps(now));
        this.history = history;
        history.setAfterUndo(this::reload);
        Vocabulary.REFERRAL_SOURCE.codes().forEach(s -> referrals.put(s, new SimpleStringProperty(this, s, "")));
        region.addListener((obs, old, now) -> refresh());
        stageFilter.addListener((obs, old, now) -> refresh());
        selected.addListener((obs, old, now) -> showSite());
        period.addListener((obs, old, now) -> showPeriod());
        unsaved.bind(Bindings.createBooleanBinding(() -> selected.get() != null
                && (!Objects.equals(name.get(), loadedName) || !Objects.equals(notes.get(), loadedNotes)
                || !Objects.equals(siteKind.kindCode(loadedKind), loadedKind)
                || !Objects.equals(siteKind.esspId() == null ? null : String.valueOf(siteKind.esspId()), loadedEssp)),
                name, notes, selected, siteKind.kind, siteKind.essp));
    }

    // ------------------------------------------------------------------ loading

    public void load() {
        reload();
        searchCandidates();
    }

    private void reload() {
        executor.execute(BackgroundTask.wrap(() -> new Loaded(repository.load(), repository.provinces(), repository.cadres(),
                        repository.missionAsOf()))
                .onSuccess(this::loaded)
                .onFailure(e -> loadError.set(i18n.get("violence.error", Failures.reason(e, i18n)))));
    }

    private void loaded(Loaded loaded) {
        data = loaded.data();
        cadres = loaded.cadres();
        asOf = loaded.asOf() != null ? loaded.asOf() : today;
        loadError.set("");
        provinces.setAll(loaded.provinces().stream().map(p -> new FilterChoice(String.valueOf(p.id()),
                i18n.localName(p.nameFr(), p.nameAr()))).toList());
        FilterChoice chosenRegion = region.get();
        List<FilterChoice> choices = new ArrayList<>();
        choices.add(FilterChoice.all(i18n.get("violence.filter.allRegions")));
        data.sites().stream().map(s -> new FilterChoice(String.valueOf(s.regionId()), i18n.localName(s.regionFr(), s.regionAr())))
                .distinct().forEach(choices::add);
        regions.setAll(choices);
        FilterChoice again = choices.stream().filter(c -> chosenRegion != null && Objects.equals(c.value(), chosenRegion.value()))
                .findFirst().orElse(choices.getFirst());
        if (Objects.equals(region.get(), again)) {
            refresh();
        } else {
            region.set(again);
        }
    }

    private PerpetratorCareData scope() {
        FilterChoice r = region.get();
        FilterChoice s = stageFilter.get();
        return PerpetratorCareFigures.forSites(data, site -> (r == null || r.isAll() || r.value().equals(String.valueOf(site.regionId())))
                && (s == null || s.isAll() || s.value().equals(site.stage())));
    }

    /** The list, the dashboard and the timeline for the sites the filters keep; the chosen site kept when still listed. */
    private void refresh() {
        if (data == null) {
            return;
        }
        PerpetratorCareData scope = scope();
        Integer chosen = selected.get() == null ? null : selected.get().id();
        List<SiteRow> rows = scope.sites().stream().map(this::siteRow).toList();
        sites.setAll(rows);
        SiteRow again = rows.stream().filter(r -> chosen != null && r.id() == chosen).findFirst().orElse(null);
        if (again != null && selected.get() != null && again.version() == selected.get().version()) {
            selected.set(again);
            showSite();
        } else {
            selected.set(again);
        }
        PerpetratorCareFigures.Funnel f = PerpetratorCareFigures.funnel(scope);
        summary.set(i18n.get("violence.summary", f.targeted(), f.trained(), f.delivering(), f.sustained()));
        showDashboard(scope, f);
        showTimeline(scope);
    }

    private SiteRow siteRow(Site s) {
        PerpetratorCareFigures.StillInPost p = PerpetratorCareFigures.stillInPost(data, s.id());
        return new SiteRow(s.id(), s.version(), shortName(s), i18n.localName(s.provinceFr(), s.provinceAr()),
                i18n.localName(s.regionFr(), s.regionAr()), i18n.code(Vocabulary.SITE_KIND, s.kind()),
                i18n.code(Vocabulary.CARE_STAGE, s.stage()), phase(s.stage()),
                s.stageSince() == null ? "" : i18n.formatDate(s.stageSince()),
                p.trained() == 0 ? "" : i18n.get("violence.inPost.count", p.inPost(), p.trained()));
    }

    /**
     * A site as lists show it: sites are often named "Consultation … — CSU X", so the part after the last dash when
     * there is one (the whole name is in the form), with the province.
     */
    private String shortName(Site s) {
        int dash = s.name().lastIndexOf(" — ");
        String name = dash > 0 && dash + 3 < s.name().length() ? s.name().substring(dash + 3) : s.name();
        return name + " (" + i18n.localName(s.provinceFr(), s.provinceAr()) + ")";
    }

    /** A stage's EPIS phase in words; a dash for suspended. */
    String phase(String stage) {
        String epis = PerpetratorCareRules.epis(stage);
        return epis == null ? "—" : phaseLabel(epis);
    }

    /** An EPIS phase ({@link PerpetratorCareFigures#PHASES}) in words. */
    String phaseLabel(String phase) {
        return switch (phase) {
            case "exploration" -> i18n.get("violence.epis.exploration");
            case "preparation" -> i18n.get("violence.epis.preparation");
            case "implementation" -> i18n.get("violence.epis.implementation");
            case "sustainment" -> i18n.get("violence.epis.sustainment");
            default -> phase;
        };
    }

    private Site site() {
        SiteRow row = selected.get();
        return row == null || data == null ? null : data.sites().stream().filter(s -> s.id() == row.id()).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ the chosen site

    private void showSite() {
        Site s = site();
        Integer shown = s == null ? null : s.id();
        if (!Objects.equals(shown, shownSiteId)) {
            // another site: the last write's words belong to the one before (a reload of the same site keeps them)
            siteMessage.set("");
            stageMessage.set("");
            staffMessage.set("");
            periodMessage.set("");
            referralMessage.set("");
            shownSiteId = shown;
        }
        if (s == null) {
            loadedName = "";
            loadedNotes = "";
            loadedKind = "";
            loadedEssp = null;
            name.set("");
            notes.set("");
            siteKind.kind.set(null);
            siteKind.essp.set(null);
            siteKind.all.clear();
            stageNow.set("");
            steps.clear();
            staff.clear();
            periods.clear();
            period.set(null);
            return;
        }
        loadedName = s.name();
        loadedNotes = s.notes() == null ? "" : s.notes();
        name.set(loadedName);
        notes.set(loadedNotes);
        showKind(s);
        stageNow.set(i18n.get("violence.stage.now", i18n.code(Vocabulary.CARE_STAGE, s.stage()), phase(s.stage()),
                s.stageSince() == null ? "—" : i18n.formatDate(s.stageSince())));
        List<String> order = Vocabulary.CARE_STAGE.codes();
        int next = Math.min(order.indexOf(s.stage()) + 1, order.size() - 2);
        nextStage.set(stages.get(Math.max(next, 0)));
        stageDate.set("");
        List<StepRow> stepRows = new ArrayList<>();
        for (String code : order) {
            var step = data.stages().stream().filter(g -> g.siteId() == s.id() && g.stage().equals(code)).findFirst();
            LocalDate reached = step.map(PerpetratorCareData.StageStep::reachedOn)
                    .orElse(code.equals(s.stage()) ? s.stageSince() : null);
            LocalDate planned = step.map(PerpetratorCareData.StageStep::plannedOn).orElse(null);
            if (reached != null || planned != null || code.equals(s.stage())) {
                stepRows.add(new StepRow(i18n.code(Vocabulary.CARE_STAGE, code), phase(code),
                        planned == null ? "" : i18n.formatDate(planned), reached == null ? "" : i18n.formatDate(reached)));
            }
        }
        steps.setAll(stepRows);
        staff.setAll(data.staff().stream().filter(t -> t.siteId() == s.id()).map(this::staffRow).toList());
        Integer chosenPeriod = period.get() == null ? null : period.get().id();
        List<PeriodRow> periodRows = data.periods().stream().filter(p -> p.siteId() == s.id()).map(this::periodRow).toList();
        periods.setAll(periodRows);
        period.set(periodRows.stream().filter(p -> chosenPeriod != null && p.id() == chosenPeriod).findFirst().orElse(null));
        showPeriod();
    }

    private StaffRow staffRow(Staff t) {
        String state = t.trainedOn() == null ? "" : t.staffPositionId() == null ? i18n.get("violence.inPost.unlinked")
                : PerpetratorCareFigures.inPost(t) ? i18n.get("violence.inPost.yes") : i18n.get("violence.inPost.no");
        return new StaffRow(t.id(), t.version(), t.fullName() == null ? (t.positionHolder() == null ? "—" : t.positionHolder()) : t.fullName(),
                cadre(t.cadreCode()), t.role() == null ? "" : t.role(),
                t.trainedOn() == null ? "" : i18n.formatDate(t.trainedOn()),
                t.trainingHours() == null ? "" : i18n.formatDecimal(t.trainingHours(), 0), state);
    }

    private String cadre(String code) {
        PerpetratorCareRepository.CadreLabel label = code == null ? null : cadres.get(code);
        if (label == null) {
            return code == null ? "" : code;
        }
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> label.ar() == null ? label.fr() : label.ar();
            case "en" -> label.en() == null ? label.fr() : label.en();
            default -> label.fr();
        };
    }

    private PeriodRow periodRow(Period p) {
        long total = data.referrals().stream().filter(r -> r.periodId() == p.id()).mapToLong(PerpetratorCareData.Referral::referrals).sum();
        return new PeriodRow(p.id(), p.version(), i18n.formatDate(p.start()) + " – " + i18n.formatDate(p.end()),
                p.patientsFollowed(), p.newPatients(), p.sessions() == null ? "" : String.valueOf(p.sessions()),
                p.dropouts() == null ? "" : String.valueOf(p.dropouts()), total);
    }

    /** Fills the period form with the chosen period (blank for a new one) and its referrals. */
    private void showPeriod() {
        PeriodRow row = period.get();
        Period p = row == null || data == null ? null
                : data.periods().stream().filter(x -> x.id() == row.id()).findFirst().orElse(null);
        periodStart.set(p == null ? "" : i18n.formatDate(p.start()));
        periodEnd.set(p == null ? "" : i18n.formatDate(p.end()));
        followed.set(p == null ? "" : String.valueOf(p.patientsFollowed()));
        newPatients.set(p == null ? "" : String.valueOf(p.newPatients()));
        sessions.set(p == null || p.sessions() == null ? "" : String.valueOf(p.sessions()));
        dropouts.set(p == null || p.dropouts() == null ? "" : String.valueOf(p.dropouts()));
        referrals.forEach((source, field) -> field.set(p == null ? "" : data.referrals().stream()
                .filter(r -> r.periodId() == p.id() && r.source().equals(source)).findFirst()
                .map(r -> String.valueOf(r.referrals())).orElse("")));
    }

    /** A new period: the form emptied, starting the day after the site's last period when there is one. */
    public void newPeriod() {
        period.set(null);
        showPeriod();
        Site s = site();
        if (s != null) {
            data.periods().stream().filter(p -> p.siteId() == s.id()).map(Period::end).max(LocalDate::compareTo)
                    .ifPresent(end -> {
                        periodStart.set(i18n.formatDate(end.plusDays(1)));
                        periodEnd.set(i18n.formatDate(end.plusDays(1).plusMonths(3).minusDays(1)));
                    });
        }
        periodMessage.set("");
    }

    // ------------------------------------------------------------------ writes

    /** The ESSPs a new site of {@code province} can name, read in the background; the ESSP chosen before cleared. */
    private void loadNewSiteEssps(FilterChoice province) {
        newSite.essp.set(null);
        newSite.all.clear();
        if (province == null || province.isAll()) {
            return;
        }
        int provinceId = Integer.parseInt(province.value());
        executor.execute(BackgroundTask.wrap(() -> repository.essps(provinceId))
                .onSuccess(list -> {
                    if (province.equals(newSiteProvince.get())) {
                        newSite.all.setAll(esspChoices(list));
                    }
                })
                .onFailure(e -> newSiteMessage.set(i18n.get("violence.error", Failures.reason(e, i18n)))));
    }

    private List<FilterChoice> esspChoices(List<PerpetratorCareRepository.EsspChoice> list) {
        return list.stream().map(e -> new FilterChoice(String.valueOf(e.id()),
                i18n.codeAndName(e.code(), i18n.localName(e.nameFr(), e.nameAr())))).toList();
    }

    /**
     * The site form's kind and hosting ESSP as loaded; the ESSPs of the site's province read in the background (the
     * hosting one is kept by its id meanwhile, so the form is not taken for edited).
     */
    private void showKind(Site s) {
        loadedKind = s.kind();
        loadedEssp = "essp".equals(s.kind()) && s.esspId() != null ? String.valueOf(s.esspId()) : null;
        siteKind.kind.set(siteKinds.stream().filter(c -> c.value().equals(s.kind())).findFirst().orElse(null));
        siteKind.search.set("");
        siteKind.essp.set(loadedEssp == null ? null : new FilterChoice(loadedEssp, loadedEssp));
        int provinceId = s.provinceId();
        int siteId = s.id();
        executor.execute(BackgroundTask.wrap(() -> repository.essps(provinceId))
                .onSuccess(list -> {
                    if (Objects.equals(shownSiteId, siteId)) {
                        // read before the list changes: a ComboBox showing the list may clear its value then
                        FilterChoice chosen = siteKind.essp.get();
                        siteKind.all.setAll(esspChoices(list));
                        if (chosen != null) {
                            siteKind.all.stream().filter(c -> c.value().equals(chosen.value())).findFirst()
                                    .ifPresent(siteKind.essp::set);
                        }
                    }
                })
                .onFailure(e -> siteMessage.set(i18n.get("violence.error", Failures.reason(e, i18n)))));
    }

    /** Adds a site of the kind chosen; an ESSP site names its hosting ESSP, one of the province's (the list offered). */
    public void addSite() {
        FilterChoice province = newSiteProvince.get();
        Integer provinceId = province == null ? null : Integer.valueOf(province.value());
        String kind = newSite.kindCode("hospital");
        Integer esspId = newSite.esspId();
        // the ESSPs offered are the province's: one chosen is of the site's province (the repository checks it again)
        Optional<Problem> problem = PerpetratorCareRules.site(newSiteName.get(), provinceId, kind, esspId == null ? null : provinceId);
        if (problem.isPresent()) {
            newSiteMessage.set(message(problem.get()));
            return;
        }
        String siteName = newSiteName.get().strip();
        recorded(i18n.get("violence.undo.addSite", siteName), () -> {
            int id = repository.addSite(edit, siteName, provinceId, kind, esspId, today);
            history.wrote(TABLE_SITE, id, 1);
            return liveness(TABLE_SITE, id, true, repository::deleteSite, repository::restoreSite);
        }, newSiteMessage, () -> {
            newSiteName.set("");
            newSite.essp.set(null);
            newSite.search.set("");
        });
    }

    private static final String TABLE_SITE = "perpetrator_care_site";
    private static final String TABLE_STAFF = "perpetrator_care_staff";
    private static final String TABLE_PERIOD = "perpetrator_care_period";

    /** A soft delete or a restore of row {@code id} from {@code version}; the version it leaves. */
    @FunctionalInterface
    private interface RowWrite {
        int write(EditContext edit, int id, int version) throws Exception;
    }

    /**
     * Soft-deletes ({@code delete}) or restores row {@code id} of {@code table} from the version this screen left it
     * at; its inverse does the other (the undo of an add is a delete, the undo of a removal a restore).
     */
    private EditHistory.Inverse liveness(String table, int id, boolean delete, RowWrite remove, RowWrite restore) {
        return () -> {
            int from = history.versionOf(table, id, 0);
            history.wrote(table, id, delete ? remove.write(edit, id, from) : restore.write(edit, id, from));
            return liveness(table, id, !delete, remove, restore);
        };
    }

    /**
     * Runs {@code edit} (a write that returns what undoes it) in the background as {@link #write} does, and records it
     * in {@link #history()} as {@code what} once written (Ctrl+Z undoes it, Ctrl+Y redoes it).
     */
    private boolean recorded(String what, EditHistory.Inverse edit, ReadOnlyStringWrapper message, Runnable after) {
        return recorded(what, edit, message, after, () -> { });
    }

    private boolean recorded(String what, EditHistory.Inverse edit, ReadOnlyStringWrapper message, Runnable after,
                             Runnable refused) {
        EditHistory.Inverse[] undo = new EditHistory.Inverse[1];
        return write(() -> undo[0] = edit.apply(), message, () -> {
            history.record(what, undo[0]);
            after.run();
        }, refused);
    }

    /** What the site form writes: name, notes, kind and hosting ESSP (null unless an ESSP site). */
    private record SiteFields(String name, String notes, String kind, Integer esspId) {
    }

    /**
     * Saves the site form (name, notes, kind and hosting ESSP, checked as when the site was added); the save is
     * recorded in {@link #history()} (Ctrl+Z puts the site back as loaded). Completes with whether it was written.
     */
    public CompletionStage<Boolean> saveSite() {
        SiteRow row = selected.get();
        Site s = site();
        if (row == null || s == null) {
            return CompletableFuture.completedFuture(true);
        }
        String kind = siteKind.kindCode(loadedKind);
        Integer esspId = siteKind.esspId();
        // the ESSPs offered are the site's province's (the repository checks it again)
        Optional<Problem> problem = PerpetratorCareRules.site(name.get(), s.provinceId(), kind,
                esspId == null ? null : s.provinceId());
        if (problem.isPresent()) {
            siteMessage.set(message(problem.get()));
            return CompletableFuture.completedFuture(false);
        }
        String text = notes.get() == null ? "" : notes.get().strip();
        SiteFields before = new SiteFields(loadedName, loadedNotes, loadedKind,
                loadedEssp == null ? null : Integer.valueOf(loadedEssp));
        SiteFields after = new SiteFields(name.get().strip(), text, kind, esspId);
        history.wrote(TABLE_SITE, row.id(), row.version());
        String what = i18n.get("violence.undo.site", after.name());
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!recorded(what, putSite(row.id(), after, before), siteMessage, () -> {
            loadedName = after.name();
            loadedNotes = after.notes();
            loadedKind = after.kind();
            loadedEssp = after.esspId() == null ? null : String.valueOf(after.esspId());
            name.set(loadedName);
            notes.set(loadedNotes);
            done.complete(true);
        }, () -> done.complete(false))) {
            done.complete(false);
        }
        return done;
    }

    /**
     * Writes {@code to} over site {@code id} (only what differs from {@code from}: name and notes, then kind and ESSP),
     * starting from the version this screen last left it at; its inverse writes {@code from} back.
     */
    private EditHistory.Inverse putSite(int id, SiteFields to, SiteFields from) {
        return () -> {
            int version = history.versionOf(TABLE_SITE, id, 0);
            if (!Objects.equals(to.name(), from.name()) || !Objects.equals(to.notes(), from.notes())) {
                version = repository.updateSite(edit, id, version, to.name(), to.notes());
            }
            if (!Objects.equals(to.kind(), from.kind()) || !Objects.equals(to.esspId(), from.esspId())) {
                version = repository.updateSiteKind(edit, id, version, to.kind(), to.esspId());
            }
            history.wrote(TABLE_SITE, id, version);
            return putSite(id, from, to);
        };
    }

    /** Puts the site form back as last loaded. */
    public void discardSite() {
        name.set(loadedName);
        notes.set(loadedNotes);
        siteKind.kind.set(siteKinds.stream().filter(c -> c.value().equals(loadedKind)).findFirst().orElse(null));
        siteKind.essp.set(loadedEssp == null ? null
                : siteKind.all.stream().filter(c -> c.value().equals(loadedEssp)).findFirst()
                        .orElse(new FilterChoice(loadedEssp, loadedEssp)));
        siteMessage.set("");
    }

    /** The stage gate's evidence for a site, from the loaded rows (the repository checks it again when writing). */
    PerpetratorCareRules.Evidence evidence(int siteId) {
        int trained = (int) data.staff().stream().filter(t -> t.siteId() == siteId && t.trainedOn() != null).count();
        List<Period> withPatients = data.periods().stream().filter(p -> p.siteId() == siteId && p.patientsFollowed() > 0).toList();
        return new PerpetratorCareRules.Evidence(trained, withPatients.size(),
                withPatients.stream().map(Period::start).min(LocalDate::compareTo).orElse(null),
                withPatients.stream().map(Period::end).max(LocalDate::compareTo).orElse(null));
    }

    /** Moves the chosen site to the chosen stage on the date typed, through the stage gate. */
    public void moveStage() {
        Site s = site();
        SiteRow row = selected.get();
        FilterChoice stage = nextStage.get();
        if (s == null || stage == null) {
            return;
        }
        LocalDate date;
        try {
            date = i18n.parseDate(stageDate.get());
        } catch (DateTimeParseException e) {
            stageMessage.set(i18n.get("violence.rule.DATE_FORMAT"));
            return;
        }
        Optional<Problem> problem = PerpetratorCareRules.stageGate(stage.value(), date, s.stageSince(), evidence(s.id()));
        if (problem.isPresent()) {
            stageMessage.set(message(problem.get()));
            return;
        }
        LocalDate reachedBefore = data.stages().stream().filter(g -> g.siteId() == s.id() && g.stage().equals(stage.value()))
                .findFirst().map(PerpetratorCareData.StageStep::reachedOn).orElse(null);
        history.wrote(TABLE_SITE, s.id(), row.version());
        recorded(i18n.get("violence.undo.stage", i18n.code(Vocabulary.CARE_STAGE, stage.value()), shortName(s)),
                move(s.id(), s.stage(), s.stageSince(), stage.value(), date, reachedBefore), stageMessage, () -> { });
    }

    /**
     * Moves site {@code id} from {@code stage} (reached on {@code since}) to {@code to} on {@code on} through the gate,
     * from the version this screen left it at; its inverse puts the site back at {@code stage} and the date {@code to}
     * was reached back to {@code toReachedBefore} (going back needs no evidence), whose inverse is the move again.
     */
    private EditHistory.Inverse move(int id, String stage, LocalDate since, String to, LocalDate on, LocalDate toReachedBefore) {
        return () -> {
            history.wrote(TABLE_SITE, id, repository.moveStage(edit, id, history.versionOf(TABLE_SITE, id, 0), to, on));
            return () -> {
                history.wrote(TABLE_SITE, id, repository.stageBack(edit, id, history.versionOf(TABLE_SITE, id, 0), stage,
                        since, to, toReachedBefore));
                return move(id, stage, since, to, on, toReachedBefore);
            };
        };
    }

    /** Sets (or clears, blank) the date the chosen stage is planned for. */
    public void savePlanned() {
        Site s = site();
        FilterChoice stage = plannedStage.get();
        if (s == null || stage == null) {
            return;
        }
        LocalDate date;
        try {
            date = i18n.parseDate(plannedDate.get());
        } catch (DateTimeParseException e) {
            stageMessage.set(i18n.get("violence.rule.DATE_FORMAT"));
            return;
        }
        LocalDate before = data.stages().stream().filter(g -> g.siteId() == s.id() && g.stage().equals(stage.value()))
                .findFirst().map(PerpetratorCareData.StageStep::plannedOn).orElse(null);
        recorded(i18n.get("violence.undo.planned", i18n.code(Vocabulary.CARE_STAGE, stage.value()), shortName(s)),
                planned(s.id(), stage.value(), date, before), stageMessage, () -> plannedDate.set(""));
    }

    /** Sets the date {@code stage} of site {@code id} is planned for to {@code to}; its inverse sets {@code from} back. */
    private EditHistory.Inverse planned(int id, String stage, LocalDate to, LocalDate from) {
        return () -> {
            repository.setPlanned(edit, id, stage, to);
            return planned(id, stage, from, to);
        };
    }

    public void searchCandidates() {
        String text = search.get();
        executor.execute(BackgroundTask.wrap(() -> repository.staffCandidates(text, 200))
                .onSuccess(list -> {
                    if (Objects.equals(text, search.get())) {
                        candidates.setAll(list.stream().map(c -> new CandidateRow(c, switch (i18n.locale().getLanguage()) {
                            case "ar" -> c.cadreAr();
                            case "en" -> c.cadreEn();
                            default -> c.cadreFr();
                        }, c.placeName() == null ? "" : c.placeName())).toList());
                    }
                })
                .onFailure(e -> staffMessage.set(i18n.get("violence.error", Failures.reason(e, i18n)))));
    }

    /** Adds the staff record picked as trained staff of the chosen site, trained on the date typed. */
    public void addStaff(CandidateRow candidate) {
        Site s = site();
        if (s == null || candidate == null) {
            return;
        }
        LocalDate date;
        try {
            date = i18n.parseDate(trainedOn.get());
        } catch (DateTimeParseException e) {
            staffMessage.set(i18n.get("violence.rule.DATE_FORMAT"));
            return;
        }
        if (date == null) {
            staffMessage.set(message(new Problem(Code.DATE_REQUIRED)));
            return;
        }
        Double hours = trainingHours.get() == null || trainingHours.get().isBlank() ? null
                : EsspFormRules.parseDecimal(trainingHours.get());
        if (trainingHours.get() != null && !trainingHours.get().isBlank() && hours == null) {
            staffMessage.set(i18n.get("violence.rule.NOT_A_NUMBER"));
            return;
        }
        Optional<Problem> problem = PerpetratorCareRules.staff(candidate.candidate().holderName(), false, hours);
        if (problem.isPresent()) {
            staffMessage.set(message(problem.get()));
            return;
        }
        String r = role.get();
        recorded(i18n.get("violence.undo.addStaff", candidate.candidate().holderName()), () -> {
            int id = repository.addStaff(edit, s.id(), candidate.candidate().positionId(), null, null, r, date, hours);
            history.wrote(TABLE_STAFF, id, 1);
            return liveness(TABLE_STAFF, id, true, repository::deleteStaff, repository::restoreStaff);
        }, staffMessage, () -> { });
    }

    public void deleteStaff(StaffRow row) {
        if (row != null) {
            history.wrote(TABLE_STAFF, row.id(), row.version());
            recorded(i18n.get("violence.undo.removeStaff", row.name()),
                    liveness(TABLE_STAFF, row.id(), true, repository::deleteStaff, repository::restoreStaff),
                    staffMessage, () -> { });
        }
    }

    private Integer count(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Writes the period form: a new period of the chosen site, or the chosen period rewritten. */
    public void savePeriod() {
        Site s = site();
        if (s == null) {
            return;
        }
        LocalDate start;
        LocalDate end;
        try {
            start = i18n.parseDate(periodStart.get());
            end = i18n.parseDate(periodEnd.get());
        } catch (DateTimeParseException e) {
            periodMessage.set(i18n.get("violence.rule.DATE_FORMAT"));
            return;
        }
        Integer f;
        Integer n;
        Integer sess;
        Integer drop;
        try {
            f = count(followed.get());
            n = count(newPatients.get());
            sess = count(sessions.get());
            drop = count(dropouts.get());
        } catch (IllegalArgumentException e) {
            periodMessage.set(i18n.get("violence.rule.NOT_A_NUMBER"));
            return;
        }
        PeriodRow row = period.get();
        List<PerpetratorCareRules.Span> others = data.periods().stream()
                .filter(p -> p.siteId() == s.id() && (row == null || p.id() != row.id()))
                .map(p -> new PerpetratorCareRules.Span(p.start(), p.end())).toList();
        long referred = row == null ? 0 : row.referrals();
        Optional<Problem> problem = PerpetratorCareRules.period(start, end, f, n, sess, drop, referred, others);
        if (problem.isPresent()) {
            periodMessage.set(message(problem.get()));
            return;
        }
        PeriodFields after = new PeriodFields(start, end, f, n, sess, drop);
        String what = i18n.get(row == null ? "violence.undo.addPeriod" : "violence.undo.editPeriod",
                i18n.formatDate(start) + " – " + i18n.formatDate(end), shortName(s));
        if (row == null) {
            recorded(what, () -> {
                int id = repository.addPeriod(edit, s.id(), start, end, f, n, sess, drop);
                history.wrote(TABLE_PERIOD, id, 1);
                return liveness(TABLE_PERIOD, id, true, repository::deletePeriod, repository::restorePeriod);
            }, periodMessage, () -> { });
            return;
        }
        Period p = data.periods().stream().filter(x -> x.id() == row.id()).findFirst().orElseThrow();
        PeriodFields before = new PeriodFields(p.start(), p.end(), p.patientsFollowed(), p.newPatients(), p.sessions(),
                p.dropouts());
        history.wrote(TABLE_PERIOD, row.id(), row.version());
        recorded(what, putPeriod(row.id(), after, before), periodMessage, () -> { });
    }

    /** What the period form writes. */
    private record PeriodFields(LocalDate start, LocalDate end, Integer followed, Integer newPatients, Integer sessions,
                                Integer dropouts) {
    }

    /** Rewrites period {@code id} as {@code to} (checked as typed) from the version this screen left; its inverse writes {@code from} back. */
    private EditHistory.Inverse putPeriod(int id, PeriodFields to, PeriodFields from) {
        return () -> {
            history.wrote(TABLE_PERIOD, id, repository.updatePeriod(edit, id, history.versionOf(TABLE_PERIOD, id, 0),
                    to.start(), to.end(), to.followed(), to.newPatients(), to.sessions(), to.dropouts()));
            return putPeriod(id, from, to);
        };
    }

    public void deletePeriod() {
        PeriodRow row = period.get();
        Site s = site();
        if (row != null && s != null) {
            history.wrote(TABLE_PERIOD, row.id(), row.version());
            recorded(i18n.get("violence.undo.deletePeriod", row.dates(), shortName(s)),
                    liveness(TABLE_PERIOD, row.id(), true, repository::deletePeriod, repository::restorePeriod),
                    periodMessage, () -> period.set(null));
        }
    }

    /** Writes the referrals by source of the chosen period (blank: 0). */
    public void saveReferrals() {
        PeriodRow row = period.get();
        if (row == null) {
            referralMessage.set(i18n.get("violence.referrals.choosePeriod"));
            return;
        }
        Map<String, Integer> bySource = new LinkedHashMap<>();
        try {
            for (var e : referrals.entrySet()) {
                Integer n = count(e.getValue().get());
                bySource.put(e.getKey(), n == null ? 0 : n);
            }
        } catch (IllegalArgumentException e) {
            referralMessage.set(i18n.get("violence.rule.NOT_A_NUMBER"));
            return;
        }
        for (int n : bySource.values()) {
            Optional<Problem> problem = PerpetratorCareRules.referrals(n, row.followed());
            if (problem.isPresent()) {
                referralMessage.set(message(problem.get()));
                return;
            }
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        for (String source : bySource.keySet()) {
            before.put(source, data.referrals().stream().filter(x -> x.periodId() == row.id() && x.source().equals(source))
                    .mapToInt(PerpetratorCareData.Referral::referrals).sum());
        }
        Site s = site();
        recorded(i18n.get("violence.undo.referrals", row.dates(), s == null ? "" : shortName(s)),
                referrals(row.id(), bySource, before), referralMessage, () -> { });
    }

    /** Sets the referrals by source of period {@code id} to {@code to}; its inverse sets {@code from} back. */
    private EditHistory.Inverse referrals(int id, Map<String, Integer> to, Map<String, Integer> from) {
        return () -> {
            repository.setReferrals(edit, id, to);
            return referrals(id, from, to);
        };
    }

    private <V> boolean write(Callable<V> action, ReadOnlyStringWrapper message, Runnable after) {
        return write(action, message, after, () -> { });
    }

    private <V> boolean write(Callable<V> action, ReadOnlyStringWrapper message, Runnable after, Runnable refused) {
        if (edit == null) {
            message.set(i18n.get("violence.rule.NOT_IDENTIFIED"));
            return false;
        }
        executor.execute(BackgroundTask.wrap(action)
                .onSuccess(v -> {
                    after.run();
                    message.set(i18n.get("violence.saved"));
                    reload();
                })
                .onFailure(e -> {
                    message.set(e instanceof EditRuleException r ? ruleMessage(r.rule())
                            : i18n.get("violence.error", Failures.reason(e, i18n)));
                    refused.run();
                }));
        return true;
    }

    private String ruleMessage(String rule) {
        try {
            return message(new Problem(Code.valueOf(rule)));
        } catch (IllegalArgumentException e) {
            return rule;
        }
    }

    /** The words of a rule's code, with its arguments ("…" when the repository refused without them). */
    String message(Problem p) {
        Object[] a = p.args();
        String first = a.length > 0 ? text(a[0]) : "…";
        String second = a.length > 1 ? text(a[1]) : "…";
        String stage = a.length > 0 && a[0] instanceof String code ? i18n.code(Vocabulary.CARE_STAGE, code) : "…";
        return switch (p.code()) {
            case NAME_REQUIRED -> i18n.get("violence.rule.NAME_REQUIRED");
            case PROVINCE_REQUIRED -> i18n.get("violence.rule.PROVINCE_REQUIRED");
            case DATE_REQUIRED -> i18n.get("violence.rule.DATE_REQUIRED");
            case NEGATIVE -> i18n.get("violence.rule.NEGATIVE");
            case DATES_REVERSED -> i18n.get("violence.rule.DATES_REVERSED");
            case PERIOD_OVERLAP -> i18n.get("violence.rule.PERIOD_OVERLAP", first, second);
            case PERIOD_NOT_QUARTER -> i18n.get("violence.rule.PERIOD_NOT_QUARTER", first, second);
            case DROPOUTS_ABOVE_FOLLOWED -> i18n.get("violence.rule.DROPOUTS_ABOVE_FOLLOWED", first);
            case REFERRALS_WITHOUT_PATIENTS -> i18n.get("violence.rule.REFERRALS_WITHOUT_PATIENTS");
            case STAGE_NEEDS_TRAINED_STAFF -> i18n.get("violence.rule.STAGE_NEEDS_TRAINED_STAFF", stage);
            case STAGE_NEEDS_PATIENTS -> i18n.get("violence.rule.STAGE_NEEDS_PATIENTS", stage);
            case STAGE_NEEDS_SIX_MONTHS -> i18n.get("violence.rule.STAGE_NEEDS_SIX_MONTHS", stage, second);
            case STAGE_DATE_BEFORE_CURRENT -> i18n.get("violence.rule.STAGE_DATE_BEFORE_CURRENT", first);
            case STAFF_DELETED -> i18n.get("violence.rule.STAFF_DELETED");
            case ESSP_REQUIRED -> i18n.get("violence.rule.ESSP_REQUIRED");
            case ESSP_OTHER_PROVINCE -> i18n.get("violence.rule.ESSP_OTHER_PROVINCE");
        };
    }

    private String text(Object o) {
        return o instanceof LocalDate d ? i18n.formatDate(d) : String.valueOf(o);
    }

    // ------------------------------------------------------------------ dashboard and timeline

    private void showDashboard(PerpetratorCareData scope, PerpetratorCareFigures.Funnel f) {
        double base = Math.max(1, f.targeted());
        funnel.setAll(new FunnelStep(i18n.get("violence.funnel.targeted"), f.targeted(), f.targeted() / base),
                new FunnelStep(i18n.get("violence.funnel.trained"), f.trained(), f.trained() / base),
                new FunnelStep(i18n.get("violence.funnel.delivering"), f.delivering(), f.delivering() / base),
                new FunnelStep(i18n.get("violence.funnel.sustained"), f.sustained(), f.sustained() / base));
        regionStages.setAll(PerpetratorCareFigures.stagesByRegion(scope, asOf).stream().map(r -> new RegionRow(
                r.regionId() == null ? i18n.get("violence.allRegions") : i18n.localName(r.regionFr(), r.regionAr()),
                PerpetratorCareFigures.PHASES.stream().map(ph -> r.planned().get(ph) + " / " + r.actual().get(ph)).toList(),
                r.notPlanned(), r.suspended())).toList());
        PerpetratorCareFigures.Retention ret = PerpetratorCareFigures.retention(scope);
        retention.set(ret.rate() == null ? i18n.get("violence.retention.none")
                : i18n.get("violence.retention", i18n.formatDecimal(100 * ret.rate(), 0), ret.dropouts(), ret.patientsFollowed()));
        Map<String, Long> mix = PerpetratorCareFigures.referralMix(scope);
        long total = mix.values().stream().mapToLong(Long::longValue).sum();
        referralMix.setAll(mix.entrySet().stream().map(e -> new MixRow(i18n.code(Vocabulary.REFERRAL_SOURCE, e.getKey()),
                e.getValue(), total == 0 ? "—" : i18n.formatDecimal(100.0 * e.getValue() / total, 0) + " %",
                total == 0 ? 0 : (double) e.getValue() / total)).toList());
        inPost.setAll(PerpetratorCareFigures.stillInPost(scope).stream()
                .filter(r -> r.level() != PerpetratorCareFigures.Level.PROVINCE)
                .map(r -> new InPostRow(r.level() == PerpetratorCareFigures.Level.NATIONAL ? i18n.get("violence.allRegions")
                        : i18n.localName(r.nameFr(), r.nameAr()), r.trained(), r.linked(), r.inPost(),
                        r.share() == null ? "—" : i18n.formatDecimal(100 * r.share(), 0) + " %")).toList());
    }

    private void showTimeline(PerpetratorCareData scope) {
        List<PerpetratorCareFigures.Bar> bars = PerpetratorCareFigures.timeline(scope, asOf);
        LocalDate first = bars.stream().flatMap(b -> b.segments().stream()).map(PerpetratorCareFigures.Segment::from)
                .min(LocalDate::compareTo).orElse(asOf.minusYears(1));
        LocalDate from = first.withDayOfMonth(1).withMonth(((first.getMonthValue() - 1) / 3) * 3 + 1);
        LocalDate to = asOf.isAfter(from) ? asOf : from.plusMonths(3);
        double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        List<TimelineRow> rows = new ArrayList<>();
        for (PerpetratorCareFigures.Bar b : bars) {
            List<Bar> parts = new ArrayList<>();
            for (PerpetratorCareFigures.Segment s : b.segments()) {
                double start = ChronoUnit.DAYS.between(from, s.from()) / days;
                double width = Math.max(ChronoUnit.DAYS.between(s.from(), s.to()) / days, 0.004);
                parts.add(new Bar(s.stage(), start, width, i18n.code(Vocabulary.CARE_STAGE, s.stage()) + " : "
                        + i18n.formatDate(s.from()) + " – " + i18n.formatDate(s.to())));
            }
            Site site = scope.sites().stream().filter(x -> x.id() == b.siteId()).findFirst().orElseThrow();
            rows.add(new TimelineRow(shortName(site), i18n.code(Vocabulary.CARE_STAGE, b.stage()), parts));
        }
        List<Tick> marks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusMonths(3)) {
            marks.add(new Tick(ChronoUnit.DAYS.between(from, d) / days,
                    d.getMonthValue() == 1 ? String.valueOf(d.getYear())
                            : i18n.get("violence.timeline.quarter", (d.getMonthValue() - 1) / 3 + 1)));
        }
        // the axis first: the view draws the rows (and their quarter lines) when the rows change
        ticks.setAll(marks);
        timeline.setAll(rows);
    }

    // ------------------------------------------------------------------ the shell's guard

    /** The site form as the shell's unsaved-changes guard sees it. */
    public UnsavedChanges unsavedChanges() {
        return new UnsavedChanges() {
            @Override
            public ReadOnlyBooleanProperty unsavedProperty() {
                return unsaved.getReadOnlyProperty();
            }

            @Override
            public CompletionStage<Boolean> save() {
                return saveSite();
            }

            @Override
            public void discard() {
                discardSite();
            }
        };
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<FilterChoice> regions() { return regions; }
    public ObjectProperty<FilterChoice> regionProperty() { return region; }
    public ObservableList<FilterChoice> stageFilters() { return stageFilters; }
    public ObjectProperty<FilterChoice> stageFilterProperty() { return stageFilter; }
    public ObservableList<SiteRow> sites() { return sites; }
    public ObjectProperty<SiteRow> selectedProperty() { return selected; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadErrorProperty() { return loadError.getReadOnlyProperty(); }
    public ObservableList<FilterChoice> provinces() { return provinces; }
    public StringProperty nameProperty() { return name; }
    public StringProperty notesProperty() { return notes; }
    public ReadOnlyBooleanProperty unsavedProperty() { return unsaved.getReadOnlyProperty(); }
    public ReadOnlyStringProperty siteMessageProperty() { return siteMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stageNowProperty() { return stageNow.getReadOnlyProperty(); }
    public ObservableList<FilterChoice> stages() { return stages; }
    public ObjectProperty<FilterChoice> nextStageProperty() { return nextStage; }
    public StringProperty stageDateProperty() { return stageDate; }
    public ReadOnlyStringProperty stageMessageProperty() { return stageMessage.getReadOnlyProperty(); }
    public ObjectProperty<FilterChoice> plannedStageProperty() { return plannedStage; }
    public StringProperty plannedDateProperty() { return plannedDate; }
    public ObservableList<StepRow> steps() { return steps; }
    public StringProperty newSiteNameProperty() { return newSiteName; }
    public ObjectProperty<FilterChoice> newSiteProvinceProperty() { return newSiteProvince; }
    public ReadOnlyStringProperty newSiteMessageProperty() { return newSiteMessage.getReadOnlyProperty(); }
    public ObservableList<FilterChoice> siteKinds() { return siteKinds; }
    public ObjectProperty<FilterChoice> newSiteKindProperty() { return newSite.kind; }
    public ObservableList<FilterChoice> newSiteEssps() { return newSite.essps; }
    public StringProperty newSiteEsspSearchProperty() { return newSite.search; }
    public ObjectProperty<FilterChoice> newSiteEsspProperty() { return newSite.essp; }
    /** The add-site form's kind and ESSP picker. */
    public KindPicker newSitePicker() { return newSite; }
    /** The site form's kind and ESSP picker. */
    public KindPicker sitePicker() { return siteKind; }
    /** The screen's saved site edits, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() { return history; }
    public ObservableList<StaffRow> staff() { return staff; }
    public ObservableList<CandidateRow> candidates() { return candidates; }
    public StringProperty searchProperty() { return search; }
    public StringProperty trainedOnProperty() { return trainedOn; }
    public StringProperty trainingHoursProperty() { return trainingHours; }
    public StringProperty roleProperty() { return role; }
    public ReadOnlyStringProperty staffMessageProperty() { return staffMessage.getReadOnlyProperty(); }
    public ObservableList<PeriodRow> periods() { return periods; }
    public ObjectProperty<PeriodRow> periodProperty() { return period; }
    public StringProperty periodStartProperty() { return periodStart; }
    public StringProperty periodEndProperty() { return periodEnd; }
    public StringProperty followedProperty() { return followed; }
    public StringProperty newPatientsProperty() { return newPatients; }
    public StringProperty sessionsProperty() { return sessions; }
    public StringProperty dropoutsProperty() { return dropouts; }
    public Map<String, StringProperty> referralFields() { return referrals; }
    public ReadOnlyStringProperty periodMessageProperty() { return periodMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty referralMessageProperty() { return referralMessage.getReadOnlyProperty(); }
    public ObservableList<FunnelStep> funnel() { return funnel; }
    public ObservableList<RegionRow> regionStages() { return regionStages; }
    public ObservableList<MixRow> referralMix() { return referralMix; }
    public ObservableList<InPostRow> inPost() { return inPost; }
    public ReadOnlyStringProperty retentionProperty() { return retention.getReadOnlyProperty(); }
    public ObservableList<TimelineRow> timeline() { return timeline; }
    public ObservableList<Tick> ticks() { return ticks; }
}
