/**
 * Wonderful contact-center API for Jakarta EE and MicroProfile: the errors ({@link
 * cx.wonderful.microprofile.WonderfulException}, {@link cx.wonderful.microprofile.ErrorCode}), the configuration view,
 * the {@link cx.wonderful.microprofile.WonderfulClient} qualifier of named clients, and
 * {@link cx.wonderful.microprofile.WonderfulSdk}, the library without CDI. The capabilities are in {@code auth},
 * {@code chat} and {@code communications}.
 */
package cx.wonderful.microprofile;
