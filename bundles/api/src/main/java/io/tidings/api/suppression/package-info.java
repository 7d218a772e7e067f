/**
 * Tidings public API — the suppression list: addresses no message goes to (hard bounces, complaints,
 * an administrator's entries), kept apart from the recipients' own consent choices.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.suppression;
