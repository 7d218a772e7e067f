/**
 * Tidings public API — webhooks to the host: HTTP endpoints an administrator registers, to which
 * Tidings posts signed JSON when a communication changes status, a recipient follows a dynamic link
 * or a phone replies to an SMS, from a durable queue with retries.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.webhook;
