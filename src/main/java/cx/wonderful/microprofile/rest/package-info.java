/**
 * Optional Jakarta REST integration for the application's own endpoints: {@link
 * cx.wonderful.microprofile.rest.WonderfulProblemMapper} answers a {@code WonderfulException} with an RFC 9457
 * {@code application/problem+json} body. Nothing here is active unless the application registers it.
 */
package cx.wonderful.microprofile.rest;
