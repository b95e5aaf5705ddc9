package hk.baycover.ui.data;

import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

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
    private final Activity activity;
    private final ObservableMap<String, Freshness> freshness = FXCollections.observableHashMap();

    public DataViewModel(UiContext ctx) {
        this.ctx = ctx;
        this.activity = ctx.activity();
        datasets.setAll(ctx.catalog().datasets());
        ctx.catalogProperty().addListener((o, a, c) -> {
            datasets.setAll(c.datasets());
            refreshFreshness();
        });
        refreshFreshness();
    }

    /** Freshness of each dataset (oldest as-of, records older than 12 months, official coverage), by dataset id. */
    public ObservableMap<String, Freshness> freshness() { return freshness; }

    /**
     * Recomputes every dataset's freshness in the background (it reads each pack back from SQLite), on today's date by
     * the application's clock. It does not make the screen busy: imports stay possible meanwhile.
     */
    public TaskRunner.Job refreshFreshness() {
        List<String> ids = datasets.stream().map(DatasetInfo::id).toList();
        LocalDate today = ctx.today();
        return ctx.tasks().submit(m -> {
            Map<String, Freshness> out = new LinkedHashMap<>();
            for (String id : ids) out.put(id, Freshness.of(ctx.app().catalogStore().pack(id), today));
            return out;
        }, new TaskRunner.Outcome<Map<String, Freshness>>() {
            @Override
            public void succeeded(Map<String, Freshness> value) {
                freshness.keySet().retainAll(value.keySet());
                freshness.putAll(value);
            }

            @Override
            public void failed(Throwable error) {
                freshness.clear();
            }

            @Override
            public void cancelled() {
            }
        });
    }

    public ObservableList<DatasetInfo> datasets() { return datasets; }

    public ObservableList<String> problems() { return problems; }

    public StringProperty outcomeProperty() { return activity.message(); }

    public BooleanProperty outcomeIsErrorProperty() { return activity.error(); }

    public ReadOnlyBooleanProperty busyProperty() { return activity.busy(); }

    public ReadOnlyDoubleProperty progressProperty() { return activity.progress(); }

    /** Validates and imports the files in the background; on any problem nothing changes and the problems are listed. */
    public TaskRunner.Job importFiles(List<Path> files) {
        if (files.isEmpty() || activity.isBusy()) return null;
        problems.clear();
        activity.say(ctx.tr().get("data.importing", files.size()));
        var lang = ctx.tr().lang();
        return activity.run(m -> ctx.app().datasets().importFiles(files, lang, m), d -> {
            ctx.catalogProperty().set(d.catalog());
            activity.say(ctx.tr().get("data.imported", d.datasets().size(), d.records()));
        }, this::fail);
    }

    /** Writes every dataset as a pack into {@code dir}. */
    public TaskRunner.Job exportTo(Path dir) {
        if (activity.isBusy()) return null;
        problems.clear();
        activity.say("");
        return activity.run(m -> ctx.app().datasets().exportAll(dir, m),
                written -> activity.say(ctx.tr().get("data.exported", written.size(), dir)), this::fail);
    }

    public void cancel() {
        activity.cancel();
    }

    /** The first line is the headline; a pack's problems (one a line) go to the list. */
    private void fail(Throwable t) {
        String[] lines = Errors.describe(ctx.tr().lang(), t).split("\n");
        activity.complain(lines[0]);
        problems.setAll(List.of(lines).subList(1, lines.length));
    }
}
