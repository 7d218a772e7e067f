/**
 * Tidings public API — locations: time zones, working hours and closed dates the rules schedule by.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.location;
