package cx.wonderful.microprofile.internal.communications;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationsApi;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.EncodedQueryClient;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.Lazy;
import cx.wonderful.microprofile.internal.PathIds;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.WireContract;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The {@link WonderfulCommunications} of one client configuration. Framework-free: built by its client. */
public final class CommunicationsService implements WonderfulCommunications {

    private final ApiInvoker invoker;
    private final IdentityCredentials identities;
    private final CredentialSource credentials;
    // Built on first use (an application that never reads the history needs no configuration for it), and shared by
    // every as(...) view: one client per configuration. The list request's query is written by the library
    // (ListRequestEncoder.query), the same on every client implementation; see EncodedQueryClient.
    private final Supplier<CommunicationsApi> api;
    private final Supplier<EncodedQueryClient> lister;

    public CommunicationsService(RestClients restClients, ApiInvoker invoker, IdentityCredentials identities) {
        this(Lazy.of(() -> restClients.create(CommunicationsApi.class, CommunicationsApi.CONFIG_KEY)),
                Lazy.of(() -> restClients.encodedQueryClient(CommunicationsApi.class, CommunicationsApi.CONFIG_KEY)),
                invoker, identities, identities.application());
    }

    private CommunicationsService(Supplier<CommunicationsApi> api, Supplier<EncodedQueryClient> lister,
            ApiInvoker invoker, IdentityCredentials identities, CredentialSource credentials) {
        this.api = Objects.requireNonNull(api, "api");
        this.lister = Objects.requireNonNull(lister, "lister");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public WonderfulCommunications as(Identity identity) {
        return new CommunicationsService(api, lister, invoker, identities, identities.sourceFor(identity));
    }

    @Override
    public Page<Communication> list(ListCommunications query) {
        requireQuery(query);
        EncodedQueryClient client = lister.get();
        String wireQuery = ListRequestEncoder.query(query);
        return CommunicationsReader.page(invoker.invoke("communications.list", credentials,
                credential -> client.get(credential, WireContract.COMMUNICATIONS_PATH, wireQuery)));
    }

    @Override
    public CompletionStage<Page<Communication>> listAsync(ListCommunications query) {
        try {
            requireQuery(query);
            EncodedQueryClient client = lister.get();
            String wireQuery = ListRequestEncoder.query(query);
            return invoker.invokeAsync("communications.list", credentials,
                    credential -> client.get(credential, WireContract.COMMUNICATIONS_PATH, wireQuery))
                    .thenApply(CommunicationsReader::page);
        } catch (WonderfulException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    @Override
    public Stream<Communication> stream(ListCommunications query) {
        requireQuery(query);
        return AutoPager.stream(page -> list(query.withPage(page)), query.page());
    }

    @Override
    public Communication get(String id) {
        requireId(id);
        CommunicationsApi client = api.get();
        return CommunicationsReader.single(invoker.invoke("communications.get", credentials,
                credential -> client.get(credential, id)));
    }

    @Override
    public CompletionStage<Communication> getAsync(String id) {
        try {
            requireId(id);
            CommunicationsApi client = api.get();
            return invoker.invokeAsync("communications.get", credentials, credential -> client.get(credential, id))
                    .thenApply(CommunicationsReader::single);
        } catch (WonderfulException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    private static void requireQuery(ListCommunications query) {
        if (query == null) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR,
                    "the query must not be null; use ListCommunications.all() for everything");
        }
    }

    private static void requireId(String id) {
        PathIds.require("the communication id", id);
    }
}
