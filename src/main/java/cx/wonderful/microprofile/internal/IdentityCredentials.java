package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.auth.Identity;

/**
 * Where the facades get the {@link CredentialSource} of the identity a call runs as ({@code chat.as(identity)} and
 * the like). Implemented by the auth module, once per client configuration; the chat and communications modules
 * only use it.
 */
public interface IdentityCredentials {

    /**
     * The credentials of {@code identity}. Called when a view is made, on the caller's thread: an inbound token is
     * read from the JAX-RS request being served at that moment.
     *
     * @throws cx.wonderful.microprofile.WonderfulException {@code VALIDATION_ERROR} for {@code null};
     *         {@code NOT_AUTHENTICATED} for {@link Identity#inboundToken()} without an inbound bearer token;
     *         {@code CONFIGURATION_ERROR} for an end user when nothing can get their JWT
     */
    CredentialSource sourceFor(Identity identity);

    /**
     * The application's credentials, resolved at each use rather than now: for the facades' own methods, which may be
     * built before the configuration is read (a configuration error then surfaces on the first call).
     */
    default CredentialSource application() {
        IdentityCredentials identities = this;
        return new CredentialSource() {
            @Override
            public Credential current() {
                return identities.sourceFor(Identity.application()).current();
            }

            @Override
            public Credential afterUnauthorized(Credential used) {
                return identities.sourceFor(Identity.application()).afterUnauthorized(used);
            }
        };
    }
}
