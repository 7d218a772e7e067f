package io.tidings.channel.smtp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail that answers RCPT TO for chosen addresses with a chosen reply (550 unknown user,
 * 450 mailbox busy), which stock GreenMail never does.
 */
final class RejectingGreenMail extends GreenMail {

    // no initializer: the super constructor already calls createServices, which reads it
    private Map<String, String> rejections;

    RejectingGreenMail(ServerSetup setup) {
        super(setup);
    }

    /** From now on RCPT TO:&lt;address&gt; gets this reply, e.g. {@code 550 5.1.1 <x@example.com>: no such user}. */
    void reject(String address, String reply) {
        rejections().put(address.toLowerCase(), reply);
    }

    private synchronized Map<String, String> rejections() {
        if (rejections == null) {
            rejections = new ConcurrentHashMap<>();
        }
        return rejections;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        return super.createServices(config, new Managers() {
            private final SmtpManager smtp = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return rejections().get(address.getEmail().toLowerCase());
                }
            };

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }

            @Override
            public UserManager getUserManager() {
                return managers.getUserManager();
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return managers.getImapHostManager();
            }
        });
    }
}
