package cx.wonderful.microprofile.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every error code becomes an RFC 9457 problem with the right status, and no secret or echoed text leaks. */
class WonderfulProblemMapperTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";
    private final WonderfulProblemMapper mapper = new WonderfulProblemMapper();

    private static JsonObject body(Response response) {
        return Json.createReader(new StringReader((String) response.getEntity())).readObject();
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsAProblemWithItsStatus(ErrorCode code) {
        Response response = mapper.toResponse(new WonderfulException(code, "something about " + code));
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonObject problem = body(response);
        int status = WonderfulProblemMapper.status(code);
        assertEquals(status, response.getStatus());
        assertEquals(status, problem.getInt("status"));
        assertEquals(code.name(), problem.getString("code"));
        assertEquals(code.recoverableByDefault(), problem.getBoolean("recoverable"));
        assertTrue(problem.getString("type").startsWith("urn:wonderful:problem:"), problem.toString());
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertTrue(status >= 400 && status <= 599);
    }

    @Test
    void theStatusesOfTheCommonCases() {
        assertEquals(400, WonderfulProblemMapper.status(ErrorCode.VALIDATION_ERROR));
        assertEquals(400, WonderfulProblemMapper.status(ErrorCode.MISSING_PARTICIPANT));
        assertEquals(404, WonderfulProblemMapper.status(ErrorCode.SESSION_NOT_FOUND));
        assertEquals(409, WonderfulProblemMapper.status(ErrorCode.SESSION_ENDED));
        assertEquals(429, WonderfulProblemMapper.status(ErrorCode.RATE_LIMITED));
        assertEquals(500, WonderfulProblemMapper.status(ErrorCode.CONFIGURATION_ERROR));
        assertEquals(502, WonderfulProblemMapper.status(ErrorCode.UNAUTHORIZED), "upstream credential, not the caller's sign-in");
        assertEquals(503, WonderfulProblemMapper.status(ErrorCode.NETWORK_ERROR));
        JsonObject problem = WonderfulProblemMapper.problem(new WonderfulException(ErrorCode.SESSION_NOT_FOUND, "no chat session abc"));
        assertEquals("urn:wonderful:problem:session-not-found", problem.getString("type"));
        assertEquals("Session not found", problem.getString("title"));
        assertEquals("no chat session abc", problem.getString("detail"));
    }

    @Test
    void whatTheServerSaidNeverReachesTheCaller() {
        String echoed = "invalid key sk-live-0123456789abcdef for tenant acme at https://acme.api.wonderful.ai";
        for (ErrorCode code : ErrorCode.values()) {
            JsonObject problem = WonderfulProblemMapper.problem(new WonderfulException(code, echoed, 400, false, null));
            assertFalse(problem.toString().contains("sk-live"), problem.toString());
            assertFalse(problem.toString().contains("acme"), problem.toString());
            assertFalse(problem.getBoolean("recoverable"), "the exception's own flag: " + problem);
        }
    }

    @Test
    void configurationAndNetworkDetailsStayOnTheServer() {
        Set<ErrorCode> generic = EnumSet.complementOf(EnumSet.of(ErrorCode.VALIDATION_ERROR, ErrorCode.MISSING_PARTICIPANT,
                ErrorCode.SESSION_NOT_FOUND, ErrorCode.SESSION_ENDED));
        for (ErrorCode code : generic) {
            String detail = WonderfulProblemMapper.problem(new WonderfulException(code, "wonderful.base-url is not a URL: h")).getString("detail");
            assertFalse(detail.contains("wonderful.base-url"), code + ": " + detail);
        }
    }

    @Test
    void aTokenInTheCallersOwnInputIsMasked() {
        String detail = WonderfulProblemMapper.problem(new WonderfulException(ErrorCode.VALIDATION_ERROR,
                "text must not hold " + JWT + " nor Bearer abcdefghijklmnop")).getString("detail");
        assertFalse(detail.contains(JWT.substring(0, 20)), detail);
        assertFalse(detail.contains("abcdefghijklmnop"), detail);
        assertTrue(detail.startsWith("text must not hold"), detail);
    }

    @Test
    void optInOnly() {
        assertFalse(WonderfulProblemMapper.class.isAnnotationPresent(Provider.class), "must not be discovered by scanning");
    }
}
