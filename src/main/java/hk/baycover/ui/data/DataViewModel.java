package hk.baycover.ui.data;

import hk.baycover.model.DatasetInfo;
import hk.baycover.catalog.PackSigning;
import hk.baycover.model.Freshness;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.TrustedPublishers;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
    private final ObservableMap<String, CatalogStore.Signer> signers = FXCollections.observableHashMap();
    private final BooleanProperty signaturesKnown = new SimpleBooleanProperty(false);
    private final ObservableList<TrustedPublishers.Publisher> publishers = FXCollections.observableArrayList();

    /** What the background read finds for the table: freshness and signer per dataset, and the trusted publishers. */
    private record Facts(Map<String, Freshness> freshness, Map<String, CatalogStore.Signer> signers, List<TrustedPublishers.Publisher> publishers) {
    }

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
     * Recomputes every dataset's freshness in the background (from the tallies kept at import), on today's date by
     * the application's clock. It does not make the screen busy: imports stay possible meanwhile.
     */
    public TaskRunner.Job refreshFreshness() {
        List<String> ids = datasets.stream().map(DatasetInfo::id).toList();
        LocalDate today = ctx.today();
        return ctx.tasks().submit(m -> {
            Map<String, Freshness> out = new LinkedHashMap<>();
            for (String id : ids) out.put(id, ctx.app().catalogStore().freshness(id, today));
            return new Facts(out, ctx.app().catalogStore().signatures(), ctx.app().publishers().list());
        }, new TaskRunner.Outcome<Facts>() {
            @Override
            public void succeeded(Facts value) {
                freshness.keySet().retainAll(value.freshness().keySet());
                freshness.putAll(value.freshness());
                signers.clear();
                signers.putAll(value.signers());
                publishers.setAll(value.publishers());
                signaturesKnown.set(true);
            }

            @Override
            public void failed(Throwable error) {
                freshness.clear();
                signaturesKnown.set(false);
            }

            @Override
            public void cancelled() {
            }
        });
    }

    public ObservableList<DatasetInfo> datasets() { return datasets; }

    /** Who signed each signed dataset (by dataset id); a dataset absent from the map is unsigned or shipped. */
    public ObservableMap<String, CatalogStore.Signer> signers() { return signers; }

    /** The signature column's text: "signed by NAME (3f2a 9c01 …)", "unsigned", "shipped with BayCover" (… while reading). */
    public String signatureText(DatasetInfo d) {
        if (!signaturesKnown.get()) return "…";
        return CatalogStore.Signer.label(ctx.tr().lang(), d.origin(), signers.get(d.id()));
    }

    /** The publishers whose keys the user trusts (Data screen, "Trusted publishers"). */
    public ObservableList<TrustedPublishers.Publisher> publishers() { return publishers; }

    /** Trusts the public key in {@code keyFile} under {@code name}; the datasets it signed then show that name. */
    public TaskRunner.Job trustPublisher(Path keyFile, String name) {
        if (keyFile == null || activity.isBusy()) return null;
        problems.clear();
        return activity.run(m -> ctx.app().publishers().trust(PackSigning.readPublicKey(keyFile), name), p -> {
            refreshFreshness();
            activity.say(ctx.tr().get("data.publisher.trusted", p.name(), p.shortFingerprint()));
        }, this::fail);
    }

    /** Stops trusting a publisher's key; the datasets it signed then show the bare fingerprint. */
    public TaskRunner.Job removePublisher(TrustedPublishers.Publisher p) {
        if (p == null || activity.isBusy()) return null;
        problems.clear();
        return activity.run(m -> {
            ctx.app().publishers().remove(p.fingerprint());
            return p;
        }, removed -> {
            refreshFreshness();
            activity.say(ctx.tr().get("data.publisher.removed", removed.name()));
        }, this::fail);
    }

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
