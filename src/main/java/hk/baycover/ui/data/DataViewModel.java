package hk.baycover.ui.data;

import hk.baycover.model.Catalog;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.store.CatalogStore;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** State of the Data screen: the datasets, a running import/export with progress and cancel, and its outcome. */
public final class DataViewModel {

    private final UiContext ctx;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty outcomeIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObservableMap<String, Freshness> freshness = FXCollections.observableHashMap();
    private Task<?> running;

    public DataViewModel(UiContext ctx) {
        this.ctx = ctx;
        datasets.setAll(ctx.catalog().datasets());
        ctx.catalogProperty().addListener((o, a, c) -> {
            datasets.setAll(c.datasets());
            refreshFreshness();
        });
        refreshFreshness();
    }

    /** Freshness of each dataset (oldest as-of, records older than 12 months, official coverage), by dataset id. */
    public ObservableMap<String, Freshness> freshness() { return freshness; }

    /** Recomputes every dataset's freshness in the background (it reads each pack back from SQLite). */
    public Task<Map<String, Freshness>> refreshFreshness() {
        List<String> ids = datasets.stream().map(DatasetInfo::id).toList();
        LocalDate today = ctx.today();
        Task<Map<String, Freshness>> task = ctx.background().submit(m -> {
            Map<String, Freshness> out = new LinkedHashMap<>();
            for (String id : ids) out.put(id, Freshness.of(ctx.app().catalogStore().pack(id), today));
            return out;
        });
        task.setOnSucceeded(e -> freshness.putAll(task.getValue()));
        return task;
    }

    public ObservableList<DatasetInfo> datasets() { return datasets; }

    public ObservableList<String> problems() { return problems; }

    public StringProperty outcomeProperty() { return outcome; }

    public BooleanProperty outcomeIsErrorProperty() { return outcomeIsError; }

    public BooleanProperty busyProperty() { return busy; }

    public DoubleProperty progressProperty() { return progress; }

    /** Validates and imports the files in the background; on any problem nothing changes and the problems are listed. */
    public Task<?> importFiles(List<Path> files) {
        if (files.isEmpty() || busy.get()) return null;
        problems.clear();
        outcome.set(ctx.tr().get("data.importing", files.size()));
        outcomeIsError.set(false);
        var lang = ctx.tr().lang();
        record Done(List<CatalogStore.Imported> imported, Catalog catalog) {
        }
        Task<Done> task = ctx.background().submit(m -> {
            List<CatalogStore.Imported> done = ctx.app().catalogStore().importFiles(files, CatalogStore.Origin.IMPORTED, lang, m);
            return new Done(done, ctx.app().reload());
        });
        track(task);
        task.setOnSucceeded(e -> {
            finish();
            Done d = task.getValue();
            ctx.catalogProperty().set(d.catalog());
            int records = d.imported().stream().mapToInt(CatalogStore.Imported::records).sum();
            outcome.set(ctx.tr().get("data.imported", d.imported().size(), records));
        });
        task.setOnFailed(e -> fail(task.getException()));
        task.setOnCancelled(e -> {
            finish();
            outcome.set(ctx.tr().get("task.cancelled"));
        });
        return task;
    }

    /** Writes every dataset as a pack into {@code dir}. */
    public Task<?> exportTo(Path dir) {
        if (busy.get()) return null;
        problems.clear();
        outcomeIsError.set(false);
        Task<List<Path>> task = ctx.background().submit(m -> ctx.app().catalogStore().exportAll(dir, m));
        track(task);
        task.setOnSucceeded(e -> {
            finish();
            outcome.set(ctx.tr().get("data.exported", task.getValue().size(), dir));
        });
        task.setOnFailed(e -> fail(task.getException()));
        task.setOnCancelled(e -> {
            finish();
            outcome.set(ctx.tr().get("task.cancelled"));
        });
        return task;
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    private void track(Task<?> task) {
        running = task;
        busy.set(true);
        progress.unbind();
        progress.bind(task.progressProperty());
    }

    private void finish() {
        progress.unbind();
        progress.set(0);
        busy.set(false);
        running = null;
    }

    private void fail(Throwable t) {
        finish();
        outcomeIsError.set(true);
        String text = Errors.describe(ctx.tr().lang(), t);
        String[] lines = text.split("\n");
        outcome.set(lines[0]);
        problems.setAll(List.of(lines).subList(1, lines.length));
    }
}
