package ma.essp.diag.app.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
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
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.repository.AuditRepository;
import ma.essp.diag.database.repository.AuditRepository.Author;
import ma.essp.diag.database.repository.AuditRepository.Entry;
import ma.essp.diag.database.repository.AuditRepository.Filter;

/**
 * The audit screen: the changes of the mission newest first, {@value #PAGE} at a time ("more" loads the next page,
 * so a national mission's long audit never loads at once), filtered by member, days (inclusive), ESSP code and table.
 */
public final class AuditViewModel {

    public static final int PAGE = 200;

    /** One line of the table, as shown (and exported): the table and the field by their names in the language. */
    public record Row(int id, String when, String member, String device, String table, String essp, String action,
                      String field, String oldValue, String newValue) {
    }

    private final AuditRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Author> members = FXCollections.observableArrayList();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObjectProperty<Author> member = new SimpleObjectProperty<>(this, "member");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty esspCode = new SimpleStringProperty(this, "esspCode", "");
    private final ObjectProperty<String> table = new SimpleObjectProperty<>(this, "table");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    private Filter shown = Filter.NONE;
    private int total;
    private int generation;

    public AuditViewModel(AuditRepository repository, TaskExecutor executor, I18n i18n) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
    }

    private record Choices(List<Author> authors, List<String> tables) {
    }

    /** Reads the filter's choices (members, tables) and the first page. */
    public void load() {
        executor.execute(BackgroundTask.wrap(() -> new Choices(repository.authors(), repository.tables()))
                .onSuccess(c -> {
                    members.setAll(c.authors());
                    tables.setAll(c.tables());
                })
                .onFailure(e -> status.set(Failures.reason(e, i18n))));
        apply();
    }

    private record Page(Filter filter, int total, List<Entry> entries) {
    }

    /** Shows the first page of what the filters keep (an unknown ESSP code shows nothing, and says so). */
    public void apply() {
        int asked = ++generation;
        String code = esspCode.get() == null ? "" : esspCode.get().strip();
        Author who = member.get();
        LocalDate first = from.get();
        LocalDate last = to.get();
        String inTable = table.get();
        busy.set(true);
        executor.execute(BackgroundTask.wrap(() -> {
                    Integer esspId = null;
                    if (!code.isEmpty()) {
                        esspId = repository.esspIdOf(code).orElse(-1);
                    }
                    Filter filter = new Filter(who == null ? null : who.uuid(), first, last, esspId, inTable);
                    return new Page(filter, repository.count(filter), repository.page(filter, null, PAGE));
                })
                .onSuccess(page -> {
                    if (asked != generation) {
                        return;
                    }
                    shown = page.filter();
                    total = page.total();
                    rows.setAll(page.entries().stream().map(this::row).toList());
                    update(page.filter().esspId() != null && page.filter().esspId() == -1 ? code : null);
                })
                .onFailure(e -> status.set(Failures.reason(e, i18n)))
                .onFinished(() -> busy.set(false)));
    }

    /** Appends the next page of the same filters. */
    public void loadMore() {
        if (rows.isEmpty() || !more.get()) {
            return;
        }
        int asked = generation;
        int before = rows.getLast().id();
        Filter filter = shown;
        busy.set(true);
        executor.execute(BackgroundTask.wrap(() -> repository.page(filter, before, PAGE))
                .onSuccess(entries -> {
                    if (asked == generation) {
                        rows.addAll(entries.stream().map(this::row).toList());
                        update(null);
                    }
                })
                .onFailure(e -> status.set(Failures.reason(e, i18n)))
                .onFinished(() -> busy.set(false)));
    }

    /** Clears every filter and shows everything again. */
    public void clearFilters() {
        member.set(null);
        from.set(null);
        to.set(null);
        esspCode.set("");
        table.set(null);
        apply();
    }

    private void update(String unknownCode) {
        more.set(rows.size() < total);
        if (unknownCode != null) {
            status.set(i18n.get("mission.audit.unknown_essp", unknownCode));
        } else {
            status.set(i18n.get("mission.audit.count", i18n.formatNumber(rows.size()), i18n.formatNumber(total)));
        }
    }

    Row row(Entry e) {
        return new Row(e.id(), when(e.at()), e.memberName(), e.deviceId() == null ? "" : e.deviceId(), i18n.table(e.table()),
                e.esspCode() == null ? "" : i18n.codeAndName(e.esspCode(), e.esspName()), action(e.action()),
                e.field() == null ? "" : i18n.field(e.table(), e.field()), e.oldValue() == null ? "" : e.oldValue(), e.newValue() == null ? "" : e.newValue());
    }

    /** The audit's instant in this laptop's time zone: the day as the window writes dates, then the time. */
    private String when(String at) {
        try {
            ZonedDateTime local = java.time.Instant.parse(at).atZone(ZoneId.systemDefault());
            return i18n.formatDate(local.toLocalDate()) + " " + local.toLocalTime().withNano(0);
        } catch (java.time.format.DateTimeParseException e) {
            return at;
        }
    }

    private String action(String action) {
        return switch (action) {
            case "insert" -> i18n.get("mission.audit.action.insert");
            case "update" -> i18n.get("mission.audit.action.update");
            case "delete" -> i18n.get("mission.audit.action.delete");
            case "restore" -> i18n.get("mission.audit.action.restore");
            default -> action;
        };
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Author> members() {
        return members;
    }

    /** The tables of the filter, by their database names (the filter's value); {@link #tableLabel} names them. */
    public ObservableList<String> tables() {
        return tables;
    }

    /** The name of a table of the filter in the window's language. */
    public String tableLabel(String table) {
        return table == null ? "" : i18n.table(table);
    }

    public ObjectProperty<Author> memberProperty() {
        return member;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty esspCodeProperty() {
        return esspCode;
    }

    public ObjectProperty<String> tableProperty() {
        return table;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
