package cx.wonderful.simulator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void keepsAtMostFourCharacters() {
        assertEquals("sim-****", Secrets.mask("sim-key-acme"));
        assertEquals("eyJh****", Secrets.mask("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        assertEquals("****", Secrets.mask("short"));
        assertEquals("", Secrets.mask(null));
    }
}
