package hk.baycover.ui.plan;

import hk.baycover.model.Reason;
import hk.baycover.planning.PlanStatus;
import hk.baycover.store.ClientStore;
import hk.baycover.store.PlanStore;
import hk.baycover.ui.common.UiContext;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import java.util.List;
import java.util.function.Function;
import hk.baycover.ui.plan.PlanPanes.TextCell;

/**
 * The top of the Plans screen: the saved clients, their plans and revisions, the plan's title and status, saving, and
 * the proposal PDF export, with the progress and the outcome of that work.
 */
final class ProposalPane extends VBox {

    private final UiContext ctx;
    private final PlanViewModel vm;
    private final ProfileForm form;
    private final Runnable showProfile;

    ProposalPane(UiContext ctx, PlanViewModel vm, ProfileForm form, Runnable showProfile) {
        super(6);
        this.ctx = ctx;
        this.vm = vm;
        this.form = form;
        this.showProfile = showProfile;

        Label title = label("planui.title");
        title.getStyleClass().add("screen-title");

        ComboBox<ClientStore.ClientSummary> clients = lean(new ComboBox<>(vm.clients()), 16);
        clients.setId("clients");
        clients.setPromptText("—");
        clients.accessibleTextProperty().bind(ctx.tr().bind("planui.clients"));
        Function<ClientStore.ClientSummary, String> clientText = c -> (c.name() == null || c.name().isBlank() ? ctx.tr().get("planui.unnamedClient") : c.name())
                + (c.age() == null ? "" : " · " + c.age()) + " · " + ctx.tr().get("planui.planCount", c.plans());
        clients.setCellFactory(v -> new TextCell<>(clientText));
        clients.setButtonCell(new TextCell<>(clientText));
        clients.setOnAction(e -> {
            ClientStore.ClientSummary c = clients.getValue();
            if (c != null && !c.id().equals(vm.clientIdProperty().get())) {
                vm.openClient(c.id(), rec -> form.load(rec.profile(), rec.language()));
            }
        });

        ComboBox<PlanStore.PlanSummary> plans = lean(new ComboBox<>(vm.plans()), 16);
        plans.setId("plans");
        plans.accessibleTextProperty().bind(ctx.tr().bind("planui.plans"));
        Function<PlanStore.PlanSummary, String> planText = p -> (p.title() == null || p.title().isBlank() ? ctx.tr().get("planui.untitledPlan") : p.title())
                + " · " + ctx.tr().get("planui.revision", p.revision()) + " · " + ctx.tr().name(p.status());
        plans.setCellFactory(v -> new TextCell<>(planText));
        plans.setButtonCell(new TextCell<>(planText));
        plans.setOnAction(e -> {
            if (plans.getValue() != null && !plans.getValue().id().equals(vm.planIdProperty().get())) vm.openPlan(plans.getValue().id(), null);
        });

        ComboBox<PlanStore.Revision> revisions = lean(new ComboBox<>(vm.revisions()), 12);
        revisions.setId("revisions");
        revisions.accessibleTextProperty().bind(ctx.tr().bind("planui.revisions"));
        Function<PlanStore.Revision, String> revText = r -> ctx.tr().get("planui.revision", r.revision()) + " · " + r.savedAt().substring(0, Math.min(16, r.savedAt().length()));
        revisions.setCellFactory(v -> new TextCell<>(revText));
        revisions.setButtonCell(new TextCell<>(revText));
        revisions.setOnAction(e -> {
            if (revisions.getValue() != null && vm.planIdProperty().get() != null) vm.openPlan(vm.planIdProperty().get(), revisions.getValue().revision());
        });

        TextField planTitle = new TextField();
        planTitle.setId("plan-title");
        planTitle.setPrefColumnCount(14);
        planTitle.textProperty().bindBidirectional(vm.titleProperty());
        planTitle.promptTextProperty().bind(ctx.tr().bind("planui.planTitle"));
        planTitle.accessibleTextProperty().bind(ctx.tr().bind("planui.planTitle"));
        ComboBox<PlanStatus> status = lean(new ComboBox<>(FXCollections.observableArrayList(PlanStatus.values())), 8);
        status.setId("plan-status");
        status.setCellFactory(v -> new TextCell<>(s -> ctx.tr().name(s)));
        status.setButtonCell(new TextCell<>(s -> ctx.tr().name(s)));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.accessibleTextProperty().bind(ctx.tr().bind("planui.status"));

        Button newClient = button("new-client", "planui.newClient");
        newClient.setOnAction(e -> {
            vm.newClient();
            form.clear();
            clients.setValue(null);
            showProfile.run();
        });
        Button save = button("save", "planui.save");
        // client data is never stored in plain text: the first save asks for a passphrase (and says why) first
        save.setOnAction(e -> {
            if (form.profileProperty().get() == null) {
                // nothing is saved: show every problem of the form, and the form itself
                form.revealProblems();
                vm.save();
                showProfile.run();
                return;
            }
            hk.baycover.ui.trust.TrustGate.of(save).ifPresentOrElse(g -> g.ensureUnlocked(vm::save), vm::save);
        });
        Button duplicate = button("duplicate", "planui.duplicate");
        duplicate.disableProperty().bind(vm.planIdProperty().isNull());
        duplicate.setOnAction(e -> vm.duplicate());
        Button deleteClient = button("delete-client", "planui.deleteClient");
        deleteClient.disableProperty().bind(vm.clientIdProperty().isNull());
        deleteClient.setOnAction(e -> {
            javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    ctx.tr().get("planui.deleteClientConfirm"));
            confirm.initOwner(getScene() == null ? null : getScene().getWindow());
            confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.deleteClient(() -> {
                form.clear();
                clients.setValue(null);
            }));
        });
        Button export = button("export-pdf", "planui.exportPdf");
        export.disableProperty().bind(vm.reportProperty().isNull().or(vm.busyProperty()).or(vm.analysingProperty()));
        export.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("planui.exportPdf"), "proposal.pdf",
                ctx.tr().get("planui.pdfFilter"), "*.pdf").ifPresent(vm::exportPdf));

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Button cancel = button("cancel", "action.cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());

        // the report is recomputed in the background after every change: say so while it runs
        Label updating = label("planui.updating");
        updating.setId("updating");
        updating.visibleProperty().bind(vm.analysingProperty());
        updating.managedProperty().bind(updating.visibleProperty());

        Label outcome = new Label();
        outcome.setId("outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.outcomeIsErrorProperty().addListener((o, a, err) -> {
            outcome.getStyleClass().removeAll("error-text", "ok-text");
            outcome.getStyleClass().add(err ? "error-text" : "ok-text");
        });

        FlowPane saved = new FlowPane(8, 6, label("planui.clients"), clients, newClient, label("planui.plans"), plans, revisions, planTitle, status,
                save, duplicate, deleteClient, export, progress, cancel, updating);
        saved.setAlignment(Pos.CENTER_LEFT);
                getChildren().addAll(title, saved, outcome);
    }

    private Label label(String key) { return PlanPanes.label(ctx, key); }

    private Button button(String id, String key) { return PlanPanes.button(ctx, id, key); }

    /** A lean drop-down (see {@link hk.baycover.ui.common.Dropdowns}) of a steady width, in ems of the text size. */
    private static <T> ComboBox<T> lean(ComboBox<T> c, int ems) {
        c.setStyle("-fx-pref-width: " + ems + "em;");
        return hk.baycover.ui.common.Fit.dropDown(hk.baycover.ui.common.Dropdowns.lean(c));
    }
}
