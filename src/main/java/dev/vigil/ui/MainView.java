package dev.vigil.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window's layout: header, cluster tree on the left, the selected cluster in the middle, status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final ClusterTreeView tree;
    private final NodeCardsView overview = new NodeCardsView();
    private final StackPane center = new StackPane();

    public MainView(MainViewModel vm, Runnable toggleTheme) {
        this.vm = vm;
        this.tree = new ClusterTreeView(vm);
        tree.setId("cluster-tree");
        getStyleClass().add("main-view");
        setTop(header(toggleTheme));
        ScrollPane overviewScroll = new ScrollPane(overview);
        overviewScroll.setFitToWidth(true);
        overviewScroll.getStyleClass().add("overview-scroll");
        overview.setPadding(new Insets(22, 26, 22, 26));
        center.getChildren().setAll(overviewScroll, startupOverlay());
        SplitPane split = new SplitPane(tree, center);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(tree, false);
        setCenter(split);
        setBottom(new StatusBarView(vm));

        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showSelected());
        vm.clusters().addListener((javafx.collections.ListChangeListener<ClusterViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(cluster -> cluster.statusProperty().addListener((obs, x, y) -> showSelected()));
            }
        });
    }

    private void showSelected() {
        var item = tree.getSelectionModel().getSelectedItem();
        String clusterName = item == null ? null : item.getValue() instanceof TreeEntry.NodeEntry n
                ? n.cluster().cluster() : ((TreeEntry.ClusterEntry) item.getValue()).cluster().cluster();
        vm.clusters().stream().filter(c -> c.name().equals(clusterName)).findFirst()
                .or(() -> vm.clusters().stream().findFirst())
                .map(ClusterViewModel::status).ifPresent(overview::show);
    }

    private HBox header(Runnable toggleTheme) {
        ImageView icon = new ImageView(new Image(MainView.class.getResourceAsStream("icons/vigil-32.png")));
        icon.setFitWidth(24);
        icon.setFitHeight(24);
        Label title = new Label("Vigil");
        title.getStyleClass().add("app-title");
        Label tagline = new Label("PostgreSQL operations console");
        tagline.getStyleClass().add("app-tagline");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button("Light / dark");
        theme.getStyleClass().add("flat");
        theme.setOnAction(e -> toggleTheme.run());
        HBox header = new HBox(10, icon, title, tagline, spacer, theme);
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
}
