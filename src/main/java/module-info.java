/**
 * Wonderful contact-center API for Jakarta EE and MicroProfile.
 *
 * <p>Only the exported packages are the library's API; everything under {@code cx.wonderful.microprofile.internal}
 * is implementation and may change between versions. Application servers usually load the jar from
 * {@code WEB-INF/lib} on the class path, where this descriptor is ignored; it takes effect on the module path.
 */
// Open: deep reflection into every package at run time, no more access at compile time. CDI proxies and injects into
// the internal beans, JSON-B reads and writes the wire records, the Rest Client proxies the wire interfaces, and which
// modules implement these is the runtime's choice; "opens ... to" by package would also have to follow every
// internal package.
open module cx.wonderful.microprofile {
    exports cx.wonderful.microprofile;
    exports cx.wonderful.microprofile.auth;
    exports cx.wonderful.microprofile.chat;
    exports cx.wonderful.microprofile.chat.wire;
    exports cx.wonderful.microprofile.communications;
    exports cx.wonderful.microprofile.rest;

    // Types of these appear in the exported API (Jakarta REST Response, MediaType and ExceptionMapper, JSON-P
    // values, CDI scopes, the WonderfulClient qualifier), so an application that reads this module reads them too.
    requires transitive jakarta.cdi;
    requires transitive jakarta.inject;
    requires transitive jakarta.json;
    requires transitive jakarta.ws.rs;

    requires jakarta.annotation;
    requires jakarta.json.bind;
    requires jakarta.websocket.client;
    requires java.logging;
    requires java.naming;
    // The MicroProfile APIs have neither a module descriptor nor an Automatic-Module-Name: these names are derived
    // from their jar names (javac warns so). Not transitive, so that no application inherits such a name from here;
    // the Rest Client API's annotation on the exported wire interfaces needs no more.
    requires microprofile.config.api;
    requires microprofile.health.api;
    requires microprofile.rest.client.api;

    // Used only when the runtime makes OpenTelemetry visible (MicroProfile Telemetry); absent otherwise.
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;

    provides jakarta.enterprise.inject.spi.Extension with cx.wonderful.microprofile.internal.ConfigCheckExtension;
}
