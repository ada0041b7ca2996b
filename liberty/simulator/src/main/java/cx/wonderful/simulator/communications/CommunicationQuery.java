package cx.wonderful.simulator.communications;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A validated {@code GET /api/v1/communications} query: {@code filters} (a JSON object; keys {@code type,
 * direction, status, interactor, agent_id, from_number, from_email} each a string or an array of strings, and
 * {@code startDate}/{@code endDate} epoch seconds compared with {@code start_time}, both inclusive), {@code page}
 * (from 1, default 1), {@code limit} (1..100, default 20) and {@code sort} ({@code field} ascending or
 * {@code -field} descending, on any record field in snake_case or camelCase; {@code createdAt} is
 * {@code start_time}; default {@code -createdAt}, newest first). Ties are broken by id, so pages are stable.
 */
public final class CommunicationQuery {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final String DEFAULT_SORT = "-createdAt";

    private static final Set<String> LIST_KEYS = Set.of("type", "direction", "status", "interactor", "agent_id",
            "from_number", "from_email");
    private static final Set<String> SORTABLE = Set.of("id", "tenant_id", "type", "interactor", "direction",
            "agent_id", "locale", "status", "start_time", "end_time", "duration", "from_number", "to_number",
            "from_email", "sentiment", "summary");

    /** One page of results. */
    public record Page(List<JsonObject> rows, int page, int limit, String sort, int totalRows, int totalPages) {
    }

    private final Predicate<JsonObject> filter;
    private final Comparator<JsonObject> order;
    private final int page;
    private final int limit;
    private final String sort;

    private CommunicationQuery(Predicate<JsonObject> filter, Comparator<JsonObject> order, int page, int limit,
            String sort) {
        this.filter = filter;
        this.order = order;
        this.page = page;
        this.limit = limit;
        this.sort = sort;
    }

    /** Validates the query parameters; every problem is a 400. {@code filters} is required ({@code {}} allowed). */
    public static CommunicationQuery parse(String filters, Integer page, Integer limit, String sort) {
        if (filters == null) {
            throw ApiError.validation("filters is required (a JSON object, {} for none)");
        }
        JsonValue parsed = Jsons.value(filters);
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.validation("filters must be a JSON object");
        }
        int pageNumber = page == null ? 1 : page;
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageNumber < 1) {
            throw ApiError.validation("page must be at least 1");
        }
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw ApiError.validation("limit must be between 1 and " + MAX_LIMIT);
        }
        String sortParam = sort == null || sort.isBlank() ? DEFAULT_SORT : sort.trim();
        return new CommunicationQuery(filter(parsed.asJsonObject()), order(sortParam), pageNumber, pageSize,
                sortParam);
    }

    /** Filters, sorts and pages the records. */
    public Page apply(List<JsonObject> records) {
        List<JsonObject> matching = new ArrayList<>(records.stream().filter(filter).toList());
        matching.sort(order);
        int total = matching.size();
        int totalPages = (total + limit - 1) / limit;
        int from = Math.min(total, (page - 1) * limit);
        return new Page(List.copyOf(matching.subList(from, Math.min(total, from + limit))), page, limit, sort,
                total, totalPages);
    }

    private static Predicate<JsonObject> filter(JsonObject filters) {
        Predicate<JsonObject> all = record -> true;
        for (Map.Entry<String, JsonValue> entry : filters.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            if (LIST_KEYS.contains(key)) {
                Set<String> allowed = strings(key, value);
                all = all.and(record -> record.get(key) instanceof JsonString s && allowed.contains(s.getString()));
            } else if ("startDate".equals(key)) {
                Instant from = Instant.ofEpochSecond(epochSeconds(key, value));
                all = all.and(record -> !startTime(record).isBefore(from));
            } else if ("endDate".equals(key)) {
                Instant to = Instant.ofEpochSecond(epochSeconds(key, value));
                all = all.and(record -> !startTime(record).isAfter(to));
            } else {
                throw ApiError.validation("unknown filter key " + key);
            }
        }
        return all;
    }

    private static Set<String> strings(String key, JsonValue value) {
        Set<String> values = new HashSet<>();
        if (value instanceof JsonString s) {
            values.add(s.getString());
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : value.asJsonArray()) {
                if (!(item instanceof JsonString s)) {
                    throw ApiError.validation("filter " + key + " must hold strings");
                }
                values.add(s.getString());
            }
        } else {
            throw ApiError.validation("filter " + key + " must be a string or an array of strings");
        }
        return values;
    }

    private static long epochSeconds(String key, JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        throw ApiError.validation("filter " + key + " must be epoch seconds (an integer)");
    }

    private static Instant startTime(JsonObject record) {
        return Instant.parse(record.getString("start_time"));
    }

    private static Comparator<JsonObject> order(String sort) {
        boolean descending = sort.startsWith("-");
        String name = descending ? sort.substring(1) : sort.startsWith("+") ? sort.substring(1) : sort;
        String field = "createdAt".equals(name) || "created_at".equals(name) ? "start_time" : snakeCase(name);
        if (!SORTABLE.contains(field)) {
            throw ApiError.validation("cannot sort by " + name);
        }
        Comparator<JsonObject> byField = (a, b) -> compare(a.get(field), b.get(field));
        if (descending) {
            byField = byField.reversed();
        }
        return byField.thenComparing(record -> record.getString("id"));
    }

    /** Nulls sort after every value in ascending order; numbers numerically, everything else as text. */
    private static int compare(JsonValue a, JsonValue b) {
        boolean aNull = a == null || a == JsonValue.NULL;
        boolean bNull = b == null || b == JsonValue.NULL;
        if (aNull || bNull) {
            return Boolean.compare(aNull, bNull);
        }
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue());
        }
        String x = a instanceof JsonString s ? s.getString() : a.toString();
        String y = b instanceof JsonString s ? s.getString() : b.toString();
        return x.compareTo(y);
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
