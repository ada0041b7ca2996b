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

    public Page(List<T> data, Pagination pagination) {
        this.data = List.copyOf(Objects.requireNonNull(data, "data"));
        this.pagination = Objects.requireNonNull(pagination, "pagination");
    }

    /** The records of this page (unmodifiable; empty past the last page). */
    public List<T> data() {
        return data;
    }

    public Pagination pagination() {
        return pagination;
    }

    /** Whether a page follows this one ({@code page < totalPages}). */
    public boolean hasNext() {
        return pagination.hasNext();
    }

    @Override
    public String toString() {
        return "Page[" + pagination + ", " + data.size() + " records]";
    }
}
