/**
 * Tidings public API — dynamic links: signed, expiring links in messages that record a
 * recipient's opt-in, opt-out or acceptance when followed.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.link;
