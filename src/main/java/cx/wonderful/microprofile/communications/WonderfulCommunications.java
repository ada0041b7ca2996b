package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.EncodedQueryClient;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.PathIds;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * The communications history of the tenant (the SDK's {@code communications} module): list with filters and
 * paging, auto-page through everything, and read one communication with its transcriptions.
 *
 * <p>Calls use the library's configuration ({@code wonderful.base-url}, the configured credential,
 * {@code wonderful.request-timeout}, {@code wonderful.max-retries}, {@code wonderful.retry-delay}); the standard
 * {@code wonderful-communications/mp-rest/...} keys ({@link CommunicationsApi#CONFIG_KEY}) override the URL and
 * timeouts for these endpoints only. Every failure is a {@link WonderfulException}: {@code VALIDATION_ERROR} for
 * bad input (nothing is sent), {@code NOT_FOUND} for an unknown id, {@code UNAUTHORIZED}, {@code NETWORK_ERROR},
 * {@code UNEXPECTED_RESPONSE} for a response the contract does not allow, and so on.
 */
@ApplicationScoped
public class WonderfulCommunications {

    private RestClients restClients;
    private ApiInvoker invoker;
    private IdentityCredentials identities;
    private CredentialSource credentials;
    private volatile CommunicationsApi api;
    private volatile EncodedQueryClient lister;

    /** For the CDI container's proxy only. */
    protected WonderfulCommunications() {
    }

    @Inject
    public WonderfulCommunications(RestClients restClients, ApiInvoker invoker, IdentityCredentials identities) {
        this.restClients = Objects.requireNonNull(restClients, "restClients");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.credentials = identities.application();
    }

    /** A copy reading as {@code credentials}, sharing the client of {@code of}. */
    private WonderfulCommunications(WonderfulCommunications of, CredentialSource credentials) {
        this(of.restClients, of.invoker, of.identities);
        this.api = of.api();
        this.credentials = credentials;
    }

    /**
     * The history as {@code identity} sees it: every call carries that identity's credential (an end user's own JWT,
     * never the API key). With the contract's rule (shared/wonderful-api.md §2.6), an end user sees their own
     * communications only. Cheap; make one per request. The methods of this bean itself act as
     * {@link Identity#application()}.
     *
     * @throws WonderfulException see {@link IdentityCredentials#sourceFor}
     */
    public WonderfulCommunications as(Identity identity) {
        return new WonderfulCommunications(this, identities.sourceFor(identity));
    }

    /**
     * One page of communications matching {@code query}. A page past the last one comes back with no records.
     *
     * @throws WonderfulException see the class description
     */
    public Page<Communication> list(ListCommunications query) {
        requireQuery(query);
        EncodedQueryClient client = lister();
        String wireQuery = ListRequestEncoder.query(query);
        return CommunicationsReader.page(invoker.invoke("communications.list", credentials,
                credential -> client.get(credential, WireContract.COMMUNICATIONS_PATH, wireQuery)));
    }

    /** {@link #list} without blocking the caller; a bad query fails the returned stage with {@code VALIDATION_ERROR}. */
    public CompletionStage<Page<Communication>> listAsync(ListCommunications query) {
        try {
            requireQuery(query);
            EncodedQueryClient client = lister();
            String wireQuery = ListRequestEncoder.query(query);
            return invoker.invokeAsync("communications.list", credentials,
                    credential -> client.get(credential, WireContract.COMMUNICATIONS_PATH, wireQuery))
                    .thenApply(CommunicationsReader::page);
        } catch (WonderfulException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    /**
     * Every communication matching {@code query}, from its page on, in the server's order. Lazy: the first page is
     * read when the first record is needed and each following page only when the consumer has taken every record
     * of the one before, one request per page; a consumer that stops early sends no more requests. The stream is
     * sequential; a failed page request throws its {@link WonderfulException} from the stream's terminal
     * operation. Records added or removed while the stream runs may shift between pages.
     *
     * @throws WonderfulException {@code VALIDATION_ERROR} at once when {@code query} is {@code null}
     */
    public Stream<Communication> stream(ListCommunications query) {
        requireQuery(query);
        return AutoPager.stream(page -> list(query.withPage(page)), query.page());
    }

    /**
     * One communication with its transcriptions.
     *
     * @throws WonderfulException {@code VALIDATION_ERROR} for an id that is null, blank or outside the path-id rule
     *         (letters, digits and {@code - _ . ~}, not only dots, at most 128: so no {@code /}, {@code %},
     *         {@code ?}, {@code #}, whitespace or control character), nothing sent; {@code NOT_FOUND} when no
     *         communication has it, and see the class description
     */
    public Communication get(String id) {
        requireId(id);
        CommunicationsApi client = api();
        return CommunicationsReader.single(invoker.invoke("communications.get", credentials,
                credential -> client.get(credential, id)));
    }

    /** {@link #get} without blocking the caller; a bad id fails the returned stage with {@code VALIDATION_ERROR}. */
    public CompletionStage<Communication> getAsync(String id) {
        try {
            requireId(id);
            CommunicationsApi client = api();
            return invoker.invokeAsync("communications.get", credentials, credential -> client.get(credential, id))
                    .thenApply(CommunicationsReader::single);
        } catch (WonderfulException e) {
            return CompletableFuture.failedStage(e);
        }
    }


    // Built on first use, so that an application that never reads the history needs no configuration for it.
    private CommunicationsApi api() {
        CommunicationsApi client = api;
        if (client == null) {
            synchronized (this) {
                client = api;
                if (client == null) {
                    client = restClients.create(CommunicationsApi.class, CommunicationsApi.CONFIG_KEY);
                    api = client;
                }
            }
        }
        return client;
    }

    // The list request's query is written by the library (ListRequestEncoder.query), the same on every client
    // implementation; see EncodedQueryClient.
    private EncodedQueryClient lister() {
        EncodedQueryClient client = lister;
        if (client == null) {
            synchronized (this) {
                client = lister;
                if (client == null) {
                    client = restClients.encodedQueryClient(CommunicationsApi.class, CommunicationsApi.CONFIG_KEY);
                    lister = client;
                }
            }
        }
        return client;
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
