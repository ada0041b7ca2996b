package cx.wonderful.microprofile.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.logging.Logger;
import jakarta.ws.rs.core.Configurable;

/**
 * Turns off the HTTP engine's own retries on a rest client builder or a Jakarta REST client builder, so that {@code wonderful.max-retries} counts
 * every request that leaves (the library retries by its {@link RetryPolicy}; an engine that retries too multiplies
 * the count, and may repeat a request the policy must not repeat).
 *
 * <p>Neither MicroProfile Rest Client nor Jakarta REST has a portable switch for this. What is known:
 * RESTEasy's default engine (Apache HttpClient 4) retries an idempotent request three times on an I/O error by
 * itself; RESTEasy's builder has {@code disableAutomaticRetries()} but no property for it (its {@code resteasy.*}
 * properties call one-argument setters only). So this looks, by reflection and without any compile-time dependency,
 * for a builder (the given one or the delegate it holds) with a public no-argument {@code disableAutomaticRetries()}
 * and calls it.
 *
 * <p>Jersey's default connector is the JDK's {@code HttpURLConnection}, which sends a request a second time by itself
 * when the first one fails on a connection it opened (a reset): for a request with a body too, unless the body is
 * streamed. A re-sent {@code POST} could start a chat or send a message twice, so this sets Jersey's
 * {@value #JERSEY_ENTITY_PROCESSING} property to {@code CHUNKED} (the body streamed, sent with
 * {@code Transfer-Encoding: chunked}); other implementations ignore a property they do not know. A {@code GET} (the library's
 * reads: idempotent) may still be sent twice per attempt by that connection; nothing portable turns that off (README,
 * "Retries"). A failure is logged at FINE and never fails the build of a client.
 */
final class EngineRetries {

    private static final Logger LOG = Logger.getLogger(EngineRetries.class.getName());
    static final String METHOD = "disableAutomaticRetries";
    /** Jersey's {@code ClientProperties.REQUEST_ENTITY_PROCESSING}, by name: no compile-time dependency on Jersey. */
    static final String JERSEY_ENTITY_PROCESSING = "jersey.config.client.request.entity.processing";

    private EngineRetries() {
    }

    /**
     * Turns the retries off on a MicroProfile {@code RestClientBuilder} or a Jakarta REST {@code ClientBuilder} (both
     * {@link Configurable}). Returns whether the engine's retries were turned off by its builder's switch.
     */
    static boolean disable(Configurable<?> builder) {
        builder.property(JERSEY_ENTITY_PROCESSING, "CHUNKED");
        try {
            if (call(builder)) {
                return true;
            }
            for (Class<?> type = builder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
                            || !hasSwitch(field.getType())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object delegate = field.get(builder);
                    if (delegate != null && call(delegate)) {
                        return true;
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "could not turn off the HTTP engine's own retries: " + e);
        }
        return false;
    }

    private static boolean hasSwitch(Class<?> type) {
        try {
            return type.getMethod(METHOD).getParameterCount() == 0;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean call(Object target) throws ReflectiveOperationException {
        Method method;
        try {
            method = target.getClass().getMethod(METHOD);
        } catch (NoSuchMethodException e) {
            return false;
        }
        method.invoke(target);
        return true;
    }
}
