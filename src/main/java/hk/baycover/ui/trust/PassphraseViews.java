package hk.baycover.ui.trust;

import hk.baycover.model.UserError;
import hk.baycover.trust.KeyManager;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/**
 * The unlock screen and the first-use screen that sets the passphrase. Key derivation is slow on purpose (≈0.3 s), so it
 * runs in the background; fields are cleared after every attempt. (A JavaFX password field keeps its text as a String,
 * which cannot be wiped; the char[] handed on is.)
 */
public final class PassphraseViews {

    private PassphraseViews() {
    }

    /** "BayCover is locked": the passphrase unlocks client data. {@code onCancel} null: no way around it. */
    public static VBox unlock(UiContext ctx, Runnable onUnlocked, Runnable onCancel) {
        Label title = title(ctx, "trust.ui.unlock.title");
        Label text = text(ctx, "trust.ui.unlock.text");
        PasswordField field = new PasswordField();
        field.setId("unlock-passphrase");
        field.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.passphrase"));
        field.promptTextProperty().bind(ctx.tr().bind("trust.ui.passphrase"));
        Label message = message("unlock-message");
        Activity work = ctx.activity();
        message.textProperty().bind(work.message());
        Button unlock = new Button();
        unlock.setId("unlock");
        unlock.textProperty().bind(ctx.tr().bind("trust.ui.unlock"));
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(work.busy());
        unlock.setOnAction(e -> {
            char[] p = field.getText().toCharArray();
            field.clear();
            work.say("");
            if (p.length == 0) {
                work.complain(ctx.tr().get("trust.passphraseEmpty"));
                return;
            }
            work.run(m -> {
                try {
                    ctx.app().keys().unlock(p);
                    ctx.app().ensureSealed();
                } finally {
                    Arrays.fill(p, '\0');
                }
                return Boolean.TRUE;
            }, ok -> onUnlocked.run(), failure -> {
                work.fail(failure);
                field.requestFocus();
            });
        });
        HBox buttons = new HBox(8, unlock);
        if (onCancel != null) buttons.getChildren().add(cancel(ctx, "unlock-cancel", onCancel));
        Label note = text(ctx, "trust.ui.unlock.note");
        note.getStyleClass().add("muted");
        VBox box = card("unlock-view", title, text, field, buttons, message, note);
        box.sceneProperty().addListener((o, a, s) -> {
            if (s != null) field.requestFocus();
        });
        return box;
    }

    /** First use: choose the passphrase (twice). */
    public static VBox setUp(UiContext ctx, Runnable onSet, Runnable onCancel) {
        Label title = title(ctx, "trust.ui.setup.title");
        Label why = text(ctx, "trust.ui.setup.why");
        why.setId("setup-why");
        Label text = text(ctx, "trust.ui.setup.text", KeyManager.MIN_LENGTH);
        PasswordField first = password(ctx, "setup-passphrase", "trust.ui.newPassphrase");
        PasswordField second = password(ctx, "setup-confirm", "trust.ui.confirmPassphrase");
        Label message = message("setup-message");
        Activity work = ctx.activity();
        message.textProperty().bind(work.message());
        Button set = new Button();
        set.setId("setup-save");
        set.textProperty().bind(ctx.tr().bind("trust.ui.setup.save"));
        set.setDefaultButton(true);
        set.disableProperty().bind(work.busy());
        set.setOnAction(e -> {
            char[] a = first.getText().toCharArray();
            char[] b = second.getText().toCharArray();
            first.clear();
            second.clear();
            work.say("");
            try {
                KeyManager.checkNew(a, b);
            } catch (UserError err) {
                work.complain(ctx.tr().get(err.key(), err.args()));
                Arrays.fill(a, '\0');
                Arrays.fill(b, '\0');
                first.requestFocus();
                return;
            }
            work.run(m -> {
                try {
                    // also seals client records an older version stored in plain text, and rebuilds the database
                    ctx.app().setPassphrase(a, b);
                } finally {
                    Arrays.fill(a, '\0');
                    Arrays.fill(b, '\0');
                }
                return Boolean.TRUE;
            }, ok -> onSet.run());
        });
        HBox buttons = new HBox(8, set);
        if (onCancel != null) buttons.getChildren().add(cancel(ctx, "setup-cancel", onCancel));
        Label warning = text(ctx, "trust.ui.setup.warning");
        warning.getStyleClass().add("muted");
        return card("setup-view", title, why, text, first, second, buttons, message, warning);
    }

    static PasswordField password(UiContext ctx, String id, String key) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.promptTextProperty().bind(ctx.tr().bind(key));
        f.accessibleTextProperty().bind(ctx.tr().bind(key));
        return f;
    }

    static Label title(UiContext ctx, String key) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        l.getStyleClass().add("screen-title");
        return l;
    }

    static Label text(UiContext ctx, String key, Object... args) {
        Label l = new Label();
        l.setWrapText(true);
        l.textProperty().bind(ctx.tr().bind(key, args));
        return l;
    }

    static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("error-text");
        return l;
    }

    static Button cancel(UiContext ctx, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind("action.cancel"));
        b.setCancelButton(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static VBox card(String id, javafx.scene.Node... children) {
        VBox box = new VBox(12, children);
        box.setId(id);
        box.getStyleClass().add("trust-card");
        box.setPadding(new Insets(28));
        box.setMaxWidth(480);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
