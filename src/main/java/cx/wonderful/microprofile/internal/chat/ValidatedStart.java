package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import jakarta.json.JsonObject;

/** A {@link StartChat} that passed {@link ChatValidation}: every field normalised, the agent resolved. */
record ValidatedStart(String agentId, String from, ParticipantType fromType, String to, ParticipantType toType,
        String locale, JsonObject metadata) {
}
