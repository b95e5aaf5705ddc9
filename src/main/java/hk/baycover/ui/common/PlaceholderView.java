package hk.baycover.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** An honest placeholder for a screen that a later release builds: it says what is coming. */
public final class PlaceholderView extends VBox {
    public PlaceholderView(UiContext ctx, String key) {
        setId("placeholder");
        setPadding(new Insets(24));
        setSpacing(12);
        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("placeholder.title"));
        title.getStyleClass().add("screen-title");
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(ctx.tr().bind(key));
        getChildren().addAll(title, text);
    }
}
