package cx.wonderful.microprofile.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.Pagination;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AutoPagerTest {

    /** 23 numbered records in pages of 5: pages 1..5, the last with 3; counts and records every fetch. */
    static final class PageSource implements IntFunction<Page<Integer>> {
        final int total;
        final int size;
        final List<Integer> fetched = new ArrayList<>();

        PageSource(int total, int size) {
            this.total = total;
            this.size = size;
        }

        @Override
        public Page<Integer> apply(int page) {
            fetched.add(page);
            int totalPages = (total + size - 1) / size;
            List<Integer> data = IntStream.range((page - 1) * size, Math.min(page * size, total)).boxed().toList();
            return new Page<>(data, new Pagination(page, size, total, totalPages, null));
        }
    }

    @Test
    void nothingIsFetchedUntilTheFirstRecordIsNeeded() {
        PageSource source = new PageSource(23, 5);
        Iterator<Integer> records = AutoPager.stream(source, 1).iterator();
        assertEquals(List.of(), source.fetched);
        assertEquals(0, records.next());
        assertEquals(List.of(1), source.fetched);
    }

    @Test
    void theNextPageIsFetchedOnlyWhenTheConsumerReachesIt() {
        PageSource source = new PageSource(23, 5);
        Iterator<Integer> records = AutoPager.stream(source, 1).iterator();
        for (int i = 0; i < 5; i++) {
            assertEquals(i, records.next());
        }
        assertEquals(List.of(1), source.fetched, "five records of page 1 taken: page 2 not read yet");
        assertEquals(5, records.next());
        assertEquals(List.of(1, 2), source.fetched);
    }

    @Test
    void anEarlyStopSendsNoMoreRequests() {
        PageSource source = new PageSource(23, 5);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), AutoPager.stream(source, 1).limit(7).toList());
        assertEquals(List.of(1, 2), source.fetched);
    }

    @Test
    void everythingIsReadWithOneRequestPerPageAndNoneAfterTheLast() {
        PageSource source = new PageSource(23, 5);
        assertEquals(IntStream.range(0, 23).boxed().toList(), AutoPager.stream(source, 1).collect(Collectors.toList()));
        assertEquals(List.of(1, 2, 3, 4, 5), source.fetched);
    }

    @Test
    void pagingStartsAtTheQuerysPage() {
        PageSource source = new PageSource(23, 5);
        assertEquals(List.of(15, 16, 17, 18, 19, 20, 21, 22), AutoPager.stream(source, 4).toList());
        assertEquals(List.of(4, 5), source.fetched);
    }

    @Test
    void anEmptyResultIsOneRequest() {
        PageSource source = new PageSource(0, 5);
        assertEquals(List.of(), AutoPager.stream(source, 1).toList());
        assertEquals(List.of(1), source.fetched);
    }

    @Test
    void anEmptyPageEndsPagingEvenIfTheServerClaimsMore() {
        List<Integer> fetched = new ArrayList<>();
        IntFunction<Page<Integer>> liar = page -> {
            fetched.add(page);
            return new Page<>(page == 1 ? List.of(1) : List.of(), new Pagination(page, 1, 99, 99, null));
        };
        assertEquals(List.of(1), AutoPager.stream(liar, 1).toList());
        assertEquals(List.of(1, 2), fetched);
    }

    @Test
    void aFailedPageReachesTheConsumerAfterThePagesBeforeIt() {
        WonderfulException failure = new WonderfulException(ErrorCode.NETWORK_ERROR, "down");
        PageSource source = new PageSource(23, 5);
        IntFunction<Page<Integer>> failing = page -> {
            if (page == 2) {
                throw failure;
            }
            return source.apply(page);
        };
        List<Integer> seen = new ArrayList<>();
        WonderfulException thrown = assertThrows(WonderfulException.class,
                () -> AutoPager.stream(failing, 1).forEach(seen::add));
        assertSame(failure, thrown);
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
    }
}
