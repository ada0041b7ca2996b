/**
 * Communications history: {@link cx.wonderful.microprofile.communications.WonderfulCommunications} lists, pages
 * through and reads the communications (calls, chats, emails, tasks) of the tenant, with their transcriptions.
 */
package cx.wonderful.microprofile.communications;
