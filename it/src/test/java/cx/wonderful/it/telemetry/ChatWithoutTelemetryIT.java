package cx.wonderful.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library on the main IT server, which has no telemetry feature: the OpenTelemetry API is not there at all,
 * the library deploys without a linkage error, records nothing, and chats as usual.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("liberty-only")
@DisabledIfSystemProperty(named = "it.telemetry", matches = "true") // the telemetry server has the API
class ChatWithoutTelemetryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-without-telemetry", ChatWithoutTelemetryIT.class, SessionEvents.class);
    }

    @Inject
    WonderfulChat chat;
    @Inject
    BeanManager beanManager;
    @Inject
    Config config;

    @Test
    void theLibraryChatsWithoutTheOpenTelemetryApi() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.opentelemetry.api.OpenTelemetry", false,
                Telemetry.class.getClassLoader()));
        assertFalse(Telemetry.fromCdi(beanManager, config).recording(), "the library's own decision, made the same way");
        Simulator.reset();
        SessionEvents log = new SessionEvents();
        ChatSession session = chat.start(StartChat.builder().from("+14155550123").fromType(ParticipantType.PHONE).build(), log);
        log.await(ChatEvent.Connected.class, e -> true);
        session.send("hello without telemetry").toCompletableFuture().get(SessionEvents.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: hello without telemetry"));
        session.end().toCompletableFuture().get(SessionEvents.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(EndedBy.USER, log.await(ChatEvent.Ended.class, e -> true).endedBy());
    }
}
