package cx.wonderful.demo;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The chat relay's endpoints, for the signed-in user's own chat only:
 * <ul>
 * <li>{@code POST /api/chat} starts the chat (or returns the one in progress; a new one after the last ended or
 * lost its connection for good): {@code {sessionId, connectionState}};</li>
 * <li>{@code GET /api/chat/events}: its events as server-sent events, resumed after the {@code Last-Event-ID} header;
 * each stream closes after {@link ChatRelay#STREAM_LIFETIME} and is to be reopened with that header;</li>
 * <li>{@code POST /api/chat/messages {text}}: 202 once Wonderful accepted the message, else the error (never dropped;
 * {@code CONNECTION_LOST} at once, nothing sent, when the connection gave up);</li>
 * <li>{@code DELETE /api/chat}: ends it, 204.</li>
 * </ul>
 */
@Path("chat")
@RequestScoped
public class ChatResource {

    @Inject
    ChatRelay relay;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public ChatStarted start(@Context SecurityContext security) {
        Conversation conversation = relay.start(EndUser.signedIn(security));
        return new ChatStarted(conversation.session().orElseThrow().sessionId(), conversation.connectionState());
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) @DefaultValue("0") long lastEventId) {
        conversationOf(security).subscribe(sink, sse, lastEventId);
        relay.closeLater(sink);
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public void send(@Context SecurityContext security, OutgoingMessage message, @Suspended AsyncResponse response) {
        String text = message == null ? null : message.text();
        whenDone(conversationOf(security).send(text), Response.accepted().build(), response);
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public void end(@Context SecurityContext security, @Suspended AsyncResponse response) {
        whenDone(conversationOf(security).session().orElseThrow().end(), Response.noContent().build(), response);
    }

    private Conversation conversationOf(SecurityContext security) {
        return relay.find(EndUser.signedIn(security)).orElseThrow(() -> new WonderfulException(
                ErrorCode.SESSION_NOT_FOUND, "no chat started for this user; POST /api/chat first"));
    }

    /** Resumes with {@code success}, or with the library's error (mapped by {@link WonderfulExceptionMapper}). */
    private static void whenDone(CompletionStage<Void> stage, Response success, AsyncResponse response) {
        stage.whenComplete((ignored, failure) -> {
            if (failure == null) {
                response.resume(success);
            } else {
                response.resume(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
    }
}
