package cx.wonderful.microprofile.internal.communications;

import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.internal.JsonValues;
import cx.wonderful.microprofile.internal.QueryValues;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a {@link ListCommunications} into its wire form: the {@code filters} JSON text, the wire sort order, the query. */
final class ListRequestEncoder {

    private static final JsonBuilderFactory JSON = JsonValues.JSON.createBuilderFactory(Map.of());

    private ListRequestEncoder() {
    }

    /**
     * The {@code filters} value before URL encoding: a compact JSON object with the set filters only, keys in the
     * contract's order ({@code type, direction, status, interactor, agent_id, from_number, from_email, startDate,
     * endDate}); {@code {}} when none is set.
     */
    static String filters(ListCommunications query) {
        JsonObjectBuilder filters = JSON.createObjectBuilder();
        array(filters, WireContract.FILTER_TYPE, query.types(), CommunicationType::wireValue);
        array(filters, WireContract.FILTER_DIRECTION, query.directions(), Direction::wireValue);
        array(filters, WireContract.FILTER_STATUS, query.statuses(), Function.identity());
        array(filters, WireContract.FILTER_INTERACTOR, query.interactors(), Function.identity());
        query.agentId().ifPresent(agent -> filters.add(WireContract.FILTER_AGENT_ID, agent));
        array(filters, WireContract.FILTER_FROM_NUMBER, query.fromNumbers(), Function.identity());
        array(filters, WireContract.FILTER_FROM_EMAIL, query.fromEmails(), Function.identity());
        query.startDate().ifPresent(start -> filters.add(WireContract.FILTER_START_DATE, start.getEpochSecond()));
        query.endDate().ifPresent(end -> filters.add(WireContract.FILTER_END_DATE, end.getEpochSecond()));
        return filters.build().toString();
    }

    /**
     * The whole query string of a list request, as it goes on the wire: {@code filters} (the URL-encoded JSON
     * object, §2.3), {@code page}, {@code limit} and, when set, {@code sort}, each value percent-encoded.
     */
    static String query(ListCommunications query) {
        StringBuilder wire = new StringBuilder()
                .append(WireContract.COMMUNICATIONS_QUERY_FILTERS).append('=').append(QueryValues.percentEncode(filters(query)))
                .append('&').append(WireContract.COMMUNICATIONS_QUERY_PAGE).append('=').append(query.page())
                .append('&').append(WireContract.COMMUNICATIONS_QUERY_LIMIT).append('=').append(query.limit());
        String sort = sort(query);
        if (sort != null) {
            wire.append('&').append(WireContract.COMMUNICATIONS_QUERY_SORT).append('=').append(QueryValues.percentEncode(sort));
        }
        return wire.toString();
    }

    /** The {@code sort} query value ({@code -createdAt} becomes {@code -created_at}), or {@code null} for none. */
    static String sort(ListCommunications query) {
        return query.sort().map(ListRequestEncoder::toWireSort).orElse(null);
    }

    /** CHOSEN: sort fields travel in snake_case ({@code -createdAt} is sent as {@code -created_at}), like every other wire name. */
    static String toWireSort(String publicSort) {
        StringBuilder wire = new StringBuilder(publicSort.length() + 4);
        for (char c : publicSort.toCharArray()) {
            if (Character.isUpperCase(c)) {
                wire.append('_').append(Character.toLowerCase(c));
            } else {
                wire.append(c);
            }
        }
        return wire.toString();
    }

    /** The public form of a sort order the server reported ({@code -created_at} becomes {@code -createdAt}). */
    static String fromWireSort(String wireSort) {
        StringBuilder camel = new StringBuilder(wireSort.length());
        boolean upper = false;
        for (char c : wireSort.toCharArray()) {
            if (c == '_' && camel.length() > 0 && camel.charAt(camel.length() - 1) != '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static <T> void array(JsonObjectBuilder filters, String key, List<T> values, Function<T, String> wire) {
        if (values.isEmpty()) {
            return;
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(value -> array.add(wire.apply(value)));
        filters.add(key, array);
    }
}
