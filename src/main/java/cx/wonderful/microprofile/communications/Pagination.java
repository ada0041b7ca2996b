package cx.wonderful.microprofile.communications;

import java.util.Objects;
import java.util.Optional;

/** Where a {@link Page} sits in the whole result, as the server reported it. */
public final class Pagination {

    private final int page;
    private final int limit;
    private final long totalRows;
    private final int totalPages;
    private final String sort;

    /**
     * The position of a page as the server reported it.
     *
     * @param page this page's number, from 1
     * @param limit the page size, 0 or more
     * @param totalRows the records matching the query across all pages, 0 or more
     * @param totalPages the pages in the whole result, 0 or more
     * @param sort the sort order in the public form ({@code -createdAt}), or {@code null} when the server named none
     * @throws IllegalArgumentException when {@code page} is less than 1, or {@code limit}, {@code totalRows} or
     *         {@code totalPages} is negative
     */
    public Pagination(int page, int limit, long totalRows, int totalPages, String sort) {
        if (page < 1 || limit < 0 || totalRows < 0 || totalPages < 0) {
            throw new IllegalArgumentException("page must be >= 1 and limit, totalRows, totalPages >= 0; was page="
                    + page + ", limit=" + limit + ", totalRows=" + totalRows + ", totalPages=" + totalPages);
        }
        this.page = page;
        this.limit = limit;
        this.totalRows = totalRows;
        this.totalPages = totalPages;
        this.sort = sort;
    }

    /**
     * This page's number, from 1.
     *
     * @return the page number
     */
    public int page() {
        return page;
    }

    /**
     * The page size.
     *
     * @return the most records a page of this result holds, 0 or more
     */
    public int limit() {
        return limit;
    }

    /**
     * Records matching the query across all pages.
     *
     * @return the number of records, 0 or more
     */
    public long totalRows() {
        return totalRows;
    }

    /**
     * Pages in the whole result; 0 when nothing matches.
     *
     * @return the number of pages, 0 or more
     */
    public int totalPages() {
        return totalPages;
    }

    /**
     * The sort order applied, in the public camelCase form ({@code -createdAt}).
     *
     * @return the order; empty when the server named none
     */
    public Optional<String> sort() {
        return Optional.ofNullable(sort);
    }

    /**
     * Whether a page follows this one.
     *
     * @return {@code page() < totalPages()}
     */
    public boolean hasNext() {
        return page < totalPages;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pagination that && page == that.page && limit == that.limit
                && totalRows == that.totalRows && totalPages == that.totalPages && Objects.equals(sort, that.sort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(page, limit, totalRows, totalPages, sort);
    }

    @Override
    public String toString() {
        return "Pagination[page=" + page + ", limit=" + limit + ", totalRows=" + totalRows + ", totalPages="
                + totalPages + ", sort=" + sort + "]";
    }
}
