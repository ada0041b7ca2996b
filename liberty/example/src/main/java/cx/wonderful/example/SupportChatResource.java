package cx.wonderful.example;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

// tag::resource[]
@Path("/support/chats") @ApplicationScoped
public class SupportChatResource {
    @Inject WonderfulChat chat;
    private final Map<String, ChatSession> open = new ConcurrentHashMap<>();

    @POST @Produces(MediaType.SERVER_SENT_EVENTS)
    public void start(@QueryParam("phone") String phone, @Context SseEventSink sink, @Context Sse sse) {
        ChatSession session = chat.start(StartChat.from(phone, ParticipantType.PHONE), event -> {
            if (event instanceof ChatEvent.Message m) {
                sink.send(sse.newEvent("message", m.speaker() + ": " + m.text()));
            } else if (event instanceof ChatEvent.Ended e) {
                open.values().removeIf(ended -> ended.status() == ChatStatus.ENDED);
                sink.send(sse.newEvent("ended", e.endedBy().name()));
                sink.close();
            }
        });
        open.put(session.sessionId(), session);
        sink.send(sse.newEvent("session", session.sessionId()));
    }

    @POST @Path("{id}/messages")
    public CompletionStage<Void> send(@PathParam("id") String id, String text) {
        ChatSession session = open.get(id);
        if (session == null) {   // answered 404 by WonderfulProblemMapper
            throw new WonderfulException(ErrorCode.SESSION_NOT_FOUND, "no open chat " + id);
        }
        return session.send(text);   // completes when Wonderful accepted it, fails typed otherwise
    }
}
// end::resource[]
