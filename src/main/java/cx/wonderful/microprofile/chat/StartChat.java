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
 * number, boolean, null, a list or a map of these). Building checks nothing (only a {@code null} metadata map is
 * refused); {@link WonderfulChat#start} validates, before any network call.
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

    /**
     * A builder with nothing set: no participants, no agent (so {@code wonderful.agent-id}), locale
     * {@value #DEFAULT_LOCALE}, no metadata.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A chat from {@code from}, identified as {@code fromType}, with the default agent ({@code wonderful.agent-id}),
     * no {@code to}, locale {@value #DEFAULT_LOCALE} and no metadata.
     *
     * @param from the user's phone number (with country code), e-mail address or name
     * @param fromType what {@code from} is
     * @return the request; never fails, a {@code null} argument is simply not set
     */
    public static StartChat from(String from, ParticipantType fromType) {
        return builder().from(from).fromType(fromType).build();
    }

    /**
     * Who chats.
     *
     * @return {@code from} as given; empty when not set
     */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /**
     * The participant type as given ({@code phone|email|name}); validated by {@link WonderfulChat#start}.
     *
     * @return {@code fromType} as given; empty when not set
     */
    public Optional<String> fromType() {
        return Optional.ofNullable(fromType);
    }

    /**
     * The agent to chat with.
     *
     * @return the agent id as given; empty means {@code wonderful.agent-id}
     */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    /**
     * Whom the user reached out to.
     *
     * @return {@code to} as given; empty when not set
     */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /**
     * The participant type of {@link #to()} as given ({@code phone|email|name}).
     *
     * @return {@code toType} as given; empty when not set
     */
    public Optional<String> toType() {
        return Optional.ofNullable(toType);
    }

    /**
     * The locale as given.
     *
     * @return the locale; empty means {@value #DEFAULT_LOCALE}
     */
    public Optional<String> locale() {
        return Optional.ofNullable(locale);
    }

    /**
     * The metadata, unmodifiable, in insertion order.
     *
     * @return a copy of the builder's metadata as it was at {@link Builder#build()}; empty when none was given
     */
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

        /**
         * Required: the user's phone number (with country code), e-mail address or name.
         * {@link WonderfulChat#start} refuses a control character and trims it; a phone number, without the spaces,
         * dots, hyphens and parentheses it may hold, must then be {@code +} and 7 to 15 digits, the first not 0; an
         * e-mail address at most 254 characters; a name at most 200 characters.
         *
         * @param from the participant; {@code null} (the default) leaves it unset
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /**
         * Required: {@code phone}, {@code email} or {@code name}.
         *
         * @param fromType what {@code from} is, as text (case-insensitive, trimmed by {@link WonderfulChat#start});
         *        {@code null} (the default) leaves it unset
         * @return this builder
         */
        public Builder fromType(String fromType) {
            this.fromType = fromType;
            return this;
        }

        /**
         * Required: what {@code from} is.
         *
         * @param fromType the type; {@code null} (the default) leaves it unset
         * @return this builder
         */
        public Builder fromType(ParticipantType fromType) {
            this.fromType = fromType == null ? null : fromType.wireName();
            return this;
        }

        /**
         * The agent to chat with; default {@code wonderful.agent-id}. {@link WonderfulChat#start} takes the id as given:
         * 1 to 128 letters, digits and {@code - _ . ~}, not only dots.
         *
         * @param agentId the agent's id; {@code null} (the default) means {@code wonderful.agent-id}
         * @return this builder
         */
        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        /**
         * Optional, with {@link #toType}: the number or address the user reached out to; checked like
         * {@link #from(String)}.
         *
         * @param to the participant; {@code null} (the default) means none
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * What {@link #to(String)} is: {@code phone}, {@code email} or {@code name}; given if and only if {@code to} is.
         *
         * @param toType the type, as text (case-insensitive, trimmed by {@link WonderfulChat#start}); {@code null}
         *        (the default) means none
         * @return this builder
         */
        public Builder toType(String toType) {
            this.toType = toType;
            return this;
        }

        /**
         * What {@link #to(String)} is; given if and only if {@code to} is.
         *
         * @param toType the type; {@code null} (the default) means none
         * @return this builder
         */
        public Builder toType(ParticipantType toType) {
            this.toType = toType == null ? null : toType.wireName();
            return this;
        }

        /**
         * A BCP 47 language tag such as {@code en-US} (the default) or {@code he-IL}.
         *
         * @param locale the tag: a language of 2 or 3 letters, then any number of {@code -} and 2 to 8 letters or
         *        digits; {@code null} or blank (the default) means {@value StartChat#DEFAULT_LOCALE}
         * @return this builder
         */
        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /**
         * Adds the entries of {@code metadata}; later entries replace earlier ones with the same key.
         * {@link WonderfulChat#start} accepts keys that are not blank, of at most 128 characters without control
         * characters, other than {@code from}, {@code fromType}, {@code to}, {@code toType} and {@code locale}
         * (reserved for the request's fields); {@code name} must be a string, {@code gender} one of {@code male},
         * {@code female}, {@code other}, {@code platform} one of {@code web}, {@code app}; and at most 4096 bytes in
         * all, as compact JSON in UTF-8.
         *
         * @param metadata the entries to add, copied now; an empty map adds nothing
         * @return this builder
         * @throws NullPointerException when {@code metadata} is {@code null}
         */
        public Builder metadata(Map<String, ?> metadata) {
            Objects.requireNonNull(metadata, "metadata").forEach(this.metadata::put);
            return this;
        }

        /**
         * Adds one metadata entry, replacing an earlier one with the same key (checked as
         * {@link #metadata(Map)} says).
         *
         * @param key the key
         * @param value the value: a string, number, boolean, {@code null}, or a list or map of these
         * @return this builder
         */
        public Builder metadata(String key, Object value) {
            this.metadata.put(key, value);
            return this;
        }

        /**
         * The request with the values set so far; never fails. The builder can go on being used: later changes do
         * not affect the request.
         *
         * @return a new, immutable request
         */
        public StartChat build() {
            return new StartChat(this);
        }
    }
}
