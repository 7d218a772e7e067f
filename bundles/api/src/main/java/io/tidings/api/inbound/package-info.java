/**
 * Tidings public API — messages received from contacts (SMS replies) as the channels hand them to the
 * engine: recorded in the communication log, and their keywords (STOP, START, HELP, custom ones) applied.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.inbound;
