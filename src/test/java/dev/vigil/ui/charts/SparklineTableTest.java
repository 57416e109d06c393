package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.common.Themes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A statements table with a sparkline per row, as the Queries view will have; PNGs on both themes. */
@ExtendWith({ApplicationExtension.class, Themes.DarkAgain.class})
class SparklineTableTest {
    private Stage stage;

    record Statement(String query, double callsPerSecond, double meanMillis, double[] history) {}

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Themes.dark();
    }

    @Test
    void eachRowDrawsItsHistoryAndAnEmptyOneDrawsNothing(FxRobot robot) throws Exception {
        List<Statement> rows = List.of(
                row("SELECT * FROM orders WHERE customer_id = $1", i -> 120 + 15 * Math.sin(i / 6.0)),
                row("INSERT INTO order_items (order_id, product_id, qty) VALUES ($1, $2, $3)",
                        i -> 40 + (i == 44 ? 260 : 0)),
                row("UPDATE products SET stock = stock - $1 WHERE id = $2", i -> i < 30 ? 2 : 35 + i % 3),
                row("SELECT count(*) FROM orders WHERE shipped_at IS NULL", i -> 60 - i),
                row("DELETE FROM carts WHERE updated_at < now() - $1::interval", i -> 0),
                row("VACUUM (ANALYZE) order_items", i -> i % 20 == 0 ? 1 : 0),
                row("SELECT p.name, sum(oi.qty) FROM order_items oi JOIN products p ...", i -> 8 + (i * 7 % 11)),
                row("COMMIT", i -> 180 + 40 * Math.cos(i / 9.0)),
                new Statement("SELECT pg_sleep($1)", 0.02, 1000.4, new double[] {0.02}),
                new Statement("SELECT version()", 0, 0.1, new double[0]));
        TableView<Statement> table = new TableView<>();
        TableColumn<Statement, String> query = new TableColumn<>("query");
        query.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().query()));
        query.setPrefWidth(430);
        TableColumn<Statement, String> calls = new TableColumn<>("calls/s");
        calls.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                ValueFormat.PLAIN.format(c.getValue().callsPerSecond())));
        calls.setStyle("-fx-alignment: CENTER-RIGHT;");
        calls.setMinWidth(84);
        TableColumn<Statement, String> mean = new TableColumn<>("mean");
        mean.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                ValueFormat.SECONDS.format(c.getValue().meanMillis() / 1000)));
        mean.setStyle("-fx-alignment: CENTER-RIGHT;");
        mean.setPrefWidth(90);
        TableColumn<Statement, double[]> trend = new TableColumn<>("last hour");
        trend.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().history()));
        trend.setCellFactory(SparklineTableCell.forTableColumn());
        trend.setPrefWidth(140);
        table.getColumns().addAll(List.of(query, calls, mean, trend));
        table.getItems().setAll(rows);
        StackPane root = new StackPane(table);
        root.setPadding(new Insets(12));
        robot.interact(() -> {
            stage.setScene(new Scene(root, 820, 500));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "charts-sparkline-table-dark");

        List<SparklineTableCell<?>> cells = robot.lookup(".sparkline-cell").queryAll().stream()
                .<SparklineTableCell<?>>map(n -> (SparklineTableCell<?>) n).filter(c -> !c.isEmpty()).toList();
        assertThat(cells).hasSize(rows.size());
        for (SparklineTableCell<?> cell : cells) {
            Statement row = rows.get(cell.getIndex());
            assertThat(cell.sparkline().values()).containsExactly(row.history());
            long ink = inkedPixels(cell.sparkline());
            if (row.history().length == 0) {
                assertThat(ink).as(row.query()).isZero();
            } else {
                assertThat(ink).as(row.query()).isGreaterThan(8);
            }
        }
        assertThat(cells.get(0).sparkline().getWidth()).isGreaterThan(60);

        robot.interact(Themes::light);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> cells.stream().allMatch(c -> c.sparkline().theme() == ChartTheme.PRIMER_LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "charts-sparkline-table-light");
    }

    @Test
    void anHourOfPointsIsDrawnAtPixelResolutionWithTheSpikeAndTheLastValue(FxRobot robot) throws Exception {
        double[] hour = IntStream.range(0, 3600).mapToDouble(i -> 10 + (i == 1800 ? 500 : i % 5)).toArray();
        hour[3599] = 505;
        Sparkline line = new Sparkline();
        StackPane root = new StackPane(line);
        robot.interact(() -> {
            line.setValues(hour);
            stage.setScene(new Scene(root, 80, 20));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The spike at the middle and the last value both reach the top rows of the 20-pixel cell.
        PixelReader pixels = snapshot(line).getPixelReader();
        assertThat(topInkColumns(pixels, (int) line.getWidth())).anyMatch(x -> x > 30 && x < 50)
                .anyMatch(x -> x > 70);
    }

    private static Statement row(String query, java.util.function.IntToDoubleFunction f) {
        double[] h = IntStream.range(0, 60).mapToDouble(f).toArray();
        return new Statement(query, h[h.length - 1], 0.4 + query.length() % 7, h);
    }

    private static WritableImage snapshot(Sparkline line) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            return line.snapshot(params, null);
        }).get(5, TimeUnit.SECONDS);
    }

    private static long inkedPixels(Sparkline line) throws Exception {
        WritableImage image = snapshot(line);
        PixelReader pixels = image.getPixelReader();
        long ink = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (pixels.getColor(x, y).getOpacity() > 0.5) {
                    ink++;
                }
            }
        }
        return ink;
    }

    private static List<Integer> topInkColumns(PixelReader pixels, int width) {
        return IntStream.range(0, width).filter(x -> IntStream.range(0, 6)
                .anyMatch(y -> pixels.getColor(x, y).getOpacity() > 0.5)).boxed().toList();
    }
}
