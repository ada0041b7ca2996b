package cx.wonderful.it.auth;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reads one page of history as the inbound request's token (propagation) or as the application. */
@Path("/history")
@RequestScoped
public class HistoryResource {

    @Inject
    WonderfulCommunications communications;

    @GET
    @Path("mine")
    @Produces(MediaType.TEXT_PLAIN)
    public String asTheCaller() {
        return String.valueOf(communications.as(Identity.inboundToken()).list(ListCommunications.builder().limit(1).build())
                .pagination().totalRows());
    }

    @GET
    @Path("tenant")
    @Produces(MediaType.TEXT_PLAIN)
    public String asTheApplication() {
        return String.valueOf(communications.list(ListCommunications.builder().limit(1).build()).pagination().totalRows());
    }
}
