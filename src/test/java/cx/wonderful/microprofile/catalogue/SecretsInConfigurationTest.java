package cx.wonderful.microprofile.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import cx.wonderful.microprofile.internal.RecordingServer;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.communications.LibraryContainer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The secrets catalogue, configuration part: URL user information is refused at startup, and never shown. */
class SecretsInConfigurationTest {

    @Test
    void userInformationInTheBaseUrlIsRefusedAndNeverShown() throws Exception {
        List<String> logs = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logs.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger library = Logger.getLogger("cx.wonderful");
        library.addHandler(capture);
        RecordingServer server = new RecordingServer(r -> Reply.json(200, "{}"));
        String url = server.uri().toString().replace("http://", "http://bob:" + SecretsCatalogueTest.URL_PASSWORD + "@");
        try (LibraryContainer beans = new LibraryContainer(Map.of(Setting.BASE_URL.key(), url, Setting.API_KEY.key(),
                SecretsCatalogueTest.API_KEY, Setting.WORKSPACE_ID.key(), "ws-acme", Setting.AGENT_ID.key(), "agent-support"), true)) {
            WonderfulException error = assertThrows(WonderfulException.class,
                () -> beans.bean(WonderfulCommunications.class).list(ListCommunications.all()));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertTrue(error.getMessage().contains(Setting.BASE_URL.key()), error.getMessage());
        SecretsCatalogueTest.assertNoSecret("the configuration error", SecretsCatalogueTest.chain(error));
        assertEquals(List.of(), server.requests());
        assertTrue(logs.stream().anyMatch(l -> l.contains(Setting.BASE_URL.key())), "the startup check logs the error: " + logs);
        SecretsCatalogueTest.assertNoSecret("a log record", String.join("\n", logs));
        } finally {
            library.removeHandler(capture);
            server.close();
        }
    }

}
