package cx.wonderful.example;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The history as the caller's own bearer token sees it (README "Token propagation"). */
@Path("/propagated") @RequestScoped
public class PropagatedHistoryResource {
    @Inject WonderfulCommunications communications;

    // tag::propagation[]
    @GET @Path("my-history") @Produces(MediaType.APPLICATION_JSON)
    public long myHistorySize() {
        return communications.as(Identity.inboundToken())
                .list(ListCommunications.builder().limit(1).build()).pagination().totalRows();
    }
    // end::propagation[]
}
