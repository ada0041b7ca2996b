package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;

/**
 * GET requests whose query string the library writes itself, byte for byte, on the Jakarta REST client API: for a
 * query value that a MicroProfile Rest Client interface cannot carry the same way on every implementation. The
 * communications {@code filters} JSON is one: RESTEasy (Open Liberty, WildFly) encodes a raw value and encodes
 * the {@code %} of an encoded one again (it ignores {@code @Encoded}), while Jersey (Payara, Helidon) keeps
 * {@code %XX} but reads a raw {@code {}} as a URI template. A {@link URI} passed whole to
 * {@link Client#target(URI)} is sent as it is by both.
 *
 * <p>Built by {@link RestClients#encodedQueryClient}, with the same base URL, timeouts, credential filter and
 * tenant header as the library's rest clients; an error status throws the same {@link WonderfulException}
 * ({@link ErrorResponses}). Thread-safe; closed with the application.
 */
public final class EncodedQueryClient {

    private final Client client;
    private final String base;

    /** A client at {@code base} that sends through {@code client}, which it does not close. */
    public EncodedQueryClient(Client client, URI base) {
        this.client = Objects.requireNonNull(client, "client");
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * {@code GET <base><path>?<encodedQuery>} for a JSON object.
     *
     * @param path the absolute path, without characters that need encoding nor ids (a {@link WireContract} path;
     *        it is also the request's {@code url.template} in telemetry)
     * @param encodedQuery {@code name=value} pairs joined by {@code &}, each part already percent-encoded
     *        ({@link QueryValues#percentEncode})
     * @return the response's JSON object, or {@code null} for an empty body
     * @throws WonderfulException for an error status (4xx, 5xx)
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or its answer read
     */
    public JsonObject get(String path, String encodedQuery) {
        return get(null, path, encodedQuery);
    }

    /**
     * {@link #get(String, String)} with the credential of the call's identity ({@link Credential#CALL_HEADER}, as
     * {@link ApiInvoker.Call} passes it), or the library's when {@code credentialHeader} is null.
     */
    public JsonObject get(String credentialHeader, String path, String encodedQuery) {
        URI uri = URI.create(base + path + "?" + encodedQuery);
        Invocation.Builder request = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE)
                .property(Telemetry.URL_TEMPLATE_PROPERTY, path);
        if (credentialHeader != null) {
            request.header(Credential.CALL_HEADER, credentialHeader);
        }
        try (Response response = request.get()) {
            if (response.getStatus() >= 400) {
                throw ErrorResponses.toException(response);
            }
            return response.hasEntity() ? response.readEntity(JsonObject.class) : null;
        }
    }
}
