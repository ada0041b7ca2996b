package cx.wonderful.microprofile;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the {@code WonderfulAuth}, {@code WonderfulChat} or {@code WonderfulCommunications} of a named client: a
 * second configuration beside the unnamed one, for another tenant or another key.
 * <pre>{@code @Inject @WonderfulClient("tenant-b") WonderfulCommunications tenantB;}</pre>
 * The client {@code tenant-b} is configured with the same keys as the unnamed one, with the name after
 * {@code wonderful.}: {@code wonderful.tenant-b.base-url} (required: it is what makes the name known),
 * {@code wonderful.tenant-b.api-key}, {@code .signed-token}, {@code .token}, {@code .tenant-id},
 * {@code .workspace-id}, {@code .agent-id}; these never fall back to the unnamed keys. Every other setting
 * ({@code .request-timeout}, {@code .max-retries}, {@code .ws.ping-interval}, ...) falls back to the unnamed key when
 * it is not set for the client. The standard {@code <configKey>/mp-rest/...} keys apply to the unnamed client only.
 * A named client signs its end users' tokens with its own API key; the application's {@code TokenRefresher} (which
 * is not told the client) serves the unnamed client only.
 *
 * <p>A name is lower-case letters, digits and inner hyphens; an unknown or malformed name fails the injection with
 * {@code CONFIGURATION_ERROR}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface WonderfulClient {

    /**
     * The client's name, as in its keys {@code wonderful.<name>.*}.
     *
     * @return the name: lower-case letters, digits and inner hyphens
     */
    @Nonbinding
    String value();
}
