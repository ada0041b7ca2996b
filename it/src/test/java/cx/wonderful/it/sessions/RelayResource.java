package cx.wonderful.it.sessions;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A relay as an application instance runs one, for the tests that undeploy it: it starts or takes over chats with
 * the library and keeps, per session, the messages its listener received (what its users saw).
 */
@Path("chats")
@ApplicationScoped
public class RelayResource {

    private final Map<String, Transcript> seen = new ConcurrentHashMap<>();
    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();

    @Inject
    WonderfulChat chat;

    /** Starts {@code count} chats; their session ids. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray start(@QueryParam("count") @jakarta.ws.rs.DefaultValue("1") int count) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            Transcript transcript = new Transcript();
            ChatSession session = chat.start(StartChat.from("user-" + i + "@acme.example", ParticipantType.EMAIL), transcript);
            keep(session, transcript);
            ids.add(session.sessionId());
        }
        return ids.build();
    }

    /** Takes a chat over after the last message its user saw. */
    @POST
    @Path("{id}/recover")
    public void recover(@PathParam("id") String sessionId, @QueryParam("lastSeen") String lastSeen) {
        Transcript transcript = new Transcript();
        keep(chat.recover(sessionId, lastSeen, transcript), transcript);
    }

    @POST
    @Path("{id}/messages")
    public void send(@PathParam("id") String sessionId, String text) throws Exception {
        sessions.get(sessionId).send(text).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** What this instance's listener received, in order: {@code [{"id", "speaker", "text"}]}. */
    @GET
    @Path("{id}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray seen(@PathParam("id") String sessionId) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        for (ChatEvent.Message message : seen.get(sessionId).messages()) {
            messages.add(Json.createObjectBuilder().add("id", message.id()).add("speaker", message.speaker().name())
                    .add("text", message.text()));
        }
        return messages.build();
    }

    /**
     * The live threads of the runtime whose name says they are the library's (its fallback and network pools), each
     * as {@code name#id}: every application's library names its threads alike, the id tells them apart.
     */
    @GET
    @Path("threads")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray libraryThreads() {
        JsonArrayBuilder threads = Json.createArrayBuilder();
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.isAlive() && isLibrarys(thread))
                .map(RelayResource::nameAndId).sorted().forEach(threads::add);
        return threads.build();
    }

    /** {@link #libraryThreads()} with where each one is: what a failed undeploy check prints. */
    @GET
    @Path("thread-stacks")
    @Produces(MediaType.TEXT_PLAIN)
    public String libraryThreadStacks() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.isAlive() && isLibrarys(thread)) {
                out.append(nameAndId(thread)).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    out.append("    at ").append(frame).append('\n');
                }
            }
        });
        return out.toString();
    }

    private static boolean isLibrarys(Thread thread) {
        String name = thread.getName();
        return name.startsWith("wonderful-realtime-") || name.startsWith("wonderful-chat-") || name.startsWith("wonderful-async-");
    }

    private static String nameAndId(Thread thread) {
        return thread.getName() + "#" + thread.getId();
    }

    private void keep(ChatSession session, Transcript transcript) {
        seen.put(session.sessionId(), transcript);
        sessions.put(session.sessionId(), session);
    }
}
