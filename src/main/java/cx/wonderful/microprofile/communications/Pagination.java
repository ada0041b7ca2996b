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
     * @param sort the sort order in the public form ({@code -createdAt}), or {@code null} when the server named none
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

    /** This page's number, from 1. */
    public int page() {
        return page;
    }

    /** The page size. */
    public int limit() {
        return limit;
    }

    /** Records matching the query across all pages. */
    public long totalRows() {
        return totalRows;
    }

    /** Pages in the whole result; 0 when nothing matches. */
    public int totalPages() {
        return totalPages;
    }

    /** The sort order applied, in the public camelCase form ({@code -createdAt}). */
    public Optional<String> sort() {
        return Optional.ofNullable(sort);
    }

    /** Whether a page follows this one. */
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
