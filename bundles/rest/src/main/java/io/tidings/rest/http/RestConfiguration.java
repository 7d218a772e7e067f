package io.tidings.rest.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code io.tidings.rest}. */
@ObjectClassDefinition(id = "io.tidings.rest", name = "Tidings REST API",
        description = "HTTP API under /tidings/api/v1: who may call it.")
public @interface RestConfiguration {

    @AttributeDefinition(name = "Realm", description = "JAAS realm that checks the Basic credentials")
    String realm() default "karaf";

    @AttributeDefinition(name = "Administrator role",
            description = "Role that may do everything, as tidings-admin; the finer roles tidings-ingest, tidings-viewer,"
                    + " tidings-viewer-content and tidings-editor are fixed names")
    String role() default "admin";

    @AttributeDefinition(name = "Login cache (seconds)",
            description = "How long a successful login is remembered; 0 logs in on every request", min = "0")
    int loginCacheSeconds() default 60;

    @AttributeDefinition(name = "Largest request (MB)",
            description = "A request body above this is refused with 413: an event carrying files, or a batch of events",
            min = "1")
    int maxBodyMegabytes() default 16;

    /** {@code .scrapeToken} in the file: a private property, never published as a service property. */
    @AttributeDefinition(name = "Scrape token", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "A token (24 characters or more) with which GET /metrics and /metrics/prometheus may be read as"
                    + " Authorization: Bearer <token>, without a login; empty: a tidings-viewer login is needed")
    String _scrapeToken() default "";
    @AttributeDefinition(name = "Failed logins per user",
            description = "Failed logins of one user name within the window after which its logins are refused with 429"
                    + " until the window ends; 0 counts none", min = "0")
    int loginFailuresPerUser() default 5;

    @AttributeDefinition(name = "Failed logins per address",
            description = "Failed logins (passwords or API keys) from one remote address within the window after which"
                    + " its logins are refused with 429 until the window ends; 0 counts none", min = "0")
    int loginFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Failed login window (seconds)",
            description = "How long failed logins are counted, and how long a throttled user or address waits", min = "1")
    int loginFailureWindowSeconds() default 300;
}
