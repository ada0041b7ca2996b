package cx.wonderful.microprofile.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of {@link WonderfulChat#start}: who chats ({@code from}, {@code fromType}, required), with which
 * agent ({@code agentId}, else {@code wonderful.agent-id}), optionally to whom ({@code to}, {@code toType}), in
 * which locale (default {@code en-US}) and with which metadata (standard keys {@code name},
 * {@code gender: male|female|other}, {@code platform: web|app}, plus any custom key with a JSON value: string,
 * number, boolean, null, a list or a map of these). Building never fails; {@link WonderfulChat#start} validates,
 * before any network call.
 */
public final class StartChat {

    /** The locale when none is given. */
    public static final String DEFAULT_LOCALE = "en-US";

    private final String from;
    private final String fromType;
    private final String agentId;
    private final String to;
    private final String toType;
    private final String locale;
    private final Map<String, Object> metadata;

    private StartChat(Builder builder) {
        this.from = builder.from;
        this.fromType = builder.fromType;
        this.agentId = builder.agentId;
        this.to = builder.to;
        this.toType = builder.toType;
        this.locale = builder.locale;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A chat from {@code from}, identified as {@code fromType}, with the default agent. */
    public static StartChat from(String from, ParticipantType fromType) {
        return builder().from(from).fromType(fromType).build();
    }

    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /** The participant type as given ({@code phone|email|name}); validated by {@link WonderfulChat#start}. */
    public Optional<String> fromType() {
        return Optional.ofNullable(fromType);
    }

    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    public Optional<String> toType() {
        return Optional.ofNullable(toType);
    }

    /** The locale as given; {@link #DEFAULT_LOCALE} applies when empty. */
    public Optional<String> locale() {
        return Optional.ofNullable(locale);
    }

    /** The metadata, unmodifiable, in insertion order. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "StartChat[fromType=" + fromType + ", agentId=" + agentId + ", toType=" + toType + ", locale=" + locale
                + ", metadataKeys=" + metadata.keySet() + "]";
    }

    /** Collects the parameters; not thread-safe. */
    public static final class Builder {

        private String from;
        private String fromType;
        private String agentId;
        private String to;
        private String toType;
        private String locale;
        private final Map<String, Object> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /** Required: the user's phone number (with country code), e-mail address or name. */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** Required: {@code phone}, {@code email} or {@code name}. */
        public Builder fromType(String fromType) {
            this.fromType = fromType;
            return this;
        }

        public Builder fromType(ParticipantType fromType) {
            this.fromType = fromType == null ? null : fromType.wireName();
            return this;
        }

        /** The agent to chat with; default {@code wonderful.agent-id}. */
        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        /** Optional, with {@link #toType}: the number or address the user reached out to. */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public Builder toType(String toType) {
            this.toType = toType;
            return this;
        }

        public Builder toType(ParticipantType toType) {
            this.toType = toType == null ? null : toType.wireName();
            return this;
        }

        /** A BCP 47 language tag such as {@code en-US} (the default) or {@code he-IL}. */
        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** Adds the entries of {@code metadata}; later entries replace earlier ones with the same key. */
        public Builder metadata(Map<String, ?> metadata) {
            Objects.requireNonNull(metadata, "metadata").forEach(this.metadata::put);
            return this;
        }

        public Builder metadata(String key, Object value) {
            this.metadata.put(key, value);
            return this;
        }

        public StartChat build() {
            return new StartChat(this);
        }
    }
}
