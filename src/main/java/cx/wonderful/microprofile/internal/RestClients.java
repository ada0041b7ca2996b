package cx.wonderful.microprofile.internal;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds the library's own MicroProfile Rest Clients: base URL, timeouts, the credential filter and the tenant
 * header, registered on these clients only (never on an application's other clients).
 * SKELETON: the signatures are final; the auth work fills in the bodies.
 */
@ApplicationScoped
public class RestClients {

    /**
     * A client of {@code api}. Precedence for its settings: the standard {@code <configKey>/mp-rest/...} keys
     * (uri, url, connectTimeout, readTimeout) over the {@code wonderful.*} keys over the defaults.
     *
     * @param configKey the {@code configKey} of the interface's {@code @RegisterRestClient}
     */
    public <T> T create(Class<T> api, String configKey) {
        throw new UnsupportedOperationException("skeleton");
    }
}
