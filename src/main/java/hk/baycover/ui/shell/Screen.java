package hk.baycover.ui.shell;

import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.compare.CompareView;
import hk.baycover.ui.data.DataView;
import hk.baycover.ui.plan.PlanView;
import hk.baycover.ui.lookup.LookupView;
import hk.baycover.ui.gaps.GapsView;
import javafx.scene.Node;

import java.util.function.Function;

/** Every screen of the main window, in navigation order, with the factory that builds it on first use. */
public enum Screen {
    HOME("nav.home", hk.baycover.ui.home.HomeView::new),
    COMPARE("nav.compare", CompareView::new),
    LOOKUP("nav.lookup", LookupView::new),
    PLANS("nav.plans", PlanView::new),
    GAPS("nav.gaps", GapsView::new),
    DATA("nav.data", DataView::new);

    private final String titleKey;
    private final Function<UiContext, Node> factory;

    Screen(String titleKey, Function<UiContext, Node> factory) {
        this.titleKey = titleKey;
        this.factory = factory;
    }

    public String titleKey() { return titleKey; }

    public Node create(UiContext ctx) { return factory.apply(ctx); }

    /** The node id of this screen's navigation button (for tests and keyboard shortcuts). */
    public String navId() { return "nav-" + name().toLowerCase(java.util.Locale.ROOT); }
}
