/**
 * Optional Jakarta REST integration for the application's own endpoints: {@link
 * cx.wonderful.microprofile.rest.WonderfulProblemMapper} answers a {@code WonderfulException} with an RFC 9457
 * {@code application/problem+json} body, and {@link cx.wonderful.microprofile.rest.InboundTokenFilter} notes the
 * inbound request's bearer token for {@code Identity.inboundToken()}. Nothing here is active unless the application
 * registers it (or the runtime's provider scanning finds it).
 */
package cx.wonderful.microprofile.rest;
