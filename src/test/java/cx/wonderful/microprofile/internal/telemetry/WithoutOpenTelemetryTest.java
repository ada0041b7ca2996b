package cx.wonderful.microprofile.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The library on a runtime that does not show the OpenTelemetry API to the application (no MicroProfile Telemetry,
 * or Liberty without third-party API visibility): the facade works and loads no OpenTelemetry class.
 */
class WithoutOpenTelemetryTest {

    @Test
    void theFacadeRunsEverythingAsIsAndLinksNoOpenTelemetryClass() throws Exception {
        try (HidingLoader loader = new HidingLoader()) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(Telemetry.API_CLASS, false, loader));
            Class<?> facade = Class.forName(Telemetry.class.getName(), true, loader);
            assertSame(loader, facade.getClassLoader());

            Object off = facade.getMethod("off").invoke(null);
            assertEquals(false, facade.getMethod("recording").invoke(off));
            Supplier<String> call = () -> "answered";
            assertEquals("answered", facade.getMethod("call", String.class, Supplier.class).invoke(off, "auth.sign", call));
            Executor direct = Runnable::run;
            assertSame(direct, facade.getMethod("inCurrentContext", Executor.class).invoke(null, direct));
            Object filter = facade.getMethod("restClientFilter").invoke(null);
            assertEquals(loader, filter.getClass().getClassLoader());
            assertFalse(loaded(loader, OtelRecorder.class.getName()), "the OpenTelemetry recorder was loaded");
            assertFalse(loaded(loader, Contexts.class.getName()), "the context helper was loaded");
        }
    }

    private static boolean loaded(HidingLoader loader, String name) {
        return loader.isLoaded(name);
    }

    /** Defines the library's classes itself and hides {@code io.opentelemetry}, as a runtime without telemetry. */
    private static final class HidingLoader extends URLClassLoader {

        HidingLoader() {
            super(new URL[] {Telemetry.class.getProtectionDomain().getCodeSource().getLocation()},
                    WithoutOpenTelemetryTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.opentelemetry.")) {
                throw new ClassNotFoundException(name);
            }
            if (name.startsWith("cx.wonderful.microprofile.")) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> found = findLoadedClass(name);
                    return found != null ? found : findClass(name);
                }
            }
            return super.loadClass(name, resolve);
        }

        boolean isLoaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
