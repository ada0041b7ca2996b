/**
 * Plumbing shared by the capability packages (auth, chat, realtime, communications). Public only because Java
 * packages cannot share otherwise; not part of the library's API and free to change between versions.
 */
package cx.wonderful.microprofile.internal;
