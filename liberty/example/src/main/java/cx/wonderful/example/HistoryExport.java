package cx.wonderful.example;

import cx.wonderful.microprofile.WonderfulSdk;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;

/**
 * The library without CDI, for README's "Without CDI": a batch job that counts the chats of the history with a
 * client it builds and closes itself. Not used by the example application.
 */
public final class HistoryExport {

    private HistoryExport() {
    }

    /** The number of chats in the history of the tenant that {@code apiKey} belongs to. */
    public static long countChats(String baseUrl, String apiKey) {
        // tag::sdk[]
        try (WonderfulSdk wonderful = WonderfulSdk.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .set("wonderful.request-timeout", "10s")
                .build()) {
            return wonderful.communications()
                    .stream(ListCommunications.builder().type(CommunicationType.CHAT).build())
                    .count();
        }
        // end::sdk[]
    }
}
