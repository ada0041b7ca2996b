package cx.wonderful.microprofile.communications;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list result: its records, in the server's order, and its {@link Pagination}.
 *
 * @param <T> the record type
 */
public final class Page<T> {

    private final List<T> data;
    private final Pagination pagination;

    /**
     * A page of {@code data}, at {@code pagination}.
     *
     * @param data the records, in the server's order; copied
     * @param pagination where the page sits in the whole result
     * @throws NullPointerException when {@code data} or {@code pagination} is {@code null}, or {@code data} holds
     *         {@code null}
     */
    public Page(List<T> data, Pagination pagination) {
        this.data = List.copyOf(Objects.requireNonNull(data, "data"));
        this.pagination = Objects.requireNonNull(pagination, "pagination");
    }

    /**
     * The records of this page.
     *
     * @return the records in the server's order, unmodifiable; empty past the last page
     */
    public List<T> data() {
        return data;
    }

    /**
     * Where this page sits in the whole result.
     *
     * @return the pagination as the server reported it, never {@code null}
     */
    public Pagination pagination() {
        return pagination;
    }

    /**
     * Whether a page follows this one ({@code page < totalPages}).
     *
     * @return {@code pagination().hasNext()}
     */
    public boolean hasNext() {
        return pagination.hasNext();
    }

    @Override
    public String toString() {
        return "Page[" + pagination + ", " + data.size() + " records]";
    }
}
