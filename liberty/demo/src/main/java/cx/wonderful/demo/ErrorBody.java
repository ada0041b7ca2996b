package cx.wonderful.demo;

import cx.wonderful.microprofile.WonderfulException;

/** The JSON body of every error the demo's endpoints answer with; the page shows {@code message}. */
public record ErrorBody(String code, String message, boolean recoverable) {

    static ErrorBody of(WonderfulException e) {
        return new ErrorBody(e.code().name(), e.getMessage(), e.recoverable());
    }
}
