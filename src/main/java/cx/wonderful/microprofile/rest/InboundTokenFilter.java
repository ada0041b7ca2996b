package cx.wonderful.microprofile.rest;

import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Notes the bearer token of every inbound JAX-RS request in the request-scoped {@link InboundToken}, for
 * {@code Identity.inboundToken()} (token propagation, opt-in per call: nothing uses the token unless the application
 * asks for that identity). Found by the runtime's provider scanning of the library jar; an application that lists
 * its providers itself ({@code Application.getClasses()}) adds this class there.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class InboundTokenFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, WireContract.BEARER_PREFIX, 0,
                WireContract.BEARER_PREFIX.length())) {
            String value = authorization.substring(WireContract.BEARER_PREFIX.length()).strip();
            token = value.isEmpty() ? null : value;
        }
        CDI.current().select(InboundToken.class).get().set(token);
    }
}
