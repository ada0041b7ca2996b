package cx.wonderful.microprofile.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.internal.TestJwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad identities are typed errors at once, before anything could be sent. */
class IdentityTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UUID USER = UUID.fromString("6f1c2b9e-8d4a-4c1f-a0b3-2e7d9c5f4a10");

    private static void assertValidation(Executable factory) {
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, factory).code());
    }

    @Test
    void anEntityIdThatIsNotAUuidIsAValidationError() {
        assertValidation(() -> Identity.endUser("alice"));
        assertValidation(() -> Identity.endUser("6f1c2b9e-8d4a-4c1f-a0b3-2e7d9c5f4a1"));
        assertValidation(() -> Identity.endUser(" 6f1c2b9e-8d4a-4c1f-a0b3-2e7d9c5f4a10"));
        assertValidation(() -> Identity.endUser((String) null));
        assertValidation(() -> Identity.endUser((UUID) null));
        assertEquals(Optional.of(USER), Identity.endUser(USER.toString()).entityId());
    }

    @Test
    void aHeldTokenThatIsNotTheUsersValidJwtIsAValidationError() {
        assertValidation(() -> Identity.endUser(USER, "not-a-jwt", CLOCK));
        assertValidation(() -> Identity.endUser(USER, "", CLOCK));
        assertValidation(() -> Identity.endUser(USER, null, CLOCK));
        assertValidation(() -> Identity.endUser(USER, TestJwts.jwt(USER.toString(), NOW.minusSeconds(1)), CLOCK));
        assertValidation(() -> Identity.endUser(USER, TestJwts.jwt(UUID.randomUUID().toString(), NOW.plusSeconds(600)), CLOCK));
        assertValidation(() -> Identity.endUser(USER, TestJwts.jwt(null, NOW.plusSeconds(600)), CLOCK));
        Identity held = Identity.endUser(USER, TestJwts.jwt(USER.toString(), NOW.plus(Duration.ofMinutes(10))), CLOCK);
        assertEquals(Optional.of(USER), held.entityId());
    }

    @Test
    void noTokenInToString() {
        String jwt = TestJwts.jwt(USER.toString(), NOW.plus(Duration.ofMinutes(10)));
        String shown = Identity.endUser(USER, jwt, CLOCK).toString();
        assertFalse(shown.contains(jwt.substring(jwt.lastIndexOf('.') + 1)), shown);
        assertFalse(shown.contains(jwt.substring(0, jwt.indexOf('.'))), shown);
        assertEquals("Identity[application]", Identity.application().toString());
    }
}
