package cx.wonderful.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.internal.TestConfigs;
import cx.wonderful.microprofile.internal.communications.HistoryServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The programmatic client: the library's core built with {@code new}, no CDI container anywhere. */
class WonderfulSdkTest {

    private static final String API_KEY = "sdk-test-key-0123456789";

    @AfterEach
    void releaseConfig() {
        TestConfigs.releaseGlobal();
    }

    @Test
    void aClientBuiltWithoutCdiListsTheHistoryWithItsOwnKeyAndTenant() throws Exception {
        try (HistoryServer server = new HistoryServer(HistoryServer.numbered(3));
                WonderfulSdk wonderful = WonderfulSdk.builder().baseUrl(server.uri().toString()).apiKey(API_KEY)
                        .tenantId("acme").set("wonderful.max-retries", "0").build()) {
            Page<Communication> page = wonderful.communications().list(ListCommunications.all());

            assertEquals(3, page.data().size());
            HistoryServer.Seen request = server.seen().get(0);
            assertEquals(API_KEY, request.headers().get("x-api-key"));
            assertEquals("acme", request.headers().get("x-tenant-id"));
            assertEquals(0, wonderful.auth().config().maxRetries(), "a set key is read");
            assertFalse(wonderful.toString().contains(API_KEY), wonderful.toString());
        }
    }

    @Test
    void aConfigurationErrorIsThrownByBuildNamingTheKey() {
        WonderfulException error = assertThrows(WonderfulException.class,
                () -> WonderfulSdk.builder().apiKey(API_KEY).build());

        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertTrue(error.getMessage().contains("wonderful.base-url"), error.getMessage());
        assertFalse(error.getMessage().contains(API_KEY), error.getMessage());
    }

    @Test
    void aNamedClientOfAGivenConfigurationReadsItsOwnKeys() throws Exception {
        try (HistoryServer server = new HistoryServer(HistoryServer.numbered(1))) {
            var config = TestConfigs.of("wonderful.base-url", "http://127.0.0.1:1", "wonderful.tenant-b.base-url",
                    server.uri().toString(), "wonderful.tenant-b.api-key", API_KEY, "wonderful.tenant-b.tenant-id", "globex");
            try (WonderfulSdk tenantB = WonderfulSdk.builder().config(config).name("tenant-b").build()) {
                assertEquals(1, tenantB.communications().list(ListCommunications.all()).data().size());
                assertEquals("globex", server.seen().get(0).headers().get("x-tenant-id"));
            }
            assertEquals(ErrorCode.CONFIGURATION_ERROR, assertThrows(WonderfulException.class,
                    () -> WonderfulSdk.builder().config(config).name("tenant-c").build()).code());
        }
    }

    @Test
    void afterCloseTheClientRefusesToWork() throws Exception {
        try (HistoryServer server = new HistoryServer(List.of())) {
            WonderfulSdk wonderful = WonderfulSdk.builder().baseUrl(server.uri().toString()).apiKey(API_KEY)
                    .set("wonderful.workspace-id", "ws-1").set("wonderful.agent-id", "agent-1").build();
            wonderful.close();
            wonderful.close(); // idempotent

            WonderfulException error = assertThrows(WonderfulException.class, () -> wonderful.chat()
                    .as(Identity.endUser(UUID.randomUUID())).start(StartChat.from("dana@acme.example", ParticipantType.EMAIL)));

            assertEquals(ErrorCode.CONNECTION_LOST, error.code());
            assertTrue(server.seen().isEmpty(), "nothing was sent after close: " + server.seen());
        }
    }
}
