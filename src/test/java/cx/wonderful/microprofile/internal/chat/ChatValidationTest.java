package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatValidationTest {

    private static final Optional<String> DEFAULT_AGENT = Optional.of("agent-support");

    private static StartChat.Builder phone() {
        return StartChat.builder().from("+14155550123").fromType(ParticipantType.PHONE);
    }

    private static WonderfulException refused(StartChat request) {
        return assertThrows(WonderfulException.class, () -> ChatValidation.start(request, DEFAULT_AGENT));
    }

    private static void assertValidationError(StartChat request, String inMessage) {
        WonderfulException error = refused(request);
        assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
        assertFalse(error.recoverable());
        assertTrue(error.getMessage().contains(inMessage), error.getMessage());
    }

    @Test
    void aMinimalRequestGetsTheDefaultAgentAndLocale() {
        ValidatedStart start = ChatValidation.start(phone().build(), DEFAULT_AGENT);
        assertEquals("agent-support", start.agentId());
        assertEquals("+14155550123", start.from());
        assertEquals(ParticipantType.PHONE, start.fromType());
        assertEquals("en-US", start.locale());
        assertNull(start.to());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, start.metadata());
    }

    @Test
    void aFullRequestIsNormalised() {
        ValidatedStart start = ChatValidation.start(StartChat.builder().from(" +44 (20) 7946-0958 ").fromType(" Phone ")
                .agentId("agent-sales").to("support@acme.example").toType("email").locale("he-IL")
                .metadata(Map.of("name", "Dana", "gender", "female", "platform", "app", "plan", Map.of("tier", 2, "tags", List.of("a", true))))
                .build(), DEFAULT_AGENT);
        assertEquals("+442079460958", start.from());
        assertEquals("agent-sales", start.agentId());
        assertEquals(ParticipantType.EMAIL, start.toType());
        assertEquals("he-IL", start.locale());
        assertEquals("Dana", start.metadata().getString("name"));
    }

    @Test
    void missingFromOrFromTypeIsMissingParticipant() {
        for (StartChat request : List.of(StartChat.builder().fromType("phone").build(),
                StartChat.builder().from("  ").fromType("phone").build(),
                StartChat.builder().from("+14155550123").build(),
                StartChat.builder().from("+14155550123").fromType(" ").build())) {
            WonderfulException error = refused(request);
            assertEquals(ErrorCode.MISSING_PARTICIPANT, error.code());
            assertFalse(error.recoverable());
        }
    }

    @Test
    void aNullRequestIsAValidationError() {
        assertEquals(ErrorCode.VALIDATION_ERROR, refused(null).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobile", "sms", "PHONE NUMBER"})
    void anUnknownParticipantTypeIsRefused(String type) {
        assertValidationError(phone().fromType(type).build(), "fromType must be phone, email or name");
        assertValidationError(phone().to("x").toType(type).build(), "toType must be phone, email or name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155550123", "0044 20 7946 0958", "(415) 555-0123"})
    void aPhoneNumberWithoutCountryCodeIsRefused(String number) {
        assertValidationError(phone().from(number).build(), "country code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0123456789", "+12345", "+1234567890123456", "+1-800-FLOWERS"})
    void aPhoneNumberThatIsNotInternationalIsRefused(String number) {
        assertValidationError(phone().from(number).build(), "international form");
    }

    @Test
    void phoneNumbersOfSevenToFifteenDigitsPass() {
        assertEquals("+1234567", ChatValidation.start(phone().from("+1234567").build(), DEFAULT_AGENT).from());
        assertEquals("+123456789012345", ChatValidation.start(phone().from("+123456789012345").build(), DEFAULT_AGENT).from());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dana", "dana@", "@acme.example", "dana@acme", "dana@@acme.example", "da na@acme.example", "dana@acme."})
    void anEmailThatIsNotOneIsRefused(String email) {
        assertValidationError(StartChat.builder().from(email).fromType(ParticipantType.EMAIL).build(), "not an e-mail address");
    }

    @Test
    void namesAreBounded() {
        String longest = "n".repeat(ChatValidation.MAX_NAME_LENGTH);
        assertEquals(longest, ChatValidation.start(StartChat.from(longest, ParticipantType.NAME), DEFAULT_AGENT).from());
        assertValidationError(StartChat.from(longest + "n", ParticipantType.NAME), "at most");
        assertValidationError(StartChat.from("Da\u0007na", ParticipantType.NAME), "control characters");
    }

    @Test
    void toAndToTypeGoTogether() {
        assertValidationError(phone().to("+14155550199").build(), "to and toType go together");
        assertValidationError(phone().toType("phone").build(), "to and toType go together");
        assertValidationError(phone().to("12345").toType("phone").build(), "country code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"english", "en_US", "e", "en-", "12-34", "en-US-x-"})
    void aLocaleThatIsNotALanguageTagIsRefused(String locale) {
        assertValidationError(phone().locale(locale).build(), "locale must be a language tag");
    }

    @Test
    void metadataStandardKeysAreChecked() {
        assertValidationError(phone().metadata("gender", "unknown").build(), "metadata.gender");
        assertValidationError(phone().metadata("gender", 1).build(), "metadata.gender");
        assertValidationError(phone().metadata("platform", "desktop").build(), "metadata.platform");
        assertValidationError(phone().metadata("name", 42).build(), "metadata.name must be a string");
        for (String gender : List.of("male", "female", "other")) {
            assertEquals(gender, ChatValidation.start(phone().metadata("gender", gender).build(), DEFAULT_AGENT).metadata().getString("gender"));
        }
    }

    @Test
    void metadataMustBeJson() {
        assertValidationError(phone().metadata("when", new Object()).build(), "not a JSON value");
        assertValidationError(phone().metadata("nested", Map.of("deep", List.of(new Object()))).build(), "metadata.nested.deep[0]");
        assertValidationError(phone().metadata("nan", Double.NaN).build(), "metadata.nan is NaN");
        Map<String, Object> cyclic = new java.util.HashMap<>();
        cyclic.put("self", cyclic);
        assertValidationError(phone().metadata("loop", cyclic).build(), "nested deeper than");
        assertValidationError(phone().metadata(" ", "blank key").build(), "metadata keys must not be blank");
        assertValidationError(phone().metadata("fromType", "email").build(), "reserved");
    }

    @Test
    void noAgentAnywhereIsRefusedNamingTheKey() {
        WonderfulException error = assertThrows(WonderfulException.class, () -> ChatValidation.start(phone().build(), Optional.empty()));
        assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
        assertTrue(error.getMessage().contains("wonderful.agent-id"));
        assertEquals("agent-x", ChatValidation.start(phone().agentId("agent-x").build(), Optional.empty()).agentId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent/../admin", "agent?x=1", "agent support", "agent#1", "..", ".", "...", "a%2Fb", "a\r\nb",
        "a\u0000", " agent", "ag\u00e9nt"})
    void idsThatWouldBreakAUrlAreRefused(String id) {
        assertValidationError(phone().agentId(id).build(), "agentId may only hold");
        WonderfulException error = assertThrows(WonderfulException.class, () -> ChatValidation.sessionId(id));
        assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
    }

    @Test
    void textsAreBoundedAndControlCharactersAreRefusedNotTrimmed() {
        assertEquals("line one\nline two\ttab\r\n", ChatValidation.text("line one\nline two\ttab\r\n"));
        String longest = "x".repeat(cx.wonderful.microprofile.internal.WireContract.CHAT_TEXT_MAX_LENGTH);
        assertEquals(longest, ChatValidation.text(longest));
        for (String bad : new String[] {longest + "x", "x".repeat(1 << 20), "hello\u0000", "\u0000hello", "a\u001bb", "a\u007fb",
            "a\u0085b", "a\ud800b"}) {
            assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> ChatValidation.text(bad)).code(),
                    "length " + bad.length());
        }
    }

    @Test
    void metadataIsBoundedWhenSerialized() {
        assertEquals(ErrorCode.VALIDATION_ERROR, refused(phone().metadata("note", "x".repeat(1 << 20)).build()).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, refused(phone().metadata("k".repeat(200), "v").build()).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, refused(phone().metadata("a\nb", "v").build()).code());
        ChatValidation.start(phone().metadata("note", "x".repeat(3000)).build(), DEFAULT_AGENT);
    }

    @Test
    void sessionIdsAndTextsAreRequired() {
        assertEquals("c0ffee-1", ChatValidation.sessionId("c0ffee-1"));
        // No trimming (issue 11): an id with whitespace or a NUL at its ends is refused, not silently repaired.
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> ChatValidation.sessionId(" c0ffee-1 ")).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> ChatValidation.sessionId(null)).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> ChatValidation.sessionId(" ")).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> ChatValidation.text(null)).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> ChatValidation.text(" \n")).code());
        assertEquals("hi", ChatValidation.text("hi"));
    }
}
