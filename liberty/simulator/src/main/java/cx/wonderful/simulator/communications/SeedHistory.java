package cx.wonderful.simulator.communications;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deterministic communication history per tenant: {@link #SIZE} records across voice, chat, email and task,
 * inbound and outbound, several statuses, agents, numbers and emails, one every 7 h 13 min going back from
 * {@link #NEWEST}. Each record also carries two fields the contract does not name ({@code channel_details},
 * {@code priority}) so clients can prove they keep unknown fields.
 */
public final class SeedHistory {

    /** Records per tenant. */
    public static final int SIZE = 57;
    /** Start time of the newest seeded record. */
    public static final Instant NEWEST = Instant.parse("2026-03-31T09:00:00Z");
    static final Duration SPACING = Duration.ofMinutes(7 * 60 + 13);

    private static final String[] TYPES = {"voice", "chat", "email", "task"};
    private static final String[] STATUSES = {"completed", "completed", "missed", "failed", "in-progress"};
    private static final String[] INTERACTORS = {"customer", "agent", "human_agent"};
    private static final String[] LOCALES = {"en-US", "es-ES", "fr-FR"};
    private static final String[] SENTIMENTS = {"positive", "neutral", "negative"};

    private final Map<String, List<JsonObject>> recordsByTenant = new LinkedHashMap<>();
    private final Map<String, List<JsonObject>> summariesByTenant = new LinkedHashMap<>();

    public SeedHistory(Collection<String> tenants, Collection<String> agents) {
        List<String> agentList = agents.stream().sorted().toList();
        if (agentList.isEmpty()) {
            throw new IllegalArgumentException("at least one agent is needed");
        }
        for (String tenant : tenants) {
            List<JsonObject> records = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                records.add(record(tenant, i, agentList));
            }
            recordsByTenant.put(tenant, List.copyOf(records));
            summariesByTenant.put(tenant, records.stream().map(SeedHistory::withoutTranscriptions).toList());
        }
    }

    /** The tenant's seeded records (with {@code transcriptions}), newest first; empty for an unknown tenant. */
    public List<JsonObject> of(String tenantId) {
        return recordsByTenant.getOrDefault(tenantId, List.of());
    }

    /** The same records without {@code transcriptions}, as the list shows them. */
    public List<JsonObject> summaries(String tenantId) {
        return summariesByTenant.getOrDefault(tenantId, List.of());
    }

    private static JsonObject withoutTranscriptions(JsonObject record) {
        return Json.createObjectBuilder(record).remove("transcriptions").build();
    }

    private static JsonObject record(String tenant, int i, List<String> agents) {
        String id = UUID.nameUUIDFromBytes(("seed:" + tenant + ":" + i).getBytes(StandardCharsets.UTF_8)).toString();
        String type = TYPES[i % TYPES.length];
        Instant start = NEWEST.minus(SPACING.multipliedBy(i));
        String status = STATUSES[i % STATUSES.length];
        long durationMs = "in-progress".equals(status) ? 0 : 45_000L + (i * 7_919L) % 600_000L;
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("tenant_id", tenant).add("type", type)
                .add("interactor", INTERACTORS[i % INTERACTORS.length])
                .add("direction", i % 3 == 0 ? "outbound" : "inbound").add("agent_id", agents.get(i % agents.size()))
                .add("locale", LOCALES[i % LOCALES.length]).add("status", status).add("start_time", start.toString());
        if ("in-progress".equals(status)) {
            json.addNull("end_time").addNull("duration");
        } else {
            json.add("end_time", start.plusMillis(durationMs).toString()).add("duration", durationMs);
        }
        String number = String.format("+1555%07d", 1000 + i % 11);
        if ("email".equals(type)) {
            json.addNull("from_number").addNull("to_number").add("from_email", "customer" + (i % 7) + "@example.com");
        } else {
            json.add("from_number", number).add("to_number", "+15550000100").addNull("from_email");
        }
        json.add("sentiment", SENTIMENTS[i % SENTIMENTS.length])
                .add("summary", "Seeded " + type + " communication #" + (i + 1))
                .add("tags", Json.createArrayBuilder().add("seed").add(type))
                .add("metadata", Json.createObjectBuilder().add("seq", i + 1).add("source", "simulator-seed"))
                .add("channel_details", Json.createObjectBuilder().add("channel", type).add("queue", "q-" + (i % 4)))
                .add("priority", i % 5 == 0 ? "high" : "normal")
                .add("transcriptions", transcriptions(id, start, i));
        return json.build();
    }

    private static JsonArrayBuilder transcriptions(String id, Instant start, int i) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        String[][] lines = {{"customer", "Hello, I need help with order " + (1000 + i) + "."},
                {"agent", "Of course. Let me look at order " + (1000 + i) + "."},
                {"customer", "Thank you."}};
        for (int t = 0; t < lines.length; t++) {
            Instant from = start.plusSeconds(10L * t);
            array.add(Json.createObjectBuilder().add("id", id + "-t" + String.format("%06d", t + 1))
                    .add("communication_id", id).add("speaker", lines[t][0]).add("text", lines[t][1])
                    .add("start_time", from.toString()).add("end_time", from.plusSeconds(8).toString())
                    .addNull("tool_details"));
        }
        return array;
    }
}
