package cx.wonderful.example;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

// tag::end-user[]
@Path("/me") @RequestScoped
public class EndUserResource {
    @Inject WonderfulChat chat;
    @Inject WonderfulCommunications communications;
    @Context SecurityContext security;

    private Identity signedInUser() {
        String name = security.getUserPrincipal().getName();
        return Identity.endUser(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @POST @Path("chat")
    public String start() {
        ChatSession session = chat.as(signedInUser())
                .start(StartChat.from(security.getUserPrincipal().getName(), ParticipantType.NAME));
        return session.sessionId();
    }

    @GET @Path("chats") @Produces(MediaType.APPLICATION_JSON)
    public List<String> myPastChats() {
        return communications.as(signedInUser())
                .list(ListCommunications.builder().type(CommunicationType.CHAT).build())
                .data().stream().map(Communication::id).collect(Collectors.toList());
    }
}
// end::end-user[]
