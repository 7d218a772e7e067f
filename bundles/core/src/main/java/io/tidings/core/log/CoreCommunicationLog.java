package io.tidings.core.log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.Direction;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;
import io.tidings.core.store.CommunicationLogRepository;

/**
 * The communication log: validates what people and hosts log against the categories, keeps drafts
 * editable until completed, sends a completed EMAIL or SMS draft through the queue as a manual
 * message, and keeps follow-ups on any communication.
 */
@Component(service = CommunicationLog.class)
public class CoreCommunicationLog implements CommunicationLog {

    @Reference
    private CommunicationLogRepository store;

    @Reference
    private NotificationService notifications;

    private final Clock clock;

    public CoreCommunicationLog() {
        this.clock = Clock.systemUTC();
    }

    /** Outside a framework (engine tests). */
    public CoreCommunicationLog(CommunicationLogRepository store, NotificationService notifications, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public Recorded record(LoggedCommunication communication) {
        LoggedCommunication manual = new LoggedCommunication(communication.id(), LoggedCommunication.MANUAL,
                communication.medium(), communication.direction(), communication.state(), communication.contact(),
                communication.entity(), communication.category(), communication.subject(), communication.notes(),
                communication.occurredAt(), communication.followUpOf(), communication.related(),
                communication.owner(), null, null, null, null);
        validate(manual);
        Optional<LoggedCommunication> before = store.find(manual.id());
        if (before.isPresent()) {
            return new Recorded(before.get(), false);
        }
        boolean created = store.insert(manual, clock.instant());
        return new Recorded(store.find(manual.id()).orElseThrow(), created);
    }

    private void validate(LoggedCommunication c) {
        c.validate();
        if (c.category() != null && store.category(c.category()).isEmpty()) {
            throw new ValidationException("category", "'" + c.category() + "' is not one of the categories ("
                    + String.join(", ", store.categories().stream().map(CommunicationCategory::key).toList())
                    + "); an administrator adds categories under /communication-categories");
        }
        if (c.followUpOf() != null && !store.exists(c.followUpOf())) {
            throw new ValidationException("followUpOf", "no communication has the id '" + c.followUpOf() + "'");
        }
    }

    @Override
    public Optional<LoggedCommunication> update(String id, LoggedCommunication changes, boolean send) {
        Optional<LoggedCommunication> before = store.find(id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        LoggedCommunication old = before.get();
        if (old.state() != EntryState.DRAFT) {
            throw new ValidationException("state", "the communication is COMPLETED and can no longer change");
        }
        Instant now = clock.instant();
        Instant occurred = changes.occurredAt();
        if (changes.state() == EntryState.COMPLETED && occurred == null) {
            occurred = now;
        }
        LoggedCommunication next = new LoggedCommunication(id, old.kind(), changes.medium(), changes.direction(),
                changes.state(), changes.contact(), changes.entity(), changes.category(), changes.subject(),
                changes.notes(), occurred, changes.followUpOf(), changes.related(), changes.owner(), old.channel(),
                null, null, null);
        validate(next);
        if (send) {
            next = next.withSentAs(send(next));
        }
        if (!store.updateDraft(next, now)) {
            throw new ValidationException("state", "the communication was completed meanwhile and can no longer change");
        }
        return store.find(id);
    }

    /** A completed EMAIL or SMS draft goes through the queue; the message keeps the draft's id, so once. */
    private String send(LoggedCommunication draft) {
        if (draft.state() != EntryState.COMPLETED) {
            throw new ValidationException("send", "only a draft being COMPLETED is sent");
        }
        if (draft.direction() != Direction.OUTBOUND) {
            throw new ValidationException("send", "an INBOUND communication is not sent");
        }
        // any medium name is valid since media are open; messages written by hand go by EMAIL or SMS only
        Medium medium = Medium.EMAIL.name().equals(draft.medium()) ? Medium.EMAIL
                : Medium.SMS.name().equals(draft.medium()) ? Medium.SMS : null;
        if (medium == null) {
            throw new ValidationException("send", "Tidings sends EMAIL and SMS drafts; a " + draft.medium()
                    + " communication is logged, not sent");
        }
        Map<String, Object> recipient = new java.util.LinkedHashMap<>(draft.contact());
        if (!(recipient.get("consent") instanceof Map)) {
            // the person who completes the draft vouches for the contact's consent to this one message
            recipient.put("consent", Map.of(medium == Medium.EMAIL ? "email" : "sms", true));
        }
        ManualMessage message = new ManualMessage(draft.id(), medium, recipient, draft.subject(), draft.notes(),
                draft.entity(), null);
        try {
            message.validate();
        } catch (ValidationException e) {
            String field = switch (e.field()) {
                case "text" -> "notes";
                case "recipient", "recipient.email", "recipient.phone" -> e.field().replace("recipient", "contact");
                default -> e.field();
            };
            throw new ValidationException(field, e.reason());
        }
        IngestResult sent = notifications.send(message);
        return sent.communicationIds().isEmpty() ? null : sent.communicationIds().get(0);
    }

    @Override
    public Optional<LoggedCommunication> find(String id) {
        return store.find(id);
    }

    @Override
    public List<CommunicationCategory> categories() {
        return store.categories();
    }

    @Override
    public CommunicationCategory saveCategory(CommunicationCategory category) {
        category.validate();
        CommunicationCategory clean = new CommunicationCategory(category.key(), category.name().strip());
        store.saveCategory(clean);
        return clean;
    }

    @Override
    public boolean removeCategory(String key) {
        return store.removeCategory(key);
    }

    @Override
    public FollowUp followUp(String communicationId, Instant dueAt, String owner, String note) {
        if (communicationId == null || !store.exists(communicationId)) {
            throw new ValidationException("communicationId", "no communication has the id '" + communicationId + "'");
        }
        if (dueAt == null) {
            throw new ValidationException("dueAt", "is required: when the follow-up is due (ISO-8601)");
        }
        if (owner != null && (owner.isBlank() || owner.length() > 200)) {
            throw new ValidationException("owner", "must be a user name of at most 200 characters");
        }
        if (note != null && note.length() > 4000) {
            throw new ValidationException("note", "is longer than 4000 characters");
        }
        FollowUp followUp = new FollowUp(communicationId, dueAt, owner, note, null, null);
        store.saveFollowUp(followUp, clock.instant());
        return followUp;
    }

    @Override
    public Optional<FollowUp> followUpOf(String communicationId) {
        return store.followUp(communicationId);
    }

    @Override
    public List<FollowUp> followUps(String owner, Instant dueBefore, int limit) {
        return store.openFollowUps(owner, dueBefore, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public Optional<FollowUp> completeFollowUp(String communicationId, LoggedCommunication outcome) {
        Optional<FollowUp> open = store.followUp(communicationId).filter(FollowUp::open);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<String> related = new ArrayList<>(outcome.related());
        if (!related.contains(communicationId)) {
            related.add(0, communicationId);
        }
        // the outcome is the same contact's and about the same thing unless it says otherwise
        Optional<LoggedCommunication> followed = store.find(communicationId);
        Map<String, Object> contact = outcome.contact().isEmpty()
                ? followed.map(LoggedCommunication::contact).orElse(Map.of()) : outcome.contact();
        io.tidings.api.EntityRef entity = outcome.entity() != null ? outcome.entity()
                : followed.map(LoggedCommunication::entity).orElse(null);
        LoggedCommunication recorded = new LoggedCommunication(outcome.id(), LoggedCommunication.MANUAL,
                outcome.medium(), outcome.direction(), EntryState.COMPLETED, contact, entity,
                outcome.category(), outcome.subject(), outcome.notes(),
                outcome.occurredAt() == null ? now : outcome.occurredAt(), communicationId, related,
                outcome.owner() == null ? open.get().owner() : outcome.owner(), null, null, null, null);
        validate(recorded);
        if (!store.completeFollowUp(communicationId, recorded, now)) {
            return Optional.empty();
        }
        return store.followUp(communicationId);
    }

    @Override
    public List<FeedItem> feed(FeedQuery query) {
        query.validate();
        return store.feed(query);
    }
}
