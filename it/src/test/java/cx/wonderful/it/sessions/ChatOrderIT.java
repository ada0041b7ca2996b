package cx.wonderful.it.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside Liberty, against the simulator: one session's back-to-back sends arrive in the order they were made. */
@ExtendWith(ArquillianExtension.class)
class ChatOrderIT {

    private static final int SENDS = 200;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-order", ChatOrderIT.class, Transcript.class);
    }

    @Inject
    WonderfulChat chat;

    @Test
    void twoHundredBackToBackSendsArriveInOrder() throws Exception {
        Simulator.reset();
        Transcript seen = new Transcript();
        ChatSession session = chat.start(StartChat.from("+14155550123", ParticipantType.PHONE), seen);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            sends.add(session.send("message " + i).toCompletableFuture());
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        seen.awaitMessages(2 * SENDS, 120);

        List<String> expected = IntStream.range(0, SENDS).mapToObj(i -> "message " + i).toList();
        // The simulator records each message as it arrives: its own history is the witness of the order.
        assertEquals(expected, Transcript.fromServer(session.sessionId()).stream()
                .filter(m -> m.speaker() == Speaker.CUSTOMER).map(ChatEvent.Message::text).toList());
        assertEquals(expected, seen.messages().stream().filter(m -> m.speaker() == Speaker.CUSTOMER)
                .map(ChatEvent.Message::text).toList());
        session.end().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
