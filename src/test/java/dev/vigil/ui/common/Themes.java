package dev.vigil.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's two themes for TestFX tests that snapshot both. The theme is global to the toolkit, which TestFX
 * keeps for the whole run, so a test that ends on light would leave the next test on light:
 * {@code @ExtendWith({ApplicationExtension.class, Themes.DarkAgain.class})} puts dark back after each test.
 */
public final class Themes {
    private Themes() {
    }

    /** On the FX thread (in {@code @Start} or {@code robot.interact}). */
    public static void dark() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    /** On the FX thread (in {@code robot.interact}). */
    public static void light() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** After each test: dark again, set on the FX thread and waited for. */
    public static final class DarkAgain implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            WaitForAsyncUtils.asyncFx(Themes::dark).get(5, TimeUnit.SECONDS);
        }
    }
}
