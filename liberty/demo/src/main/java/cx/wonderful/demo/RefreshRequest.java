package cx.wonderful.demo;

/** The body of {@code POST /api/refresh-sdk-token}: the end user the expiring token was issued for. */
public record RefreshRequest(String entityId) {
}
