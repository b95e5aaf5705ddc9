package hk.baycover.ui.trust;

import hk.baycover.i18n.I18n;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The audit log in a window of its own (one at a time). */
public final class AuditLogWindow {

    private static Stage open;

    private AuditLogWindow() {
    }

    public static Stage show(UiContext ctx, Window owner) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return open;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        Scene scene = new Scene(new AuditLogView(ctx), 960, 600);
        Styles.apply(scene, ctx.settings());
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> I18n.get(ctx.settings().lang(), "trust.ui.audit.title"),
                ctx.settings().langProperty()));
        stage.show();
        open = stage;
        return stage;
    }
}
