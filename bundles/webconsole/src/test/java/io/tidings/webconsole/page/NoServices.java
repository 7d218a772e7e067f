package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.NotificationService;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateService;

/** A console with no Tidings service registered: a test overrides the ones its page uses. */
class NoServices implements ConsoleServices {

    /** An engine that answers one question of a page, and refuses any other. */
    static NotificationService engine(String method, Object answer) {
        return (NotificationService) java.lang.reflect.Proxy.newProxyInstance(NoServices.class.getClassLoader(),
                new Class<?>[] {NotificationService.class}, (proxy, called, args) -> {
                    if (called.getName().equals(method)) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
    }

    /** An audit trail that keeps its entries in the list. */
    static AuditTrail trail(List<AuditEntry> entries) {
        return new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
                entries.add(entry);
            }

            @Override
            public List<AuditEntry> entries(AuditQuery query) {
                return entries;
            }
        };
    }

    @Override
    public NotificationService notifications() {
        throw new Unavailable("the notification engine");
    }

    @Override
    public TemplateService templates() {
        throw new Unavailable("the template store");
    }

    @Override
    public RuleService rules() {
        throw new Unavailable("the rule store");
    }

    @Override
    public OptOutService consent() {
        throw new Unavailable("the consent store");
    }

    @Override
    public io.tidings.api.run.RunService runs() {
        throw new Unavailable("the runs");
    }

    @Override
    public MessageArchive archive() {
        return null;
    }

    @Override
    public DynamicLinks links() {
        return null;
    }

    @Override
    public List<ChannelSummary> channels() {
        return List.of();
    }
}
