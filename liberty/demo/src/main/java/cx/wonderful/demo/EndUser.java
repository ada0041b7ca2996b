package cx.wonderful.demo;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;

/**
 * The demo's signed-in user as a Wonderful end user: its sign-in name and a stable end-user id (a name-based UUID),
 * so that every token issued for the same user, and every refresh, carries the same {@code sub}.
 */
record EndUser(String name, UUID entityId) {

    /** Namespaces the name-based ids, so that another application's names do not map to the same ids. */
    private static final String NAMESPACE = "wonderful-demo:";

    EndUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityId, "entityId");
    }

    static EndUser named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return new EndUser(name, UUID.nameUUIDFromBytes((NAMESPACE + name).getBytes(StandardCharsets.UTF_8)));
    }

    /** The caller of a request; the container has already authenticated it (web.xml constraint on /api/*). */
    static EndUser signedIn(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            // Only reachable if the security constraint were removed: refuse rather than act for nobody.
            throw new NotAuthorizedException("Basic realm=\"WonderfulDemo\"");
        }
        return named(principal.getName());
    }
}
