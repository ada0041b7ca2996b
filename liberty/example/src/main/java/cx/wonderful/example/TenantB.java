package cx.wonderful.example;

import cx.wonderful.microprofile.WonderfulClient;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A second tenant's client ({@code wonderful.tenant-b.*}), for README's "Several tenants"; not used by the example. */
@ApplicationScoped
public class TenantB {
    // tag::tenants[]
    @Inject @WonderfulClient("tenant-b") WonderfulCommunications tenantB;
    @Inject @WonderfulClient("tenant-b") WonderfulChat tenantBChat;
    @Inject @WonderfulClient("tenant-b") WonderfulAuth tenantBAuth;
    // end::tenants[]
}
