package cx.wonderful.microprofile.chat;

import jakarta.json.JsonObject;

/** A {@link StartChat} that passed {@link ChatValidation}: every field normalised, the agent resolved. */
record ValidatedStart(String agentId, String from, ParticipantType fromType, String to, ParticipantType toType,
        String locale, JsonObject metadata) {
}
