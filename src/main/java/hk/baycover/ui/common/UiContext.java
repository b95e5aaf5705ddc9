package hk.baycover.ui.common;

import hk.baycover.app.BayCover;
import hk.baycover.model.Catalog;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What every screen needs: the services, the current catalog snapshot, settings, translations and the task runner. */
public final class UiContext {
    private final BayCover app;
    private final Settings settings;
    private final Tr tr;
    private final TaskRunner tasks;
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(Catalog.empty());
    private FileDialogs fileDialogs = FileDialogs.SYSTEM;

    public UiContext(BayCover app, Settings settings, TaskRunner tasks) {
        this.app = app;
        this.settings = settings;
        this.tr = new Tr(settings.langProperty());
        this.tasks = tasks;
        if (app != null && app.catalog() != null) catalog.set(app.catalog());
    }

    public BayCover app() { return app; }

    /** Today by the application's one clock ({@link BayCover#clock()}). */
    public java.time.LocalDate today() { return app.today(); }

    public Settings settings() { return settings; }

    public Tr tr() { return tr; }

    /** Runs background work (the JavaFX runner in the application, a synchronous one in ViewModel tests). */
    public TaskRunner tasks() { return tasks; }

    /** A new {@link Activity} for a screen's background work. */
    public Activity activity() { return new Activity(tasks, tr); }

    /** The current catalog; replaced (on the FX thread) after an import. */
    public ObjectProperty<Catalog> catalogProperty() { return catalog; }

    public Catalog catalog() { return catalog.get(); }

    public FileDialogs fileDialogs() { return fileDialogs; }

    /** Tests answer the OS file dialogs through this. */
    public void setFileDialogs(FileDialogs dialogs) { this.fileDialogs = dialogs; }
}
