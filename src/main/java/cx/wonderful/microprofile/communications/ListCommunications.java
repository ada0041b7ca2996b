package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.WireContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One query of the communications history: filters, page, page size, sort order and time range. Immutable; built
 * with {@link #builder()}. Every value is checked when it is set (and the time range by {@link Builder#build()}),
 * so a bad query fails with {@code VALIDATION_ERROR} before anything is sent.
 *
 * <p>Filters combine with AND; the values of one multi-valued filter combine with OR. A filter given no values is
 * no filter. Defaults: no filters, page 1, 20 records per page, the server's sort order (newest first).
 */
public final class ListCommunications {

    /** The page size when none is set. */
    public static final int DEFAULT_LIMIT = 20;
    /**
     * The largest page size accepted. The API documents no maximum; the bound keeps one response's size and the time
     * it takes well within the request timeout, and {@link WonderfulCommunications#stream} reads any number of
     * records page by page anyway.
     */
    public static final int MAX_LIMIT = WireContract.COMMUNICATIONS_MAX_LIMIT;

    private static final Pattern SORT = Pattern.compile("-?[a-z][A-Za-z0-9]*");

    private final List<CommunicationType> types;
    private final List<Direction> directions;
    private final List<String> statuses;
    private final List<String> interactors;
    private final String agentId;
    private final List<String> fromNumbers;
    private final List<String> fromEmails;
    private final int page;
    private final int limit;
    private final String sort;
    private final Long startDate;
    private final Long endDate;

    private ListCommunications(Builder builder) {
        this.types = List.copyOf(builder.types);
        this.directions = List.copyOf(builder.directions);
        this.statuses = List.copyOf(builder.statuses);
        this.interactors = List.copyOf(builder.interactors);
        this.agentId = builder.agentId;
        this.fromNumbers = List.copyOf(builder.fromNumbers);
        this.fromEmails = List.copyOf(builder.fromEmails);
        this.page = builder.page;
        this.limit = builder.limit;
        this.sort = builder.sort;
        this.startDate = builder.startDate;
        this.endDate = builder.endDate;
    }

    /**
     * A builder holding the defaults: no filters, page 1, {@value #DEFAULT_LIMIT} records per page, the server's sort
     * order, no time range.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first page of everything, with the defaults.
     *
     * @return {@code builder().build()}: no filters, page 1, {@value #DEFAULT_LIMIT} records per page, the server's
     *         sort order, no time range
     */
    public static ListCommunications all() {
        return builder().build();
    }

    /**
     * A builder holding this query's values, to derive another query from it.
     *
     * @return a new builder; changing it does not change this query
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.types.addAll(types);
        builder.directions.addAll(directions);
        builder.statuses.addAll(statuses);
        builder.interactors.addAll(interactors);
        builder.agentId = agentId;
        builder.fromNumbers.addAll(fromNumbers);
        builder.fromEmails.addAll(fromEmails);
        builder.page = page;
        builder.limit = limit;
        builder.sort = sort;
        builder.startDate = startDate;
        builder.endDate = endDate;
        return builder;
    }

    /**
     * This query for another page.
     *
     * @param page the page, from 1
     * @return a query equal to this one but for its page
     * @throws WonderfulException {@code VALIDATION_ERROR} when {@code page} is less than 1
     */
    public ListCommunications withPage(int page) {
        return toBuilder().page(page).build();
    }

    /**
     * The kinds filter.
     *
     * @return the kinds, without duplicates, in the order set (unmodifiable); empty for any kind
     */
    public List<CommunicationType> types() {
        return types;
    }

    /**
     * The directions filter.
     *
     * @return the directions, without duplicates, in the order set (unmodifiable); empty for either
     */
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The statuses filter.
     *
     * @return the statuses, without duplicates, in the order set (unmodifiable); empty for any status
     */
    public List<String> statuses() {
        return statuses;
    }

    /**
     * The interactors filter.
     *
     * @return the interactors, without duplicates, in the order set (unmodifiable); empty for any interactor
     */
    public List<String> interactors() {
        return interactors;
    }

    /**
     * The agent filter.
     *
     * @return the agent id; empty for any agent
     */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    /**
     * The phone numbers filter.
     *
     * @return the numbers, without duplicates, in the order set (unmodifiable); empty for any number
     */
    public List<String> fromNumbers() {
        return fromNumbers;
    }

    /**
     * The e-mail addresses filter.
     *
     * @return the addresses, without duplicates, in the order set (unmodifiable); empty for any address
     */
    public List<String> fromEmails() {
        return fromEmails;
    }

    /**
     * The page number, from 1.
     *
     * @return the page; 1 unless set
     */
    public int page() {
        return page;
    }

    /**
     * Records per page, 1 to {@value #MAX_LIMIT}.
     *
     * @return the page size; {@value #DEFAULT_LIMIT} unless set
     */
    public int limit() {
        return limit;
    }

    /**
     * The sort order as set.
     *
     * @return the order, for example {@code -startTime}; empty for the server's default (newest first)
     */
    public Optional<String> sort() {
        return Optional.ofNullable(sort);
    }

    /**
     * The start of the time range, in whole seconds.
     *
     * @return the earliest start time matched (inclusive); empty for no lower bound
     */
    public Optional<Instant> startDate() {
        return Optional.ofNullable(startDate).map(Instant::ofEpochSecond);
    }

    /**
     * The end of the time range, in whole seconds.
     *
     * @return the latest start time matched (inclusive); empty for no upper bound
     */
    public Optional<Instant> endDate() {
        return Optional.ofNullable(endDate).map(Instant::ofEpochSecond);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListCommunications that && page == that.page && limit == that.limit
                && types.equals(that.types) && directions.equals(that.directions) && statuses.equals(that.statuses)
                && interactors.equals(that.interactors) && Objects.equals(agentId, that.agentId)
                && fromNumbers.equals(that.fromNumbers) && fromEmails.equals(that.fromEmails)
                && Objects.equals(sort, that.sort) && Objects.equals(startDate, that.startDate)
                && Objects.equals(endDate, that.endDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(types, directions, statuses, interactors, agentId, fromNumbers, fromEmails, page, limit,
                sort, startDate, endDate);
    }

    @Override
    public String toString() {
        return "ListCommunications[types=" + types + ", directions=" + directions + ", statuses=" + statuses
                + ", interactors=" + interactors + ", agentId=" + agentId + ", fromNumbers=" + fromNumbers
                + ", fromEmails=" + fromEmails + ", page=" + page + ", limit=" + limit + ", sort=" + sort
                + ", startDate=" + startDate + ", endDate=" + endDate + "]";
    }

    /**
     * Builds a {@link ListCommunications}; each setter replaces what was set before and checks its value at once
     * ({@code VALIDATION_ERROR}; a refused value leaves the builder as it was). A multi-valued filter takes at most
     * {@value WireContract#FILTER_MAX_VALUES} values; a text value must not be blank, must have at most
     * {@value WireContract#FILTER_VALUE_MAX_LENGTH} characters and no control character, and is sent as it is (not
     * trimmed). Not thread-safe.
     */
    public static final class Builder {

        private final List<CommunicationType> types = new ArrayList<>();
        private final List<Direction> directions = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();
        private final List<String> interactors = new ArrayList<>();
        private String agentId;
        private final List<String> fromNumbers = new ArrayList<>();
        private final List<String> fromEmails = new ArrayList<>();
        private int page = 1;
        private int limit = DEFAULT_LIMIT;
        private String sort;
        private Long startDate;
        private Long endDate;

        private Builder() {
        }

        /**
         * Only communications of these kinds; none: any kind. Duplicates are dropped.
         *
         * @param types the kinds; no values (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code types} is {@code null}, holds {@code null}
         *         or has more than {@value WireContract#FILTER_MAX_VALUES} values
         */
        public Builder type(CommunicationType... types) {
            replace(this.types, "type", types);
            return this;
        }

        /**
         * Only communications in these directions; none: either. Duplicates are dropped.
         *
         * @param directions the directions; no values (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code directions} is {@code null}, holds
         *         {@code null} or has more than {@value WireContract#FILTER_MAX_VALUES} values
         */
        public Builder direction(Direction... directions) {
            replace(this.directions, "direction", directions);
            return this;
        }

        /**
         * Only communications in one of these statuses (server-defined strings, for example {@code completed}).
         * Duplicates are dropped.
         *
         * @param statuses the statuses; no values (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code statuses} is {@code null}, holds
         *         {@code null} or a value that breaks the text rule of the {@link Builder}, or has more than
         *         {@value WireContract#FILTER_MAX_VALUES} values
         */
        public Builder status(String... statuses) {
            replace(this.statuses, "status", texts("status", statuses));
            return this;
        }

        /**
         * Only communications with one of these interactors. Duplicates are dropped.
         *
         * @param interactors the interactors; no values (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code interactors} is {@code null}, holds
         *         {@code null} or a value that breaks the text rule of the {@link Builder}, or has more than
         *         {@value WireContract#FILTER_MAX_VALUES} values
         */
        public Builder interactor(String... interactors) {
            replace(this.interactors, "interactor", texts("interactor", interactors));
            return this;
        }

        /**
         * Only communications handled by this agent.
         *
         * @param agentId the agent's id; {@code null} (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code agentId} breaks the text rule of the
         *         {@link Builder}
         */
        public Builder agentId(String agentId) {
            this.agentId = agentId == null ? null : text("agentId", agentId);
            return this;
        }

        /**
         * Only communications from one of these phone numbers (with their country code, as stored). Duplicates are
         * dropped.
         *
         * @param numbers the numbers; no values (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code numbers} is {@code null}, holds {@code null}
         *         or a value that breaks the text rule of the {@link Builder}, or has more than
         *         {@value WireContract#FILTER_MAX_VALUES} values
         */
        public Builder fromNumber(String... numbers) {
            replace(this.fromNumbers, "fromNumber", texts("fromNumber", numbers));
            return this;
        }

        /**
         * Only communications from one of these e-mail addresses. Duplicates are dropped.
         *
         * @param emails the addresses; no values (the default) removes the filter
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code emails} is {@code null}, holds {@code null}
         *         or a value that breaks the text rule of the {@link Builder}, or has more than
         *         {@value WireContract#FILTER_MAX_VALUES} values
         */
        public Builder fromEmail(String... emails) {
            replace(this.fromEmails, "fromEmail", texts("fromEmail", emails));
            return this;
        }

        /**
         * The page to read, from 1 (default 1). A page past the last one is valid and comes back empty.
         *
         * @param page the page number
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code page} is less than 1
         */
        public Builder page(int page) {
            if (page < 1) {
                throw invalid("page must be 1 or more, was " + page);
            }
            this.page = page;
            return this;
        }

        /**
         * Records per page, 1 to {@value ListCommunications#MAX_LIMIT} (default {@value ListCommunications#DEFAULT_LIMIT}).
         *
         * @param limit the page size
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code limit} is outside that range
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw invalid("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * The sort order: a record field's camelCase name ({@code startTime}, {@code createdAt}, ...), ascending, or
         * with a leading {@code -} descending ({@code -createdAt}); {@code null} for the server's default, newest
         * first. Which fields can be sorted on is the server's decision.
         *
         * @param sort the order: an optional {@code -}, a lower-case ASCII letter, then ASCII letters and digits;
         *        {@code null} (the default) for the server's order
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when not of that form (for example {@code created_at})
         */
        public Builder sort(String sort) {
            if (sort != null && !SORT.matcher(sort).matches()) {
                throw invalid("sort must be a camelCase field name, with a leading '-' for descending order"
                        + " (for example -createdAt), was '" + sort + "'");
            }
            this.sort = sort;
            return this;
        }

        /**
         * Only communications that started at or after this instant, rounded down to the second; {@code null}
         * removes the bound.
         *
         * @param start the earliest start time; {@code null} (the default) for no lower bound
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code start} is before 1970-01-01T00:00:00Z
         */
        public Builder startDate(Instant start) {
            this.startDate = start == null ? null : epochSeconds("startDate", start.getEpochSecond());
            return this;
        }

        /**
         * {@link #startDate(Instant)} in epoch seconds.
         *
         * @param epochSeconds the earliest start time, in seconds since 1970-01-01T00:00:00Z
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code epochSeconds} is negative
         */
        public Builder startDate(long epochSeconds) {
            this.startDate = epochSeconds("startDate", epochSeconds);
            return this;
        }

        /**
         * Only communications that started at or before this instant, rounded up to the second (so the range never
         * leaves out what it was given); {@code null} removes the bound.
         *
         * @param end the latest start time; {@code null} (the default) for no upper bound
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code end}, rounded up to the second, is before
         *         1970-01-01T00:00:00Z
         */
        public Builder endDate(Instant end) {
            this.endDate = end == null ? null
                    : epochSeconds("endDate", end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0));
            return this;
        }

        /**
         * {@link #endDate(Instant)} in epoch seconds.
         *
         * @param epochSeconds the latest start time, in seconds since 1970-01-01T00:00:00Z
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code epochSeconds} is negative
         */
        public Builder endDate(long epochSeconds) {
            this.endDate = epochSeconds("endDate", epochSeconds);
            return this;
        }

        /**
         * The query with the values set so far. The builder can go on being used: later changes do not affect the
         * query.
         *
         * @return a new, immutable query
         * @throws WonderfulException {@code VALIDATION_ERROR} when the start date is after the end date
         */
        public ListCommunications build() {
            if (startDate != null && endDate != null && startDate > endDate) {
                throw invalid("startDate (" + Instant.ofEpochSecond(startDate) + ") must not be after endDate ("
                        + Instant.ofEpochSecond(endDate) + ")");
            }
            return new ListCommunications(this);
        }

        @SafeVarargs
        private static <T> void replace(List<T> target, String name, T... values) {
            if (values == null) {
                throw invalid(name + " values must not be null");
            }
            if (values.length > WireContract.FILTER_MAX_VALUES) {
                throw invalid(name + " takes at most " + WireContract.FILTER_MAX_VALUES + " values, was given " + values.length);
            }
            LinkedHashSet<T> distinct = new LinkedHashSet<>();
            for (T value : values) {
                if (value == null) {
                    throw invalid(name + " values must not contain null");
                }
                distinct.add(value);
            }
            target.clear();
            target.addAll(distinct);
        }

        private static String[] texts(String name, String... values) {
            if (values == null) {
                throw invalid(name + " values must not be null");
            }
            return Arrays.stream(values).map(v -> v == null ? null : text(name, v)).toArray(String[]::new);
        }

        private static String text(String name, String value) {
            if (value.isBlank()) {
                throw invalid(name + " must not be blank");
            }
            if (value.length() > WireContract.FILTER_VALUE_MAX_LENGTH) {
                throw invalid(name + " has at most " + WireContract.FILTER_VALUE_MAX_LENGTH + " characters, was "
                        + value.length());
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw invalid(name + " must not contain control characters");
            }
            return value;
        }

        private static long epochSeconds(String name, long seconds) {
            if (seconds < 0) {
                throw invalid(name + " must not be before 1970-01-01T00:00:00Z, was " + seconds + " epoch seconds");
            }
            return seconds;
        }

        private static WonderfulException invalid(String message) {
            return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
        }
    }
}
