package io.tidings.links;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.link.LinkAction;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;

/**
 * What links add to each message: the signed {@code dynamic_link} values of its recipient, open and
 * click tracking of email as configured, and the one-click unsubscribe link of marketing email.
 */
@Component(service = {RenderDataContributor.class, MessageDecorator.class})
public class LinkContributions implements RenderDataContributor, MessageDecorator {

    @Reference
    private LinkMaker links;

    public LinkContributions() {
    }

    /** For use outside OSGi (tests, benchmarks). */
    public LinkContributions(LinkMaker links) {
        this.links = links;
    }

    @Override
    public Map<String, Object> renderData(Communication communication, BusinessEvent event) {
        return Map.of(DynamicLinkTags.ENTITY, links.linksFor(communication.id()));
    }

    @Override
    public Map<String, Object> previewData() {
        return Map.of(DynamicLinkTags.ENTITY, links.previewLinks());
    }

    @Override
    public OutboundMessage decorate(OutboundMessage m, Communication communication, Purpose purpose) {
        if (m.medium() != Medium.EMAIL) {
            return m;
        }
        String html = m.html();
        String text = m.text();
        if (html != null) {
            LinkMaker.Tracked tracked = links.track(html, text, communication.id(), purpose);
            html = tracked.html();
            text = tracked.text();
        }
        LinkAction optOut = purpose == Purpose.MARKETING ? LinkAction.OPT_OUT_DIRECT_MARKETING
                : purpose == Purpose.AFFILIATE_MARKETING ? LinkAction.OPT_OUT_AFFILIATE_MARKETING : null;
        Object unsubscribe = optOut == null ? null : links.linksFor(communication.id()).get(optOut.tag());
        return new OutboundMessage(m.communicationId(), m.medium(), m.recipient(), m.recipientName(), m.subject(), text,
                html, m.language(), m.attempt(), m.country(), m.attachments(),
                unsubscribe == null ? m.unsubscribeUrl() : unsubscribe.toString(), m.replyTo());
    }
}
