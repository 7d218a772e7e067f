package io.tidings.core.dispatch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateEngine;
import io.tidings.core.spi.MessageDecorator;
import io.tidings.core.spi.RenderDataContributor;

/**
 * Prepares one attempt of a communication: renders its template (at send time, so the message
 * shows the current template and data) with the event data and what the contributors add, then,
 * once a channel will take it, resolves its attachments and lets the decorators finish it.
 */
final class MessagePreparer {

    /** A message that cannot be prepared now or ever: FAILED with the reason. */
    static final class Unpreparable extends Exception {
        private static final long serialVersionUID = 1L;

        Unpreparable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A communication rendered for this attempt.
     *
     * @param replyTo its email's Reply-To (its rule's, else its template's), null for the channel's default
     */
    record Rendered(Communication communication, BusinessEvent event, Template template, RenderedMessage message,
            String replyTo) {
        boolean withFiles() {
            return !template.attachments().isEmpty();
        }
    }

    private final BiFunction<String, Integer, Optional<Template>> templates;
    private final TemplateEngine templateEngine;
    private volatile Supplier<? extends Collection<RenderDataContributor>> contributors = List::of;
    private volatile Supplier<? extends Collection<MessageDecorator>> decorators = List::of;
    private volatile AttachmentResolver attachments = new AttachmentResolver(10L * 1024 * 1024,
            java.time.Duration.ofSeconds(20));

    /** @param templates finds a template by key and version (null version: the current one) */
    MessagePreparer(BiFunction<String, Integer, Optional<Template>> templates, TemplateEngine templateEngine) {
        this.templates = templates;
        this.templateEngine = templateEngine;
    }

    void contributors(Supplier<? extends Collection<RenderDataContributor>> contributors) {
        this.contributors = contributors;
    }

    void decorators(Supplier<? extends Collection<MessageDecorator>> decorators) {
        this.decorators = decorators;
    }

    void attachments(AttachmentResolver resolver) {
        this.attachments = resolver;
    }

    /**
     * Renders the communication. Anything that goes wrong while rendering is that message's fault
     * (its template or its data), so it fails that message and nothing else — an Error included: a
     * value that overflows the stack or exhausts memory must not end the dispatch thread.
     *
     * @param event its event as read with the batch
     */
    Rendered render(Communication c, Optional<BusinessEvent> event) throws Unpreparable {
        return render(c, event, null);
    }

    /** @param ruleReplyTo its rule's Reply-To, over the template's; null for the template's */
    Rendered render(Communication c, Optional<BusinessEvent> event, String ruleReplyTo) throws Unpreparable {
        if (event.isEmpty()) {
            throw new Unpreparable("its event '" + c.eventId() + "' is missing");
        }
        Optional<Template> template = templates.apply(c.templateKey(), null);
        if (template.isEmpty()) {
            throw new Unpreparable("template '" + c.templateKey() + "' no longer exists");
        }
        try {
            String replyTo = c.medium() != io.tidings.api.Medium.EMAIL ? null
                    : ruleReplyTo != null ? ruleReplyTo : template.get().replyTo();
            return new Rendered(c, event.get(), template.get(),
                    templateEngine.render(template.get(), c.language(), renderData(c, event.get())), replyTo);
        } catch (ValidationException e) {
            throw new Unpreparable("cannot render: " + e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new Unpreparable("cannot render: " + e.getClass().getSimpleName()
                    + " (the template or its data is too large or nested too deeply)");
        }
    }

    /** The event data, plus what the contributors add for this message (the signed links of its recipient). */
    private Map<String, Object> renderData(Communication c, BusinessEvent event) {
        Collection<RenderDataContributor> all = contributors.get();
        if (all.isEmpty()) {
            return event.data();
        }
        Map<String, Object> data = new HashMap<>(event.data());
        for (RenderDataContributor contributor : all) {
            data.putAll(contributor.renderData(c, event));
        }
        return data;
    }

    /**
     * The message its channel receives: files fetched (only now that a channel will take it, so a
     * message that waits fetches nothing), then each decorator's changes.
     */
    OutboundMessage complete(Rendered r, Purpose purpose) throws AttachmentResolver.AttachmentException {
        return finish(r, purpose, r.withFiles() ? attachments.resolve(r.template(), r.event().data()) : List.of());
    }

    /** The message of a template without files: nothing to fetch. */
    OutboundMessage completeWithoutFiles(Rendered r, Purpose purpose) {
        return finish(r, purpose, List.of());
    }

    private OutboundMessage finish(Rendered r, Purpose purpose, List<Attachment> files) {
        Communication c = r.communication();
        RenderedMessage rendered = r.message();
        OutboundMessage message = new OutboundMessage(c.id(), c.medium(), c.recipient(),
                recipientName(r.event(), c.recipient()), rendered.subject(), rendered.text(), rendered.html(),
                rendered.language(), c.attempts() + 1, country(r.event()), files, null, r.replyTo());
        for (MessageDecorator decorator : decorators.get()) {
            message = decorator.decorate(message, c, purpose);
        }
        return message;
    }

    /** The country of the event's location ({@code data.location.country}), for phone numbers without one. */
    static String country(BusinessEvent event) {
        if (event.data().get("location") instanceof Map<?, ?> location && location.get("country") != null) {
            String country = location.get("country").toString().trim();
            return country.isEmpty() ? null : country;
        }
        return null;
    }

    /** The display name of the contact whose address this is, when the event carries it. */
    static String recipientName(BusinessEvent event, String recipient) {
        if (recipient == null) {
            return null;
        }
        for (Object value : event.data().values()) {
            if (value instanceof Map<?, ?> map
                    && (recipient.equals(map.get("email")) || samePhone(recipient, map.get("phone")))) {
                Object name = map.get("name");
                return name == null ? null : name.toString();
            }
        }
        return null;
    }

    /**
     * Whether the event's number, as the host wrote it ({@code 067 123 45 67}), is the recipient's
     * number, which planning wrote in E.164 ({@code +380671234567}): its digits, without the national
     * prefix's zeros, end the recipient's.
     */
    private static final java.util.regex.Pattern NOT_DIGITS = java.util.regex.Pattern.compile("\\D");

    static boolean samePhone(String recipient, Object written) {
        if (written == null) {
            return false;
        }
        String raw = written.toString();
        if (recipient.equals(raw)) {
            return true;
        }
        String digits = NOT_DIGITS.matcher(raw).replaceAll("").replaceFirst("^0+", "");
        return recipient.startsWith("+") && digits.length() >= 6 && recipient.substring(1).endsWith(digits);
    }
}
