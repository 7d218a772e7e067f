package io.tidings.webconsole.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The web console login of Tidings, {@code etc/io.tidings.webconsole.login.cfg}. */
@ObjectClassDefinition(id = TidingsSecurityProvider.PID, name = "Tidings web console login",
        description = "Who may log in to Karaf's web console: Karaf's administrator role reaches every page, the"
                + " Tidings roles only the Tidings page")
public @interface ConsoleLoginConfiguration {

    @AttributeDefinition(name = "Realm", description = "JAAS realm that checks the console's Basic credentials")
    String realm() default "karaf";

    @AttributeDefinition(name = "Administrator role",
            description = "Karaf role that reaches every console page and counts as tidings-admin on the Tidings page")
    String role() default "admin";

    @AttributeDefinition(name = "Failed logins per user", min = "0",
            description = "Failed console logins of one user name within the window after which its logins are refused"
                    + " with 429 until the window ends; 0 counts none")
    int loginFailuresPerUser() default 5;

    @AttributeDefinition(name = "Failed logins per address", min = "0",
            description = "Failed console logins from one remote address within the window after which its logins are"
                    + " refused with 429 until the window ends; 0 counts none")
    int loginFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Failed login window (seconds)", min = "1",
            description = "How long failed logins are counted, and how long a throttled user or address waits")
    int loginFailureWindowSeconds() default 300;
}
