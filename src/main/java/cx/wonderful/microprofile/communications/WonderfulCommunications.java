package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
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
public interface WonderfulCommunications {

    /**
     * The history as {@code identity} sees it: every call carries that identity's credential (an end user's own JWT,
     * never the API key). With the contract's rule (shared/wonderful-api.md §2.6), an end user sees their own
     * communications only. Cheap; make one per request. The methods of the injected (or built) instance itself act as
     * {@link Identity#application()}.
     *
     * @param identity who the calls act as
     * @return a view acting as {@code identity}
     * @throws WonderfulException {@code VALIDATION_ERROR} for {@code null}; {@code NOT_AUTHENTICATED} for
     *         {@link Identity#inboundToken()} without an inbound bearer token (or outside a JAX-RS request);
     *         {@code CONFIGURATION_ERROR} for an end user when nothing can get their JWT (neither
     *         {@code wonderful.api-key} nor a {@link cx.wonderful.microprofile.auth.TokenRefresher})
     */
    WonderfulCommunications as(Identity identity);

    /**
     * One page of communications matching {@code query}. A page past the last one comes back with no records.
     *
     * @param query what to list: filters, page, limit and sort ({@link ListCommunications#all()} for everything)
     * @return the page (no records past the last page)
     * @throws WonderfulException see the class description
     */
    Page<Communication> list(ListCommunications query);

    /**
     * {@link #list} without blocking the caller; a bad query fails the returned stage with {@code VALIDATION_ERROR}.
     *
     * @param query what to list: filters, page, limit and sort ({@link ListCommunications#all()} for everything)
     * @return a stage completed with the page, or failed with the {@link WonderfulException}
     */
    CompletionStage<Page<Communication>> listAsync(ListCommunications query);

    /**
     * Every communication matching {@code query}, from its page on, in the server's order. Lazy: the first page is
     * read when the first record is needed and each following page only when the consumer has taken every record
     * of the one before, one request per page; a consumer that stops early sends no more requests. The stream is
     * sequential; a failed page request throws its {@link WonderfulException} from the stream's terminal
     * operation. Records added or removed while the stream runs may shift between pages.
     *
     * @param query what to list: filters, page, limit and sort ({@link ListCommunications#all()} for everything)
     * @return a lazy, sequential stream of the matching communications
     * @throws WonderfulException {@code VALIDATION_ERROR} at once when {@code query} is {@code null}
     */
    Stream<Communication> stream(ListCommunications query);

    /**
     * One communication with its transcriptions.
     *
     * @param id the communication's id
     * @return the communication, with its transcriptions
     * @throws WonderfulException {@code VALIDATION_ERROR} for an id that is null, blank or outside the path-id rule
     *         (letters, digits and {@code - _ . ~}, not only dots, at most 128: so no {@code /}, {@code %},
     *         {@code ?}, {@code #}, whitespace or control character), nothing sent; {@code NOT_FOUND} when no
     *         communication has it, and see the class description
     */
    Communication get(String id);

    /**
     * {@link #get} without blocking the caller; a bad id fails the returned stage with {@code VALIDATION_ERROR}.
     *
     * @param id the communication's id
     * @return a stage completed with the communication, or failed with the {@link WonderfulException}
     */
    CompletionStage<Communication> getAsync(String id);
}

