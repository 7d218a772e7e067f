/**
 * Tidings public API — notification runs: a batch of events sent to many customers at once (the
 * March bill reminders, a loyalty offer), kept as a record that can be followed, cancelled and
 * compared.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.run;
