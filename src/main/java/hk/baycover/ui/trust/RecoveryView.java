package hk.baycover.ui.trust;

import hk.baycover.app.BayCover;
import hk.baycover.app.CorruptDatabase;
import hk.baycover.store.BackupService;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.FileDialogs;
import hk.baycover.ui.common.TaskRunner;
import hk.baycover.ui.common.Tr;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Shown instead of the main window when the database failed its integrity check at start-up: offers the newest
 * automatic backup, a backup file of the user's choosing, or quitting. The damaged file is kept aside, never deleted.
 */
public final class RecoveryView extends VBox {

    public RecoveryView(Tr tr, TaskRunner tasks, FileDialogs dialogs, Path dataDir, java.time.Clock clock, CorruptDatabase error,
                        Runnable reopen, Runnable quit) {
        setId("recovery-view");
        setPadding(new Insets(32));
        setSpacing(14);
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(720);

        Label title = new Label();
        title.textProperty().bind(tr.bind("trust.ui.recovery.title"));
        title.getStyleClass().add("screen-title");
        Label what = new Label();
        what.setId("recovery-problem");
        what.setWrapText(true);
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Errors.describe(tr.lang(), error), tr.langProperty()));
        Label message = new Label();
        message.setId("recovery-message");
        message.setWrapText(true);

        Button latest = new Button();
        latest.setId("recover-latest");
        BackupService.AutoBackup auto = error.latestBackup().orElse(null);
        if (auto != null) {
            latest.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> tr.get("trust.ui.recovery.latest",
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(tr.lang().locale()).withZone(clock.getZone())
                            .format(auto.at())), tr.langProperty()));
            latest.setDefaultButton(true);
        } else {
            latest.setVisible(false);
            latest.setManaged(false);
        }
        Button file = new Button();
        file.setId("recover-file");
        file.textProperty().bind(tr.bind("trust.ui.recovery.file"));
        Button exit = new Button();
        exit.setId("recover-quit");
        exit.textProperty().bind(tr.bind("trust.ui.recovery.quit"));
        exit.setOnAction(e -> quit.run());

        Activity work = new Activity(tasks, tr);
        latest.disableProperty().bind(work.busy());
        file.disableProperty().bind(work.busy());
        message.textProperty().bind(work.message());
        work.error().addListener((o, a, failed) -> {
            message.getStyleClass().remove("error-text");
            if (failed) message.getStyleClass().add("error-text");
        });
        java.util.function.Consumer<Path> restore = p -> {
            work.say(tr.get("trust.ui.recovery.working"));
            work.run(m -> BayCover.restoreUnopened(dataDir, p, clock), restored -> reopen.run());
        };
        latest.setOnAction(e -> restore.accept(auto.file()));
        file.setOnAction(e -> dialogs.openFiles(getScene().getWindow(), tr.get("trust.ui.restore"), tr.get("trust.ui.filter"), "*.db")
                .stream().findFirst().ifPresent(restore));

        Label kept = new Label();
        kept.setWrapText(true);
        kept.getStyleClass().add("muted");
        kept.textProperty().bind(tr.bind("trust.ui.recovery.kept"));
        HBox buttons = new HBox(8, latest, file, exit);
        getChildren().addAll(title, what, buttons, message, kept);
    }
}
