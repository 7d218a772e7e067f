package io.tidings.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import org.ops4j.pax.exam.Option;

import com.icegreen.greenmail.util.GreenMail;

/**
 * An IT whose messages go to a real SMTP server: Tidings with its SMTP channel, and GreenMail
 * running in the container beside it.
 */
public abstract class SmtpTestSupport extends TidingsTestSupport {

    /** Started once per container, by the first {@link #smtpChannel}. */
    protected static GreenMail smtp;

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-smtp"};
    }

    @Override
    protected Option[] options() {
        return new Option[] {mavenBundle().groupId("com.icegreen").artifactId("greenmail")
                .version(System.getProperty("greenmail.version"))};
    }

    /** The server, and the SMTP channel {@code smtp-<name>} sending to it before the devbox; then the REST API. */
    protected void smtpChannel(String name) throws Exception {
        if (smtp == null) {
            smtp = Mails.startSmtp();
        }
        Mails.smtpChannel(this, smtp, name);
        awaitApi();
    }
}
