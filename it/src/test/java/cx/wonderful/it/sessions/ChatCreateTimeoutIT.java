package cx.wonderful.it.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Liberty, with a short request timeout: a chat create whose answer comes too late (the simulator holds it,
 * then creates the session) fails typed and is not posted again, so there is exactly one session at the server.
 */
@ExtendWith(ArquillianExtension.class)
class ChatCreateTimeoutIT {

    private static final String CREATE_PATH = "/api/workspace/" + Simulator.WORKSPACE + "/v3/chat";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-create-timeout", "wonderful.request-timeout=1500ms\nwonderful.max-retries=3\n",
                ChatCreateTimeoutIT.class);
    }

    @Inject
    WonderfulChat chat;

    @Test
    void aCreateWhoseAnswerTimesOutLeavesExactlyOneSession() throws Exception {
        Simulator.reset();
        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"POST\",\"path\":\"" + CREATE_PATH + "\",\"times\":1,\"delay_ms\":4000}");

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> chat.start(StartChat.from("+14155550123", ParticipantType.PHONE)));
        assertEquals(ErrorCode.NETWORK_ERROR, error.code(), error.getMessage());
        // Long enough for the held request to be served and for any re-sent one to arrive.
        Thread.sleep(6000);
        List<JsonObject> creates = Simulator.journal(CREATE_PATH).stream()
                .filter(e -> e.getString("method").equals("POST") && e.getString("path").equals(CREATE_PATH)).toList();
        assertEquals(1, creates.size(), "create requests at the server: " + creates);
        assertEquals(200, creates.get(0).getInt("status"), "the one create request made the one session: " + creates);
    }
}
