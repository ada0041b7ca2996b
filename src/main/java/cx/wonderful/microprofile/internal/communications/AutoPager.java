package cx.wonderful.microprofile.internal.communications;

import cx.wonderful.microprofile.communications.Page;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The records of consecutive pages, one at a time: a page is fetched only when the consumer has taken every record
 * of the one before, so a consumer that stops early (a {@code limit}, a {@code findFirst}) never causes another
 * request. Stops after a page that reports no next page or comes back empty.
 */
final class AutoPager<T> implements Spliterator<T> {

    private final IntFunction<Page<T>> fetch;
    private int nextPage;
    private Iterator<T> current = Collections.emptyIterator();
    private boolean exhausted;

    /**
     * @param fetch reads one page by number; its exceptions reach the stream's consumer
     * @param firstPage the page to start at, from 1
     */
    AutoPager(IntFunction<Page<T>> fetch, int firstPage) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        if (firstPage < 1) {
            throw new IllegalArgumentException("firstPage must be 1 or more, was " + firstPage);
        }
        this.nextPage = firstPage;
    }

    static <T> Stream<T> stream(IntFunction<Page<T>> fetch, int firstPage) {
        return StreamSupport.stream(new AutoPager<>(fetch, firstPage), false);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        while (!current.hasNext()) {
            if (exhausted) {
                return false;
            }
            Page<T> page = fetch.apply(nextPage);
            // The next page number comes from what was asked, not from the server's echo, so a server that
            // repeats a page number cannot make this loop for ever.
            nextPage++;
            current = page.data().iterator();
            exhausted = page.data().isEmpty() || !page.hasNext();
        }
        action.accept(current.next());
        return true;
    }

    @Override
    public Spliterator<T> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
