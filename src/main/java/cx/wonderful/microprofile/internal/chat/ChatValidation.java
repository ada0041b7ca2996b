package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.internal.JsonValues;
import cx.wonderful.microprofile.internal.PathIds;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks made before any network call. Every failure is a {@link WonderfulException}: {@code MISSING_PARTICIPANT}
 * for a missing {@code from} or {@code fromType}, {@code VALIDATION_ERROR} for everything else.
 */
final class ChatValidation {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 254;

    // E.164: a + and the country code, up to 15 digits in all; separators people type are ignored.
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> GENDERS = Set.of("male", "female", "other");
    private static final Set<String> PLATFORMS = Set.of("web", "app");
    private static final Set<String> RESERVED_METADATA = Set.of(WireContract.CHAT_FROM, WireContract.INIT_FROM_TYPE,
            WireContract.CHAT_TO, WireContract.INIT_TO_TYPE, WireContract.CHAT_LOCALE);

    private ChatValidation() {
    }

    static ValidatedStart start(StartChat request, Optional<String> defaultAgentId) {
        if (request == null) {
            throw invalid("the start request must not be null");
        }
        // Control characters first, on the values as given: trimming would drop a NUL or CR/LF silently.
        noControl("from", request.from());
        noControl("fromType", request.fromType());
        noControl("to", request.to());
        noControl("toType", request.toType());
        noControl("locale", request.locale());
        String from = request.from().map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new WonderfulException(ErrorCode.MISSING_PARTICIPANT, "from is required"));
        String fromTypeText = request.fromType().map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new WonderfulException(ErrorCode.MISSING_PARTICIPANT, "fromType is required (phone, email or name)"));
        ParticipantType fromType = participantType("fromType", fromTypeText);
        String normalisedFrom = participant("from", from, fromType);

        Optional<String> to = request.to().map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> toTypeText = request.toType().map(String::trim).filter(s -> !s.isEmpty());
        if (to.isPresent() != toTypeText.isPresent()) {
            throw invalid("to and toType go together: give both or neither");
        }
        ParticipantType toType = toTypeText.map(t -> participantType("toType", t)).orElse(null);
        String normalisedTo = to.map(t -> participant("to", t, toType)).orElse(null);

        String locale = locale(request.locale().map(String::trim).filter(s -> !s.isEmpty()).orElse(StartChat.DEFAULT_LOCALE));
        String agentId = agent(request.agentId(), defaultAgentId);
        return new ValidatedStart(agentId, normalisedFrom, fromType, normalisedTo, toType, locale, metadata(request.metadata()));
    }

    /** A session id as given (no trimming: an id with whitespace is not an id), checked by the path-id rule. */
    static String sessionId(String sessionId) {
        return PathIds.require("sessionId", sessionId);
    }

    /**
     * The agent: {@code given} when present (a blank one is an error, not an absence), else {@code fallback};
     * checked by the path-id rule.
     *
     * @throws WonderfulException {@code VALIDATION_ERROR} when there is none, or it breaks the rule
     */
    static String agent(Optional<String> given, Optional<String> fallback) {
        Optional<String> chosen = given.or(() -> fallback);
        return PathIds.require("agentId", chosen.orElseThrow(
                () -> invalid("no agent: give agentId or configure " + Setting.AGENT_ID.key())));
    }

    /**
     * A message's text, as given: at least one character that is not whitespace, at most
     * {@link WireContract#CHAT_TEXT_MAX_LENGTH}, and no control character other than tab, line feed and carriage
     * return (a multi-line message is a message; a NUL or an escape is not). Nothing is trimmed or dropped.
     */
    static String text(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("a message needs some text");
        }
        if (text.length() > WireContract.CHAT_TEXT_MAX_LENGTH) {
            throw invalid("a message has at most " + WireContract.CHAT_TEXT_MAX_LENGTH + " characters, this one "
                    + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw invalid("a message must not contain control characters (found U+" + String.format("%04X", (int) c)
                        + " at " + i + "); tab and line breaks are allowed");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) || Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw invalid("a message must be valid text (an unpaired surrogate at " + i + ")");
            }
        }
        return text;
    }

    private static void noControl(String field, Optional<String> value) {
        if (value.isPresent() && value.get().chars().anyMatch(Character::isISOControl)) {
            throw invalid(field + " must not contain control characters (NUL, CR, LF, ...)");
        }
    }

    private static ParticipantType participantType(String field, String value) {
        return ParticipantType.fromWire(value)
                .orElseThrow(() -> invalid(field + " must be phone, email or name, was: " + value));
    }

    private static String participant(String field, String value, ParticipantType type) {
        return switch (type) {
            case PHONE -> {
                String digits = PHONE_SEPARATORS.matcher(value).replaceAll("");
                if (!digits.startsWith("+")) {
                    throw invalid(field + ": a phone number needs its country code, such as +14155550123");
                }
                if (!PHONE.matcher(digits).matches()) {
                    throw invalid(field + ": not a phone number in international form (+ and up to 15 digits)");
                }
                yield digits;
            }
            case EMAIL -> {
                if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
                    throw invalid(field + ": not an e-mail address");
                }
                yield value;
            }
            case NAME -> {
                if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                    throw invalid(field + ": a name has at most " + MAX_NAME_LENGTH + " characters and no control characters");
                }
                yield value;
            }
        };
    }

    private static String locale(String value) {
        Locale parsed = Locale.forLanguageTag(value);
        if (!LANGUAGE_TAG.matcher(value).matches() || parsed.getLanguage().isEmpty()) {
            throw invalid("locale must be a language tag such as en-US, was: " + value);
        }
        return value;
    }

    private static JsonObject metadata(Map<String, Object> metadata) {
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                throw invalid("metadata keys must not be blank");
            }
            if (key.length() > WireContract.METADATA_KEY_MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
                throw invalid("a metadata key has at most " + WireContract.METADATA_KEY_MAX_LENGTH
                        + " characters and no control characters");
            }
            if (RESERVED_METADATA.contains(key)) {
                throw invalid("metadata key '" + key + "' is reserved for the participants; use the request's field");
            }
        }
        standard(metadata, "gender", GENDERS);
        standard(metadata, "platform", PLATFORMS);
        if (metadata.containsKey("name") && !(metadata.get("name") instanceof String)) {
            throw invalid("metadata.name must be a string");
        }
        JsonObject json = JsonValues.toJsonObject(metadata, "metadata");
        int bytes = json.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > WireContract.CHAT_METADATA_MAX_BYTES) {
            throw invalid("metadata must be at most " + WireContract.CHAT_METADATA_MAX_BYTES + " bytes serialized, was "
                    + bytes);
        }
        return json;
    }

    private static void standard(Map<String, Object> metadata, String key, Set<String> allowed) {
        if (metadata.containsKey(key) && !(metadata.get(key) instanceof String value && allowed.contains(value))) {
            throw invalid("metadata." + key + " must be one of " + allowed.stream().sorted().toList() + ", was: " + metadata.get(key));
        }
    }

    private static WonderfulException invalid(String message) {
        return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
    }
}
