package hk.baycover.ui.plan;

import hk.baycover.model.Scenario;
import hk.baycover.ui.common.LazyTabs;
import hk.baycover.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import java.util.List;

/**
 * The Plans screen: a client's profile (entered once, validated field by field), eligible products with reasons, the
 * plan built layer by layer (or recommended exactly, in the background with progress and cancel), premiums year by
 * year as a table and a chart with an editable FX rate, coverage per need with the deciding rule, "what would I pay"
 * episodes with every line explained (costs editable, own episodes addable, both saved), saved clients and plans
 * with revisions, and the PDF proposal in the client's language.
 */
public final class PlanView extends BorderPane {

    private final UiContext ctx;
    private final PlanViewModel vm;
    private final ProfileForm form;
    private final TabPane tabs = new TabPane();
    /** The other tabs' panes, built when their tab is first chosen (null until then). */
    private EligibilityPane eligibility;
    private PlanPane plan;
    private ScenariosPane scenarios;

    public PlanView(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new PlanViewModel(ctx);
        this.form = new ProfileForm(ctx);
        setId("plan-view");
        setPadding(new Insets(12));
        form.profileProperty().addListener((o, a, b) -> vm.clientProperty().set(b));
        form.languageProperty().addListener((o, a, b) -> vm.clientLanguageProperty().set(b));
        vm.clientProperty().set(form.profileProperty().get());

        setTop(new ProposalPane(ctx, vm, form, () -> tabs.getSelectionModel().select(0)));
        tabs.setId("plan-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab profileTab = tab("tab-profile", "planui.tab.profile");
        profileTab.setContent(form);
        Tab eligibilityTab = tab("tab-eligibility", "planui.tab.eligibility");
        Tab planTab = tab("tab-plan", "planui.tab.plan");
        Tab scenariosTab = tab("tab-scenarios", "planui.tab.scenarios");
        tabs.getTabs().addAll(profileTab, eligibilityTab, planTab, scenariosTab);
        LazyTabs.buildOnFirstSelect(eligibilityTab, () -> {
            eligibility = new EligibilityPane(ctx, vm);
            eligibility.refresh();
            return eligibility;
        });
        LazyTabs.buildOnFirstSelect(planTab, () -> {
            plan = new PlanPane(ctx, vm);
            plan.scenariosChanged(vm.library().all());
            plan.refresh();
            return scroll(plan);
        });
        LazyTabs.buildOnFirstSelect(scenariosTab, () -> {
            scenarios = new ScenariosPane(ctx, vm);
            scenarios.scenariosChanged(vm.library().all());
            scenarios.refresh();
            return scroll(scenarios);
        });
        setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));

        vm.reportProperty().addListener((o, a, r) -> refresh());
        ctx.tr().langProperty().addListener((o, a, b) -> {
            vm.analyse();
            refresh();
        });
        ctx.catalogProperty().addListener((o, a, b) -> scenariosChanged());
        vm.userScenarios().addListener((javafx.collections.ListChangeListener<Scenario>) ch -> scenariosChanged());
        scenariosChanged();
        if (ctx.app() != null) vm.refreshSaved();
        // keyboard users: the control that takes the focus scrolls into view
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) scene.focusOwnerProperty().addListener((ob, old, n) -> Scrolling.reveal(n));
        });
    }

    /** Scrolls the tab's pane so that {@code n} is visible. */
    public void reveal(Node n) {
        Scrolling.reveal(n);
    }

    public PlanViewModel viewModel() { return vm; }

    public ProfileForm form() { return form; }

    /**
     * A tab, named in the reader's language. Only the profile form is built with the screen: the other panes (tables,
     * the premium chart, the episode editor) are built when their tab is first chosen, so the screen opens on the form
     * alone; from then on they follow the plan.
     */
    private Tab tab(String id, String key) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(ctx.tr().bind(key));
        return t;
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    private void scenariosChanged() {
        List<Scenario> all = vm.library().all();
        if (scenarios != null) scenarios.scenariosChanged(all);
        if (plan != null) plan.scenariosChanged(all);
        refresh();
    }

    private void refresh() {
        if (eligibility != null) eligibility.refresh();
        if (plan != null) plan.refresh();
        if (scenarios != null) scenarios.refresh();
    }
}
