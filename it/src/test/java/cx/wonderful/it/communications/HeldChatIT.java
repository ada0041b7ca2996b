package cx.wonderful.it.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Transcription;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A chat held through the chat module is then in the history, with its transcript, read through the communications module. */
@ExtendWith(ArquillianExtension.class)
class HeldChatIT {

    private static final String PHONE = "+15550123456";
    private static final String TEXT = "I would like a refund for order 4711";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("held-chat", HeldChatIT.class);
    }

    @Inject
    WonderfulChat chat;

    @Inject
    WonderfulCommunications communications;

    @Test
    void aChatJustHeldIsInTheHistoryWithItsTranscript() throws Exception {
        Simulator.reset();
        AtomicBoolean customerSeen = new AtomicBoolean();
        CountDownLatch agentAnswered = new CountDownLatch(1);
        ChatSession session = chat.start(StartChat.builder().from(PHONE).fromType(ParticipantType.PHONE).build(), event -> {
            if (event instanceof ChatEvent.Message message) {
                if (message.speaker() == Speaker.CUSTOMER && message.text().equals(TEXT)) {
                    customerSeen.set(true);
                } else if (message.speaker() == Speaker.AGENT && customerSeen.get()) {
                    agentAnswered.countDown();
                }
            }
        });
        session.send(TEXT).toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(agentAnswered.await(60, TimeUnit.SECONDS), "the agent answers the message");
        session.end().toCompletableFuture().get(60, TimeUnit.SECONDS);

        Communication held = communications.get(session.sessionId());
        assertEquals(session.sessionId(), held.id());
        assertEquals(CommunicationType.CHAT, held.type().orElseThrow());
        assertEquals(Direction.INBOUND, held.direction().orElseThrow());
        assertEquals(PHONE, held.fromNumber().orElseThrow());
        assertEquals("completed", held.status().orElseThrow());
        assertTrue(held.endTime().isPresent() && held.duration().isPresent(), "an ended chat has an end and a duration");

        List<Transcription> transcript = held.transcriptions();
        int customer = indexOf(transcript, "customer", TEXT);
        assertTrue(customer >= 0, "the user's message is in the transcript: " + transcript);
        assertTrue(transcript.subList(customer + 1, transcript.size()).stream()
                .anyMatch(t -> t.speaker().orElseThrow().equals("agent")), "the agent's answer follows it");
        transcript.forEach(t -> assertEquals(session.sessionId(), t.communicationId().orElseThrow()));

        List<String> chats = communications.stream(ListCommunications.builder().type(CommunicationType.CHAT)
                .fromNumber(PHONE).build()).map(Communication::id).toList();
        assertEquals(List.of(session.sessionId()), chats, "the list finds the chat by its filters");
    }

    private static int indexOf(List<Transcription> transcript, String speaker, String text) {
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).speaker().orElse("").equals(speaker) && transcript.get(i).text().orElse("").equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
