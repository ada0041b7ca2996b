package cx.wonderful.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import org.junit.jupiter.api.Test;

/** The demo's statuses: the caller's mistakes are 4xx, Wonderful's refusals and failures never look like the demo's 401. */
class WonderfulExceptionMapperTest {

    @Test
    void badInputIs400() {
        assertEquals(400, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.VALIDATION_ERROR, "x")));
        assertEquals(400, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.MISSING_PARTICIPANT, "x")));
    }

    @Test
    void theDemosOwnRefusalIs403ButWonderfulsIsABadGateway() {
        assertEquals(403, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.FORBIDDEN, "not yours")));
        assertEquals(502, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.FORBIDDEN, "agent", 403, false, null)));
    }

    @Test
    void wonderfulRefusingTheApiKeyIsNot401() {
        assertEquals(502, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.UNAUTHORIZED, "key", 401, false, null)));
    }

    @Test
    void sessionStates() {
        assertEquals(404, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.SESSION_NOT_FOUND, "x")));
        assertEquals(409, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.SESSION_ENDED, "x")));
    }

    @Test
    void configurationIs500AndNetworkIs502() {
        assertEquals(500, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "x")));
        assertEquals(502, WonderfulExceptionMapper.status(new WonderfulException(ErrorCode.NETWORK_ERROR, "x")));
    }
}
