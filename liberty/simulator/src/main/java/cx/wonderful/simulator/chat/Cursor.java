package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.StrictContract;

import cx.wonderful.simulator.ApiError;

/** Chat V3 cursors: {@code "<events consumed>-0"}, opaque to clients ({@code "0-0"} is the start). */
public final class Cursor {

    private Cursor() {
    }

    public static String of(int consumed) {
        return StrictContract.cursor(consumed);
    }

    /** The number of events a cursor has consumed; 400 when it is not one of ours. */
    public static int parse(String given) {
        String cursor = StrictContract.plainCursor(given);
        if (cursor == null) {
            throw ApiError.validation("invalid cursor");
        }
        int dash = cursor.indexOf('-');
        try {
            int consumed = Integer.parseInt(dash < 0 ? cursor : cursor.substring(0, dash));
            if (consumed < 0 || (dash >= 0 && !cursor.substring(dash + 1).equals("0"))) {
                throw ApiError.validation("invalid cursor");
            }
            return consumed;
        } catch (NumberFormatException e) {
            throw ApiError.validation("invalid cursor");
        }
    }
}
