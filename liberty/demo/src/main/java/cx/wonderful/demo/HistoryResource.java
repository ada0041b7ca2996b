package cx.wonderful.demo;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/chats}: the signed-in user's own past chats, newest first (at most {@value #LIMIT}), read from the
 * communications history as that user (with their own JWT), so Wonderful shows them their chats only.
 */
@Path("chats")
@RequestScoped
public class HistoryResource {

    static final int LIMIT = 20;

    @Inject
    WonderfulCommunications communications;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PastChat> mine(@Context SecurityContext security) {
        EndUser user = EndUser.signedIn(security);
        return communications.as(Identity.endUser(user.entityId()))
                .list(ListCommunications.builder().type(CommunicationType.CHAT).sort("-createdAt").limit(LIMIT).build())
                .data().stream()
                .map(c -> new PastChat(c.id(), c.status().orElse(null), c.startTime().map(Instant::toString).orElse(null),
                        c.summary().orElse(null)))
                .toList();
    }
}
