/**
 * Tidings public API — the communication log: communications Tidings does not send (a phone call, a
 * letter, a visit, logged by a person or a host), replies received from contacts, follow-ups due on
 * any communication, the administrator's list of categories, and one chronological feed per contact
 * or entity that mixes them with the messages Tidings sent.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.log;
