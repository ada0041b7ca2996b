/** Wonderful contact-center API for Jakarta EE and MicroProfile. */
package cx.wonderful.microprofile;
