package cx.wonderful.demo;

import cx.wonderful.microprofile.chat.ChatEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Objects;

/**
 * One chat event as the page receives it: a server-sent event with a sequence {@code id} (for Last-Event-ID
 * resumption), a {@code name} ({@code connected}, {@code message}, {@code disconnected}, {@code reconnected},
 * {@code error}, {@code ended}, {@code turn-ended}) and a JSON {@code data} object in camelCase.
 */
record RelayedEvent(long id, String name, JsonObject data) {

    RelayedEvent {
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }

    static RelayedEvent of(long id, ChatEvent event) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        String name;
        // Java 17: no pattern matching for switch yet, so an instanceof chain over the closed set.
        if (event instanceof ChatEvent.Connected connected) {
            data.add("sessionId", connected.sessionId());
            name = "connected";
        } else if (event instanceof ChatEvent.Message message) {
            if (message.id() != null) {
                data.add("id", message.id());
            }
            data.add("speaker", lower(message.speaker().name())).add("text", message.text());
            if (message.createdAt() != null) {
                data.add("createdAt", message.createdAt().toString());
            }
            name = "message";
        } else if (event instanceof ChatEvent.Disconnected disconnected) {
            data.add("willRetry", disconnected.willRetry()).add("code", disconnected.code())
                    .add("reason", disconnected.reason()).add("attempt", disconnected.attempt());
            name = "disconnected";
        } else if (event instanceof ChatEvent.Reconnected reconnected) {
            data.add("attempts", reconnected.attempts());
            name = "reconnected";
        } else if (event instanceof ChatEvent.Error error) {
            data.add("code", error.code().name()).add("message", error.message()).add("recoverable", error.recoverable());
            name = "error";
        } else if (event instanceof ChatEvent.Ended ended) {
            data.add("endedBy", lower(ended.endedBy().name()));
            name = "ended";
        } else if (event instanceof ChatEvent.TurnEnded) {
            name = "turn-ended";
        } else {
            throw new IllegalArgumentException("unknown chat event " + event.getClass().getName());
        }
        return new RelayedEvent(id, name, data.build());
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }
}
