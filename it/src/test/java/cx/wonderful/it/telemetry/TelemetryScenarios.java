package cx.wonderful.it.telemetry;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the telemetry test does inside the server, each inside an inbound JAX-RS request (so the library's spans
 * have a server span for parent), and what was exported since the application started.
 */
@Path("/scenario")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TelemetryScenarios {

    static final String PHONE = "+14155550123";
    static final String NAME = "Dana Telemetry";
    static final String PLAN = "plan-gold-7f3a";
    static final String FIRST_TEXT = "my account number is 5566-7788";
    static final String SECOND_TEXT = "and my birthday is 1990-04-12";
    static final String REFRESHED_TEXT = "sent after a refresh 31337";

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulChat chat;
    @Inject
    WonderfulCommunications communications;

    @POST
    @Path("sign")
    public JsonObject sign() {
        SignResponse signed = auth.sign(SignRequest.builder().metadata(Map.of("plan", PLAN)).expiresIn(java.time.Duration.ofMinutes(10)).build());
        return Json.createObjectBuilder().add("jwt", signed.jwt()).add("id", signed.id().toString()).build();
    }

    @POST
    @Path("history")
    public JsonObject history() {
        communications.list(ListCommunications.builder().fromNumber(PHONE).limit(5).build());
        communications.get("c-1");
        return JsonObject.EMPTY_JSON_OBJECT;
    }

    @POST
    @Path("failed")
    public JsonObject failed() {
        try {
            communications.get(FakeCommunications.MISSING);
            throw new AssertionError("the call of a missing communication succeeded");
        } catch (WonderfulException e) {
            return Json.createObjectBuilder().add("code", e.code().name()).build();
        }
    }

    /** A conversation with a forced drop of its socket (1011): it reconnects, goes on, and is ended by the user. */
    @POST
    @Path("chat")
    public JsonObject chatWithDrop() throws Exception {
        SessionEvents log = new SessionEvents();
        ChatSession session = chat.start(StartChat.builder().from(PHONE).fromType(ParticipantType.PHONE)
                .metadata("name", NAME).metadata("plan", PLAN).build(), log);
        sendAndAwaitReply(session, log, FIRST_TEXT);
        Simulator.admin("POST", "/__admin/sessions/" + session.sessionId() + "/drop", "{\"code\":1011}");
        log.await(ChatEvent.Reconnected.class, e -> true);
        sendAndAwaitReply(session, log, SECOND_TEXT);
        session.end().toCompletableFuture().get(SessionEvents.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Ended.class, e -> true);
        return Json.createObjectBuilder().add("sessionId", session.sessionId()).build();
    }

    /** A call on a token the server has just revoked: one refresh, the call re-sent once. */
    @POST
    @Path("refreshed")
    public JsonObject refreshed() throws Exception {
        SignResponse signed = auth.sign(SignRequest.builder().expiresIn(java.time.Duration.ofMinutes(10)).build());
        auth.setToken(signed.jwt());
        Simulator.revoke(signed.jwt());
        SessionEvents log = new SessionEvents();
        ChatSession session = chat.start(StartChat.builder().from(PHONE).fromType(ParticipantType.PHONE).build(), log);
        sendAndAwaitReply(session, log, REFRESHED_TEXT);
        session.end().toCompletableFuture().get(SessionEvents.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Ended.class, e -> true);
        return Json.createObjectBuilder().add("jwt", signed.jwt()).add("sessionId", session.sessionId()).build();
    }

    private static void sendAndAwaitReply(ChatSession session, SessionEvents log, String text) throws Exception {
        session.send(text).toCompletableFuture().get(SessionEvents.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: " + text));
    }

    /** Every span exported so far, the latest export of every metric, the traceparents received, and all as text. */
    @GET
    @Path("exported")
    public JsonObject exported() {
        StringBuilder dump = new StringBuilder();
        JsonArrayBuilder spans = Json.createArrayBuilder();
        for (SpanData span : MemorySpans.EXPORTED) {
            dump.append(span).append('\n');
            JsonArrayBuilder events = Json.createArrayBuilder();
            span.getEvents().forEach(e -> events.add(Json.createObjectBuilder().add("name", e.getName())
                    .add("attributes", attributes(e.getAttributes()))));
            spans.add(Json.createObjectBuilder().add("name", span.getName()).add("kind", span.getKind().name())
                    .add("traceId", span.getTraceId()).add("spanId", span.getSpanId())
                    .add("parentSpanId", span.getParentSpanId()).add("status", span.getStatus().getStatusCode().name())
                    .add("statusDescription", span.getStatus().getDescription())
                    .add("scope", span.getInstrumentationScopeInfo().getName())
                    .add("attributes", attributes(span.getAttributes())).add("events", events));
        }
        JsonArrayBuilder metrics = Json.createArrayBuilder();
        for (MetricData metric : MemoryMetrics.LATEST.values()) {
            dump.append(metric).append('\n');
            JsonArrayBuilder points = Json.createArrayBuilder();
            switch (metric.getType()) {
                case LONG_SUM -> metric.getLongSumData().getPoints().forEach(p -> points.add(Json.createObjectBuilder()
                        .add("attributes", attributes(p.getAttributes())).add("value", p.getValue())));
                case HISTOGRAM -> metric.getHistogramData().getPoints().forEach(p -> points.add(Json.createObjectBuilder()
                        .add("attributes", attributes(p.getAttributes())).add("value", p.getCount())));
                default -> { }
            }
            metrics.add(Json.createObjectBuilder().add("name", metric.getName()).add("unit", metric.getUnit())
                    .add("type", metric.getType().name()).add("points", points));
        }
        JsonArrayBuilder traceparents = Json.createArrayBuilder();
        FakeCommunications.TRACEPARENTS.forEach(values -> traceparents.add(Json.createArrayBuilder(values)));
        return Json.createObjectBuilder().add("spans", spans).add("metrics", metrics).add("traceparents", traceparents)
                .add("dump", dump.toString()).build();
    }

    private static JsonObject attributes(Attributes attributes) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        attributes.forEach((AttributeKey<?> key, Object value) -> json.add(key.getKey(), String.valueOf(value)));
        return json.build();
    }
}
