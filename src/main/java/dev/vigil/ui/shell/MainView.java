package dev.vigil.ui.shell;

import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.LiveView;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The main window: header, active-alerts strip, cluster tree on the left, the console views as tabs, status
 * bar. Only the view on screen refreshes, once per applied tick.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final ClusterTreeView tree;
    private final TabPane tabs = new TabPane();
    private final SplitPane split;
    private final Map<ConsoleView, LiveView> views = new EnumMap<>(ConsoleView.class);

    public MainView(MainViewModel vm, Runnable switchTheme, List<LiveView> liveViews) {
        this.vm = vm;
        Runnable toggleTheme = () -> {
            switchTheme.run();
            refresh(); // canvases (the lock graph) cannot follow CSS; they repaint in the new theme on refresh
        };
        this.tree = new ClusterTreeView(vm);
        tree.setId("cluster-tree");
        getStyleClass().add("main-view");
        setTop(new VBox(header(toggleTheme), new InventoryBanner(vm), new AlertStripView(vm, this::openAlert)));

        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("console-tabs");
        for (LiveView view : liveViews) {
            views.put(view.kind(), view);
            Tab tab = new Tab(view.kind().title(), view.node());
            tab.setId("tab-" + view.kind().name().toLowerCase());
            tab.setUserData(view.kind());
            tab.setTooltip(new Tooltip(view.kind().title() + " (" + view.kind().shortcutText() + ")"));
            tabs.getTabs().add(tab);
        }
        StackPane center = new StackPane(tabs, startupOverlay());
        split = new SplitPane(tree, center);
        SplitPane.setResizableWithParent(tree, false);
        setCenter(split);
        setBottom(new StatusBarView(vm));

        selectTab(vm.viewProperty().get());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            ConsoleView kind = (ConsoleView) tab.getUserData();
            vm.viewProperty().set(kind);
            views.get(kind).opened();
            refresh();
        });
        vm.viewProperty().addListener((o, a, view) -> selectTab(view));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) {
                select(item.getValue());
            }
        });
        vm.shownSampleProperty().addListener((o, a, b) -> tick());
        vm.chartRangeProperty().addListener((o, a, b) -> refresh());
        vm.selectedNodeProperty().addListener((o, a, b) -> refresh());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installShortcuts(toggleTheme);
            }
        });
    }

    private void select(TreeEntry entry) {
        String clusterName = entry instanceof TreeEntry.NodeEntry n ? n.cluster().cluster()
                : ((TreeEntry.ClusterEntry) entry).cluster().cluster();
        String node = entry instanceof TreeEntry.NodeEntry n ? n.node().node() : null;
        vm.clusters().stream().filter(c -> c.name().equals(clusterName)).findFirst()
                .ifPresent(cluster -> vm.select(cluster, node));
    }

    private void refresh() {
        ClusterViewModel cluster = vm.selectedCluster();
        LiveView view = views.get(vm.viewProperty().get());
        if (cluster != null && view != null) {
            view.refresh(cluster, vm.selectedNodeProperty().get());
        }
    }

    private void tick() {
        ClusterViewModel cluster = vm.selectedCluster();
        if (cluster != null) {
            views.values().forEach(v -> v.observe(cluster, vm.selectedNodeProperty().get()));
        }
        refresh();
    }

    private void selectTab(ConsoleView view) {
        tabs.getTabs().stream().filter(t -> t.getUserData() == view).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void openAlert(ActiveAlert alert) {
        vm.clusters().stream().filter(c -> c.name().equals(alert.cluster())).findFirst().ifPresent(cluster -> {
            boolean isNode = cluster.definition().nodes().stream().anyMatch(n -> n.name().equals(alert.finding().node()));
            vm.select(cluster, isNode ? alert.finding().node() : null);
            tree.show(cluster.name(), isNode ? alert.finding().node() : null);
        });
        vm.viewProperty().set(AlertStripView.viewFor(alert));
    }

    /** Ctrl+1…8 switch views, Ctrl+L switches theme, Ctrl+P pauses or resumes live updates. */
    private void installShortcuts(Runnable toggleTheme) {
        for (ConsoleView view : ConsoleView.values()) {
            getScene().getAccelerators().put(new KeyCodeCombination(view.key(), KeyCombination.SHORTCUT_DOWN),
                    () -> vm.viewProperty().set(view));
        }
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), toggleTheme);
        getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> vm.liveProperty().set(!vm.liveProperty().get()));
    }

    /** Saves the window's layout to {@code store} when the window closes; the next start reopens it so. */
    public void rememberLayoutIn(WindowStateStore store) {
        javafx.stage.Stage stage = (javafx.stage.Stage) getScene().getWindow();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> store.save(capture(stage)));
    }

    public MainViewModel vm() {
        return vm;
    }

    public SplitPane split() {
        return split;
    }

    private HBox header(Runnable toggleTheme) {
        ImageView icon = new ImageView(new Image(MainView.class.getResourceAsStream("/dev/vigil/ui/icons/vigil-32.png")));
        icon.setFitWidth(24);
        icon.setFitHeight(24);
        Label title = new Label("Vigil");
        title.getStyleClass().add("app-title");
        Label tagline = new Label("PostgreSQL operations console");
        tagline.getStyleClass().add("app-tagline");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label rangeLabel = new Label("Charts");
        rangeLabel.getStyleClass().add("header-label");
        ComboBox<java.time.Duration> range = new ComboBox<>();
        range.setId("chart-range");
        range.getItems().setAll(MainViewModel.CHART_RANGES);
        range.valueProperty().bindBidirectional(vm.chartRangeProperty());
        range.setConverter(new StringConverter<>() {
            @Override
            public String toString(java.time.Duration d) {
                return d == null ? "" : d.toMinutes() >= 60 ? "last " + d.toHours() + " h" : "last " + d.toMinutes() + " min";
            }

            @Override
            public java.time.Duration fromString(String s) {
                return null;
            }
        });
        range.setTooltip(new Tooltip("Time range of the charts"));
        Button theme = new Button("Light / dark");
        theme.getStyleClass().add("flat");
        theme.setTooltip(new Tooltip("Switch theme (Ctrl+L)"));
        theme.setOnAction(e -> toggleTheme.run());
        HBox header = new HBox(10, icon, title, tagline, spacer, rangeLabel, range, theme);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    /** Shown while the source starts (the demo lab takes a few seconds) and if it fails. */
    private VBox startupOverlay() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label message = new Label();
        message.textProperty().bind(vm.phaseMessageProperty());
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setAlignment(Pos.CENTER);
        message.getStyleClass().add("startup-message");
        VBox overlay = new VBox(16, spinner, message);
        overlay.setId("startup-overlay");
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("startup-overlay");
        overlay.visibleProperty().bind(vm.phaseProperty().isNotEqualTo(MainViewModel.Phase.RUNNING));
        spinner.visibleProperty().bind(vm.phaseProperty().isEqualTo(MainViewModel.Phase.STARTING));
        vm.phaseProperty().addListener((o, a, phase) -> {
            message.getStyleClass().remove("startup-error");
            if (phase == MainViewModel.Phase.FAILED) {
                message.getStyleClass().add("startup-error");
            }
        });
        return overlay;
    }

    /**
     * Where the window is and what it shows, to open it the same way next time. Here, not in the application
     * class, so that the window does not depend on the class that builds it.
     */
    WindowState capture(javafx.stage.Stage stage) {
        String ua = javafx.application.Application.getUserAgentStylesheet();
        boolean light = ua != null && ua.equals(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        return new WindowState(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(),
                stage.isMaximized(), split().getDividerPositions()[0], vm().viewProperty().get(), !light,
                vm().chartRangeProperty().get());
    }
}
